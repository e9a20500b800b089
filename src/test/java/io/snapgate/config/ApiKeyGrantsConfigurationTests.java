package io.snapgate.config;

import java.util.List;

import io.snapgate.application.ProviderAccess;
import io.snapgate.domain.ProviderCircuits;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.security.SecuritySettings;
import io.snapgate.testing.FakeSnapshotProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An API key's grants are checked at start-up: against its own scopes and for their shape
 * (a mistake stops start-up), and against the providers configured (a grant of none is
 * warned about).
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyGrantsConfigurationTests {

	private static final String KEY = "snapgate.security.api-keys[0].";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(TwoProviders.class)
		.withPropertyValues(KEY + "owner=team", KEY + "sha256=" + "0".repeat(64),
				KEY + "scopes=snapshots:read,restores:write");

	@Test
	void grantsOfConfiguredProvidersStart() {
		this.contextRunner
			.withPropertyValues(KEY + "providers=baidu-*", KEY + "grants[0].scopes=restores:write",
					KEY + "grants[0].providers=vergeos-prod,baidu-bj")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(ProviderAccess.class);
				SecuritySettings.ApiKey key = context.getBean(SecuritySettings.class).apiKeys().getFirst();
				assertThat(key.providers()).containsExactly("baidu-*");
				assertThat(key.grants()).singleElement()
					.satisfies((grant) -> assertThat(grant.providers()).containsExactly("vergeos-prod", "baidu-bj"));
			});
	}

	@Test
	void aGlobThatMatchesNoConfiguredProviderIsWarnedAboutNamingThePropertyAndGrantsNothing(CapturedOutput output) {
		this.contextRunner.withPropertyValues(KEY + "providers=baidu-bj,badiu-*").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("snapgate.security.api-keys[0].providers[1]: 'badiu-*' matches no configured "
					+ "provider (configured: baidu-bj, vergeos-prod), so it grants nothing here");
		});
		this.contextRunner
			.withPropertyValues(KEY + "grants[0].scopes=restores:write", KEY + "grants[0].providers=vergeos-prod",
					KEY + "grants[1].scopes=snapshots:read", KEY + "grants[1].providers=baidu-bj,vergeos-test")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("snapgate.security.api-keys[0].grants[1].providers[1]: 'vergeos-test'");
			});
	}

	@Test
	void aGrantOfAScopeTheKeyDoesNotHaveStopsStartUp() {
		this.contextRunner
			.withPropertyValues(KEY + "grants[0].scopes=snapshots:write", KEY + "grants[0].providers=baidu-bj")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("apiKeys[0].grantsOfItsOwnScopes")
				.hasStackTraceContaining("grants may name only scopes that the key has"));
	}

	@Test
	void aGrantOfTheActuatorScopeStopsStartUp() {
		this.contextRunner
			.withPropertyValues(KEY + "scopes=snapshots:read,actuator:read", KEY + "grants[0].scopes=actuator:read",
					KEY + "grants[0].providers=baidu-bj")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("must be a scope that acts on providers"));
	}

	@Test
	void aGlobOfOtherCharactersOrAnEmptyListStopsStartUp() {
		this.contextRunner.withPropertyValues(KEY + "providers=baidu_bj")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("must be a provider id, or one with * for any characters"));
		this.contextRunner.withPropertyValues(KEY + "providers=")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("must name at least one provider; leave it out for every provider"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ SnapGateProperties.class, SecuritySettings.class })
	@Import(ApplicationConfiguration.class)
	static class TwoProviders {

		@Bean
		ProviderRegistry providerRegistry() {
			return new ProviderRegistry(
					List.of(FakeSnapshotProvider.volume("baidu-bj"), FakeSnapshotProvider.system("vergeos-prod")));
		}

		@Bean
		ProviderCircuits providerCircuits() {
			return ProviderCircuits.NONE;
		}

	}

}
