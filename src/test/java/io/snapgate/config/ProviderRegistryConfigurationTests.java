package io.snapgate.config;

import java.time.Duration;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.domain.ProviderType;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.provider.SnapshotProviderFactory;
import io.snapgate.guard.ResilienceDecorator;
import io.snapgate.testing.FakeSnapshotProvider;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderRegistryConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(TestProviders.class);

	@Test
	void buildsEveryConfiguredProviderWithItsFactory() {
		this.contextRunner
			.withPropertyValues("snapgate.providers.fake-one.type=fake",
					"snapgate.providers.fake-one.endpoint=https://a", "snapgate.providers.fake-two.type=fake",
					"snapgate.providers.fake-two.endpoint=https://b")
			.run((context) -> {
				ProviderRegistry registry = context.getBean(ProviderRegistry.class);
				assertThat(registry.all()).extracting((p) -> p.id().value()).containsExactly("fake-one", "fake-two");
			});
	}

	@Test
	void anUnknownTypeStopsStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("snapgate.providers.prod.type=openstack").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("snapgate.providers.prod.type")
				.hasMessageContaining("unknown provider type 'openstack'")
				.hasMessageContaining("known types: fake");
		});
	}

	@Test
	void aMissingRequiredSettingStopsStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("snapgate.providers.prod.type=fake").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("snapgate.providers.prod")
				.hasStackTraceContaining("endpoint");
		});
	}

	@Test
	void resilience4jsOwnInstanceForAProviderStopsStartUpNamingWhereItBelongs() {
		this.contextRunner
			.withPropertyValues("snapgate.providers.prod.type=fake", "snapgate.providers.prod.endpoint=https://a",
					"resilience4j.circuitbreaker.instances.prod.failure-rate-threshold=10")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("resilience4j.circuitbreaker.instances.prod")
					.hasMessageContaining("snapgate.providers.prod.resilience");
			});
	}

	@Test
	void aRetryInstanceForAProvidersCreatesStopsStartUpToo() {
		this.contextRunner
			.withPropertyValues("snapgate.providers.prod.type=fake", "snapgate.providers.prod.endpoint=https://a",
					"resilience4j.retry.instances.prod-create.max-attempts=5")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("resilience4j.retry.instances.prod-create"));
	}

	@Test
	void aRateLimiterInstanceForAProviderStopsStartUpToo() {
		this.contextRunner
			.withPropertyValues("snapgate.providers.prod.type=fake", "snapgate.providers.prod.endpoint=https://a",
					"resilience4j.ratelimiter.instances.prod.limit-for-period=5")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("resilience4j.ratelimiter.instances.prod")
				.hasMessageContaining("snapgate.providers.prod.resilience"));
	}

	@Test
	void aBudgetWithoutItsPeriodStopsStartUpNamingTheSetting() {
		this.contextRunner
			.withPropertyValues("snapgate.providers.prod.type=fake", "snapgate.providers.prod.endpoint=https://a",
					"snapgate.providers.prod.resilience.budget-requests=100")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("budget-period"));
	}

	@Test
	void instancesOfOtherNamesAndTheDefaultsAreLeftAlone() {
		this.contextRunner
			.withPropertyValues("snapgate.providers.prod.type=fake", "snapgate.providers.prod.endpoint=https://a",
					"resilience4j.circuitbreaker.instances.something-else.failure-rate-threshold=10",
					"resilience4j.circuitbreaker.configs.default.failure-rate-threshold=30",
					"snapgate.providers.prod.resilience.failure-rate-threshold=20")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aBadProviderIdStopsStartUp() {
		this.contextRunner
			.withPropertyValues("snapgate.providers[Prod_1].type=fake", "snapgate.providers[Prod_1].endpoint=https://a")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("snapgate.providers.Prod_1");
			});
	}

	@Test
	void withNoProvidersConfiguredTheDefaultsAreUsed() {
		this.contextRunner
			.withBean("sandboxDefault", DefaultProviderDeclaration.class,
					() -> new DefaultProviderDeclaration("sandbox-fake",
							java.util.Map.of("type", "fake", "endpoint", "http://sandbox")))
			.run((context) -> assertThat(context.getBean(ProviderRegistry.class).all())
				.extracting((p) -> p.id().value())
				.containsExactly("sandbox-fake"));
	}

	record FakeSettings(@NotBlank String type, @NotNull @NotBlank String endpoint) {
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SnapGateProperties.class)
	@Import(ProviderConfiguration.class)
	static class TestProviders {

		@Bean
		ResilienceDecorator resilienceDecorator() {
			return new ResilienceDecorator(CircuitBreakerRegistry.ofDefaults(), BulkheadRegistry.ofDefaults(),
					TimeLimiterRegistry.ofDefaults(), RetryRegistry.ofDefaults(), RateLimiterRegistry.ofDefaults(),
					ObservationRegistry.NOOP, Duration.ofSeconds(5), 1, new SimpleMeterRegistry(), null);
		}

		@Bean
		SnapshotProviderFactory<FakeSettings> fakeFactory() {
			return new SnapshotProviderFactory<>() {

				@Override
				public ProviderType type() {
					return new ProviderType("fake");
				}

				@Override
				public Class<FakeSettings> settingsType() {
					return FakeSettings.class;
				}

				@Override
				public SnapshotProvider create(ProviderId id, FakeSettings settings) {
					return FakeSnapshotProvider.system(id.value());
				}
			};
		}

	}

}
