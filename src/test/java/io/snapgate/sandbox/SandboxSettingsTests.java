package io.snapgate.sandbox;

import io.snapgate.testing.StartupFailures;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxSettingsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Settings.class);

	@Test
	void theEmulatorsRunTheirSchedulesUnlessTold() {
		this.contextRunner.run((context) -> assertThat(context.getBean(SandboxSettings.class).runSchedules()).isTrue());
		this.contextRunner.withPropertyValues("snapgate.sandbox.run-schedules=false")
			.run((context) -> assertThat(context.getBean(SandboxSettings.class).runSchedules()).isFalse());
	}

	@Test
	void aValueThatIsNoBooleanStopsStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("snapgate.sandbox.run-schedules=sometimes")
			.run((context) -> assertThat(StartupFailures.report(context.getStartupFailure()))
				.contains("snapgate.sandbox.run-schedules"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SandboxSettings.class)
	static class Settings {

	}

}
