package io.snapgate.config;

import java.time.Duration;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.provider.SnapshotProviderFactory;
import io.snapgate.guard.ResilienceDecorator;
import io.snapgate.security.SecuritySettings;
import io.snapgate.testing.StartupFailures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each settings record binds what the documentation shows, and a bad value stops start-up
 * with a report that names the property.
 */
class SettingsValidationTests {

	private static final String VERGEOS = "snapgate.providers.prod.";

	private static final String BAIDU = "snapgate.providers.bj.";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(RealProviders.class)
		.withPropertyValues(VERGEOS + "type=vergeos", VERGEOS + "base-url=https://vergeos.example.com",
				VERGEOS + "api-key=k-123", BAIDU + "type=baidu", BAIDU + "endpoint=https://bcc.bj.baidubce.com",
				BAIDU + "access-key-id=ak", BAIDU + "secret-access-key=sk");

	@Test
	void theDocumentedExampleStarts() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ProviderRegistry.class).all()).extracting((p) -> p.type().value())
				.containsExactlyInAnyOrder("vergeos", "baidu");
		});
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					snapgate.listing.provider-timeout           | soon    | snapgate.listing.provider-timeout
					snapgate.waiting.max-timeout                | later   | snapgate.waiting.max-timeout
					snapgate.waiting.poll-interval              | PT0S    | poll-interval must be positive
					snapgate.api.max-request-size               | lots    | snapgate.api.max-request-size
					snapgate.resilience.budget-replicas         | 0       | snapgate.resilience.budget-replicas
					snapgate.policies.metrics-refresh           | hourly  | snapgate.policies.metrics-refresh
					snapgate.restores.safety-snapshot-wait      | long    | snapgate.restores.safety-snapshot-wait
					snapgate.security.open                      | perhaps | snapgate.security.open
					snapgate.security.jwt.grants-claim          | ' '     | snapgate.security.jwt.grants-claim
					snapgate.security.api-keys[0].sha256        | nothex  | snapgate.security.api-keys[0].sha256
					snapgate.providers.prod.type                | nimbus  | snapgate.providers.prod.type
					snapgate.providers.prod.base-url            | http://vergeos.example.com | base-url must be an absolute https:// URL
					snapgate.providers.prod.verify-tls          | maybe   | snapgate.providers.prod.verify-tls
					snapgate.providers.prod.connect-timeout     | soon    | snapgate.providers.prod.connect-timeout
					snapgate.providers.prod.min-snapshots       | 0       | snapgate.providers.prod.min-snapshots
					snapgate.providers.prod.policy-time-zone    | Mars/Olympus | snapgate.providers.prod.policy-time-zone
					snapgate.providers.prod.username            | svc     | give either username and password (HTTP Basic) or api-key
					snapgate.providers.bj.endpoint              | ftp://bcc.example.com | endpoint must be an absolute https:// URL
					snapgate.providers.bj.expiration-seconds    | 5       | snapgate.providers.bj.expiration-seconds
					snapgate.providers.bj.snapshot-quota-per-disk | 0     | snapgate.providers.bj.snapshot-quota-per-disk
					snapgate.providers.bj.read-timeout          | PT0S    | connect-timeout and read-timeout must be positive
					snapgate.providers.prod.resilience.retry-attempts | 11 | snapgate.providers.prod.resilience.retry-attempts
					snapgate.providers.prod.resilience.budget-reserve | 91 | snapgate.providers.prod.resilience.budget-reserve
					snapgate.providers.bj.resilience.budget-requests  | 100 | budget-requests and budget-period go together
					snapgate.providers.bj.resilience.timeout    | quickly | snapgate.providers.bj.resilience.timeout
					""")
	void aBadValueStopsStartUpNamingTheProperty(String property, String value, String reported) {
		String[] more = property.startsWith("snapgate.security.api-keys[0].") ? new String[] {
				"snapgate.security.api-keys[0].owner=ops", "snapgate.security.api-keys[0].scopes=snapshots:read" }
				: new String[0];
		this.contextRunner.withPropertyValues(more).withPropertyValues(property + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(StartupFailures.report(context.getStartupFailure())).contains(reported);
		});
	}

	@Test
	void aRefusedSecretIsNamedButNotShown() {
		String secret = "not-a-hash-but-perhaps-the-key-itself";
		this.contextRunner.withPropertyValues("snapgate.security.api-keys[0].owner=ops",
				"snapgate.security.api-keys[0].scopes=snapshots:read", "snapgate.security.api-keys[0].sha256=" + secret)
			.run((context) -> assertThat(StartupFailures.report(context.getStartupFailure()))
				.contains("snapgate.security.api-keys[0].sha256", "******")
				.doesNotContain(secret));
	}

	@Test
	void aRuleOverSeveralSettingsIsReportedUnderTheirPrefix() {
		this.contextRunner.withPropertyValues(VERGEOS + "username=svc").run((context) -> {
			String report = StartupFailures.report(context.getStartupFailure());
			assertThat(report).contains("snapgate.providers.prod.*",
					"give either username and password (HTTP Basic) or api-key (Bearer)",
					"docs/configuration.md describes every setting");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ SnapGateProperties.class, SecuritySettings.class })
	@ComponentScan(basePackages = "io.snapgate.provider", useDefaultFilters = false,
			includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = SnapshotProviderFactory.class))
	@Import(ProviderConfiguration.class)
	static class RealProviders {

		@Bean
		WebClient.Builder webClientBuilder() {
			return WebClient.builder();
		}

		@Bean
		ResilienceDecorator resilienceDecorator() {
			return new ResilienceDecorator(CircuitBreakerRegistry.ofDefaults(), BulkheadRegistry.ofDefaults(),
					TimeLimiterRegistry.ofDefaults(), RetryRegistry.ofDefaults(), RateLimiterRegistry.ofDefaults(),
					ObservationRegistry.NOOP, Duration.ofSeconds(5), 1, new SimpleMeterRegistry(), null);
		}

	}

}
