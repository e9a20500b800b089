package io.snapgate.provider.vergeos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VergeosSettingsTests {

	private static final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

	@TempDir
	Path dir;

	@AfterAll
	static void close() {
		validation.close();
	}

	@Test
	void defaultsApply() {
		VergeosSettings settings = bind(
				Map.of("base-url", "https://vergeos.example.com", "username", "svc", "password", "secret"));

		assertThat(settings.verifyTls()).isTrue();
		assertThat(settings.caBundle()).isNull();
		assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.minSnapshots()).isEqualTo(1);
		assertThat(settings.defaultRetention()).isEqualTo(Duration.ofDays(3));
		assertThat(settings.policyTimeZone()).isEqualTo(ZoneId.of("UTC"));
		assertThat(settings.usesApiKey()).isFalse();
	}

	@Test
	void thePolicyTimeZoneIsAnIanaZone() {
		VergeosSettings settings = bind(
				Map.of("base-url", "https://vergeos.example.com", "api-key", "k", "policy-time-zone", "Asia/Tokyo"));

		assertThat(settings.policyTimeZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("base-url", "https://vergeos.example.com", "api-key", "k", "policy-time-zone",
					"Mars/Olympus")))
			.satisfies((ex) -> assertThat(ex).hasStackTraceContaining("policy-time-zone"));
	}

	@Test
	void anApiKeyAloneIsEnough() {
		VergeosSettings settings = bind(Map.of("base-url", "https://vergeos.example.com", "api-key", "k-123"));

		assertThat(settings.usesApiKey()).isTrue();
	}

	@Test
	void exactlyOneAuthenticationModeIsRequired() {
		assertRefused(Map.of("base-url", "https://v.example.com"), "username and password", "api-key");
		assertRefused(Map.of("base-url", "https://v.example.com", "username", "u", "password", "p", "api-key", "k"),
				"exactly one");
		assertRefused(Map.of("base-url", "https://v.example.com", "username", "u"), "username and password");
	}

	@Test
	void baseUrlIsRequiredAndMustBeHttpsOutsideLoopback() {
		assertRefused(Map.of("username", "u", "password", "p"), "baseUrl");
		assertRefused(Map.of("base-url", "http://vergeos.example.com", "username", "u", "password", "p"), "https://");
		assertRefused(Map.of("base-url", "https://u:p@vergeos.example.com", "api-key", "k"), "base-url");
		assertThat(bind(Map.of("base-url", "http://localhost:8080", "api-key", "k"))).isNotNull();
		assertThat(bind(Map.of("base-url", "http://127.0.0.1:8080", "api-key", "k"))).isNotNull();
		assertThat(bind(Map.of("base-url", "http://sandbox.snapgate.invalid/sandbox/vergeos", "api-key", "k")))
			.isNotNull();
	}

	@Test
	void aCaBundleMustBeReadableAndVerified() throws IOException {
		Path pem = Files.writeString(this.dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
		assertThat(bind(Map.of("base-url", "https://v.example.com", "api-key", "k", "ca-bundle", pem.toString())))
			.extracting(VergeosSettings::caBundle)
			.isEqualTo(pem);
		assertRefused(Map.of("base-url", "https://v.example.com", "api-key", "k", "ca-bundle",
				this.dir.resolve("missing.pem").toString()), "ca-bundle");
		assertRefused(Map.of("base-url", "https://v.example.com", "api-key", "k", "ca-bundle", pem.toString(),
				"verify-tls", "false"), "verify-tls");
	}

	@Test
	void durationsMustBePositive() {
		assertRefused(Map.of("base-url", "https://v.example.com", "api-key", "k", "read-timeout", "PT0S"),
				"read-timeout");
		assertRefused(Map.of("base-url", "https://v.example.com", "api-key", "k", "min-snapshots", "0"),
				"minSnapshots");
	}

	@Test
	void toStringMasksSecrets() {
		VergeosSettings basic = bind(
				Map.of("base-url", "https://v.example.com", "username", "svc", "password", "hunter2-secret"));
		VergeosSettings key = bind(Map.of("base-url", "https://v.example.com", "api-key", "api-key-secret"));

		assertThat(basic.toString()).contains("svc").doesNotContain("hunter2-secret");
		assertThat(key.toString()).doesNotContain("api-key-secret");
	}

	private void assertRefused(Map<String, String> settings, String... messageParts) {
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> bind(settings))
			.satisfies((ex) -> assertThat(ex).hasStackTraceContaining("snapgate.providers.vergeos-test"))
			.satisfies((ex) -> {
				for (String part : messageParts) {
					assertThat(ex).hasStackTraceContaining(part);
				}
			});
	}

	private VergeosSettings bind(Map<String, String> settings) {
		Map<String, String> flat = new LinkedHashMap<>();
		flat.put("snapgate.providers.vergeos-test.type", "vergeos");
		settings.forEach((key, value) -> flat.put("snapgate.providers.vergeos-test." + key, value));
		Binder binder = new Binder(new MapConfigurationPropertySource(flat));
		return binder.bindOrCreate("snapgate.providers.vergeos-test", Bindable.of(VergeosSettings.class),
				new ValidationBindHandler(new SpringValidatorAdapter(validation.getValidator())));
	}

}
