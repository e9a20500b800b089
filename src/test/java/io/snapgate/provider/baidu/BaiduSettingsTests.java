package io.snapgate.provider.baidu;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The settings bind from {@code snapgate.providers.<id>} with their defaults, refuse what
 * cannot work, and never show the secret.
 */
class BaiduSettingsTests {

	private static final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

	@AfterAll
	static void close() {
		validation.close();
	}

	@Test
	void bindsWithDefaults() {
		BaiduSettings settings = bind(Map.of("endpoint", "https://bcc.bj.baidubce.com/", "access-key-id", "ak",
				"secret-access-key", "sk", "type", "baidu"));

		assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.expirationSeconds()).isEqualTo(1800);
		assertThat(settings.baseUrl()).isEqualTo("https://bcc.bj.baidubce.com");
		assertThat(settings.policyTimeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
	}

	@Test
	void thePolicyTimeZoneCanBeCorrected() {
		BaiduSettings settings = bind(Map.of("endpoint", "https://bcc.hkg.baidubce.com", "access-key-id", "ak",
				"secret-access-key", "sk", "policy-time-zone", "Asia/Hong_Kong"));

		assertThat(settings.policyTimeZone()).isEqualTo(ZoneId.of("Asia/Hong_Kong"));
		assertThat(settings.toString()).contains("policyTimeZone=Asia/Hong_Kong");
	}

	@Test
	void theSecretIsMasked() {
		BaiduSettings settings = bind(Map.of("endpoint", "https://bcc.bj.baidubce.com", "access-key-id", "ak",
				"secret-access-key", "very-secret-key"));

		assertThat(settings.toString()).doesNotContain("very-secret-key").contains("secretAccessKey=******");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://bcc.bj.baidubce.com", "https://user@bcc.bj.baidubce.com",
			"ftp://bcc.bj.baidubce.com", "https://bcc.bj.baidubce.com?x=1", "/v2" })
	void anEndpointThatWouldLeakOrCannotWorkIsRefused(String endpoint) {
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> bind(Map.of("endpoint", endpoint, "access-key-id", "ak", "secret-access-key", "sk")))
			.satisfies((ex) -> assertThat(ex).hasRootCauseInstanceOf(BindValidationException.class)
				.rootCause()
				.hasMessageContaining("endpoint"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:8080/sandbox/baidu", "http://localhost:9000",
			"http://sandbox.snapgate.invalid/sandbox/baidu" })
	void plainHttpIsAcceptedForLocalAndSandboxHosts(String endpoint) {
		assertThat(bind(Map.of("endpoint", endpoint, "access-key-id", "ak", "secret-access-key", "sk")).endpoint())
			.hasToString(endpoint);
	}

	@Test
	void credentialsAreRequired() {
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> bind(Map.of("endpoint", "https://bcc.bj.baidubce.com", "access-key-id", "ak")))
			.satisfies((ex) -> assertThat(ex).rootCause().hasMessageContaining("secretAccessKey"));
	}

	private static BaiduSettings bind(Map<String, String> properties) {
		Map<String, String> prefixed = new java.util.HashMap<>();
		properties.forEach((key, value) -> prefixed.put("snapgate.providers.baidu-bj." + key, value));
		Validator validator = validation.getValidator();
		Binder binder = new Binder(new MapConfigurationPropertySource(prefixed));
		return binder.bindOrCreate("snapgate.providers.baidu-bj", Bindable.of(BaiduSettings.class),
				new ValidationBindHandler(new SpringValidatorAdapter(validator)));
	}

}
