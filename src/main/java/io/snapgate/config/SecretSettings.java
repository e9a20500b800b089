package io.snapgate.config;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Which settings are secrets, wherever a setting's value is shown: what Boot deems a
 * likely credential (a key that ends in password, secret, key or token: passwords, API
 * keys, secret access keys, the signing key), the access key ids and API key hashes that
 * point at a credential without being one, and any URI that carries a password. Boot's
 * own rule for URIs would mask every address, the upstreams' too, which an operator reads
 * the settings to check.
 */
final class SecretSettings {

	private static final String URI_WITH_PASSWORD = "^[A-Za-z][A-Za-z0-9+.-]*://[^/@\\s]*:[^@\\s]*@.*$";

	static final SanitizingFunction SANITIZING = SanitizingFunction.sanitizeValue()
		.ifLikelyCredential()
		.ifLikelySensitiveProperty()
		.ifVcapServices()
		.ifKeyEndsWith("access-key-id", "accessKeyId", "sha256")
		.ifValueStringMatches(URI_WITH_PASSWORD);

	private SecretSettings() {
	}

	/**
	 * The value of a setting as it may be shown: masked when it is a secret.
	 */
	static @Nullable Object shown(String property, @Nullable Object value) {
		return SANITIZING.applyUnlessFiltered(new SanitizableData(null, property, value)).getValue();
	}

}
