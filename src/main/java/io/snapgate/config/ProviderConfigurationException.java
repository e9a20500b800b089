package io.snapgate.config;

/**
 * Start-up refused because a provider's configuration is wrong; the message names the property.
 */
public class ProviderConfigurationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String property;

	public ProviderConfigurationException(String property, String message) {
		super(property + ": " + message);
		this.property = property;
	}

	public String property() {
		return this.property;
	}

}
