package io.snapgate.config;

import java.util.Map;

/**
 * A provider to configure when the operator configured none, such as an embedded sandbox.
 * Its settings are the keys that would stand under {@code snapgate.providers.<id>}.
 *
 * @param id the provider id
 * @param settings the settings, {@code type} among them
 */
public record DefaultProviderDeclaration(String id, Map<String, String> settings) {

	public DefaultProviderDeclaration {
		settings = Map.copyOf(settings);
	}

}
