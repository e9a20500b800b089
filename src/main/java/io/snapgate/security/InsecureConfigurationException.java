package io.snapgate.security;

/**
 * Start-up refused: the gateway would run without authentication outside the sandbox.
 */
public class InsecureConfigurationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public InsecureConfigurationException(String message) {
		super(message);
	}

}
