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

	private static final String URI_WITH_PASSWORD = "^[A-Za-z][A-Za-z0-9+.-]*://[^/@\\s]*:[^@\\s]*@.*$";

	/**
	 * Masks secrets wherever actuator shows settings or their sources: what Boot deems a
	 * likely credential (a key that ends in password, secret, key or token: passwords,
	 * API keys, secret access keys, the signing key), the access key ids and API key
	 * hashes that point at a credential without being one, and any URI that carries a
	 * password. Boot's own rule for URIs would mask every address, the upstreams' too,
	 * which an operator reads this to check.
	 */
	@Bean
	SanitizingFunction secretSettings() {
		return SanitizingFunction.sanitizeValue()
			.ifLikelyCredential()
			.ifLikelySensitiveProperty()
			.ifVcapServices()
			.ifKeyEndsWith("access-key-id", "accessKeyId", "sha256")
			.ifValueStringMatches(URI_WITH_PASSWORD);
	}

}
