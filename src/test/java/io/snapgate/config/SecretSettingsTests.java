package io.snapgate.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which settings are shown masked, by the name configprops gives them and by the name
 * they are written with.
 */
class SecretSettingsTests {

	@ParameterizedTest
	@ValueSource(strings = { "snapgate.providers.vergeos-prod.password", "snapgate.providers.vergeos-prod.api-key",
			"snapgate.providers.vergeos-prod.apiKey", "snapgate.providers.baidu-bj.secret-access-key",
			"snapgate.providers.baidu-bj.secretAccessKey", "snapgate.providers.baidu-bj.access-key-id",
			"snapgate.providers.baidu-bj.accessKeyId", "snapgate.tokens.signing-key", "snapgate.tokens.signingKey",
			"snapgate.security.api-keys[0].sha256", "snapgate.sandbox.vergeos.password",
			"snapgate.sandbox.vergeos.api-key", "spring.security.user.password" })
	void aSecretIsMasked(String property) {
		assertThat(SecretSettings.shown(property, "s3cr3t")).isEqualTo("******");
	}

	@ParameterizedTest
	@ValueSource(strings = { "snapgate.providers.vergeos-prod.base-url", "snapgate.providers.vergeos-prod.username",
			"snapgate.providers.baidu-bj.endpoint", "snapgate.providers.vergeos-prod.ca-bundle",
			"snapgate.security.api-keys[0].owner", "snapgate.security.jwt.grants-claim" })
	void anythingElseIsShown(String property) {
		assertThat(SecretSettings.shown(property, "https://vergeos.example.com"))
			.isEqualTo("https://vergeos.example.com");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://svc:p4ss@vergeos.example.com", "redis://:p4ss@cache:6379/0",
			"https://svc:p4ss/with/slash@vergeos.example.com/api" })
	void aUriThatCarriesAPasswordIsMaskedWhateverItsName(String uri) {
		assertThat(SecretSettings.shown("management.otlp.endpoint", uri)).isEqualTo("******");
	}

}
