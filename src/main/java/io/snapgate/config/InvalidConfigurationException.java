package io.snapgate.config;

/**
 * Start-up refused because a setting is wrong; the message names the property.
 */
public class InvalidConfigurationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String property;

	public InvalidConfigurationException(String property, String message) {
		super(property + ": " + message);
		this.property = property;
	}

	public String property() {
		return this.property;
	}

}
