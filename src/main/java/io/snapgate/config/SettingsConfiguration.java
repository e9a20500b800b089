package io.snapgate.config;

import io.snapgate.security.SecuritySettings;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the {@code snapgate.*} settings records that are beans. They are named here
 * rather than found by scanning: the records that describe a map's values or a list's
 * elements ({@code snapgate.providers.<id>}, {@code snapgate.security.api-keys[]}) carry
 * {@code @ConfigurationProperties} with a pattern for a prefix, for the metadata alone,
 * and are bound through their parent or their provider's factory, never as beans.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SnapGateProperties.class, SecuritySettings.class })
class SettingsConfiguration {

	/**
	 * Masks secrets wherever actuator shows settings or their sources.
	 */
	@Bean
	SanitizingFunction secretSettings() {
		return SecretSettings.SANITIZING;
	}

}
