package io.snapgate.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Every configured provider by id, as {@code /actuator/configprops} shows them under
 * {@code snapgate.providers}. A class with no accessor named as a property, not a record,
 * so that the configuration processor finds no setting of its own in it.
 */
final class ConfiguredProviders {

	private final Map<String, ConfiguredProvider> byId;

	/**
	 * @param byId the providers by id
	 */
	ConfiguredProviders(Map<String, ConfiguredProvider> byId) {
		this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
	}

	@JsonValue
	Map<String, ConfiguredProvider> byId() {
		return this.byId;
	}

}
