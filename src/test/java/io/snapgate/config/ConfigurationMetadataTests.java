package io.snapgate.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.snapgate.config.ConfigurationMetadata.Property;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata that the processor writes from the settings records, which
 * IDEs complete from and the configuration reference is checked against.
 */
class ConfigurationMetadataTests {

	private final ConfigurationMetadata metadata = ConfigurationMetadata.load();

	@Test
	void everySettingHasADescription() {
		assertThat(this.metadata.properties().values()).isNotEmpty()
			.filteredOn((property) -> property.description().isBlank())
			.extracting(Property::name)
			.as("settings without a description: give their record component an @param")
			.isEmpty();
	}

	@Test
	void eachProviderTypesSettingsAreDescribedUnderThePatternOfTheirType() {
		assertThat(property("snapgate.providers.<id>.type").description()).contains("vergeos").contains("baidu");
		assertThat(property("snapgate.providers.<vergeos-id>.base-url").type()).isEqualTo("java.net.URI");
		assertThat(property("snapgate.providers.<vergeos-id>.api-key").description()).contains("Bearer");
		assertThat(property("snapgate.providers.<vergeos-id>.ca-bundle").type()).isEqualTo("java.nio.file.Path");
		assertThat(property("snapgate.providers.<vergeos-id>.verify-tls").defaultValue()).isEqualTo("true");
		assertThat(property("snapgate.providers.<vergeos-id>.connect-timeout").defaultValue()).isEqualTo("PT5S");
		assertThat(property("snapgate.providers.<vergeos-id>.policy-time-zone").defaultValue()).isEqualTo("UTC");
		assertThat(property("snapgate.providers.<baidu-id>.endpoint").description()).contains("BCC endpoint");
		assertThat(property("snapgate.providers.<baidu-id>.secret-access-key").defaultValue()).isNull();
		assertThat(property("snapgate.providers.<baidu-id>.expiration-seconds").defaultValue()).isEqualTo("1800");
		assertThat(property("snapgate.providers.<baidu-id>.policy-time-zone").defaultValue())
			.isEqualTo("Asia/Shanghai");
		assertThat(property("snapgate.providers.<baidu-id>.snapshot-quota-per-disk").description()).contains("quota");
	}

	@Test
	void everyProvidersResilienceIsDescribedWithItsBudget() {
		assertThat(property("snapgate.providers.<id>.resilience.timeout").description())
			.contains("resilience4j.timelimiter.configs.default.timeout-duration");
		assertThat(property("snapgate.providers.<id>.resilience.budget-requests").description())
			.contains("zero sends without a budget");
		assertThat(property("snapgate.providers.<id>.resilience.budget-period").type()).isEqualTo("java.time.Duration");
		assertThat(property("snapgate.providers.<id>.resilience.budget-reserve").defaultValue()).isEqualTo("20");
		assertThat(property("snapgate.providers.<id>.resilience.read-cache-ttl").defaultValue()).isEqualTo("PT2S");
		assertThat(property("snapgate.providers.<id>.resilience.finished-restore-ttl").defaultValue())
			.isEqualTo("PT1H");
	}

	@Test
	void apiKeysAndTheirGrantsAreDescribedElementByElement() {
		assertThat(property("snapgate.security.api-keys[].sha256").description()).contains("SHA-256");
		assertThat(property("snapgate.security.api-keys[].revoked").defaultValue()).isEqualTo("false");
		assertThat(property("snapgate.security.api-keys[].grants[].providers").type())
			.isEqualTo("java.util.List<java.lang.String>");
	}

	@Test
	void theSandboxSettingsAreDescribed() {
		assertThat(property("snapgate.sandbox.run-schedules").defaultValue()).isEqualTo("true");
		assertThat(property("snapgate.sandbox.vergeos.schedule-tick").defaultValue()).isEqualTo("PT5S");
		assertThat(property("snapgate.sandbox.baidu.quota-per-disk").defaultValue()).isEqualTo("8");
	}

	/**
	 * A provider's guards default to {@code resilience4j.*.configs.default}, which a
	 * description names with its value in {@code application.yaml}.
	 */
	@Test
	void theResilience4jDefaultsTheDescriptionsQuoteAreTheApplicationsOwn() throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
			.forEach(environment.getPropertySources()::addLast);
		Binder binder = new Binder(ConfigurationPropertySources.get(environment));
		Pattern quoted = Pattern.compile("\\{@code (resilience4j\\.[a-z0-9.-]+)} \\(([^)]+)\\)");
		List<String> quotes = new ArrayList<>();
		for (Property property : this.metadata.properties().values()) {
			Matcher matcher = quoted.matcher(property.description());
			while (matcher.find()) {
				quotes.add(matcher.group(1));
				assertThat(binder.bind(matcher.group(1), String.class).orElse("(unset)"))
					.as("%s quotes %s", property.name(), matcher.group(1))
					.isEqualTo(matcher.group(2));
			}
		}
		assertThat(quotes).hasSizeGreaterThanOrEqualTo(9);
	}

	@Test
	void theProcessorRunsAtBuildTimeAndShipsWithNothing() {
		assertThat(ClassUtils.isPresent(
				"org.springframework.boot.configurationprocessor.ConfigurationMetadataAnnotationProcessor", null))
			.isFalse();
	}

	private Property property(String name) {
		return this.metadata.find(name)
			.orElseThrow(() -> new AssertionError(name + " is not in " + ConfigurationMetadata.GENERATED));
	}

}
