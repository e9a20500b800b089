package io.snapgate.sandbox.vergeos;

import java.time.Duration;

import io.snapgate.testing.StartupFailures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class VergeosSandboxSettingsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Settings.class);

	@Test
	void defaultsApply() {
		this.contextRunner.run((context) -> {
			VergeosSandboxSettings settings = context.getBean(VergeosSandboxSettings.class);
			assertThat(settings.createDelay()).isEqualTo(Duration.ofSeconds(3));
			assertThat(settings.username()).isEqualTo("snapgate");
			assertThat(settings.scheduleTick()).isEqualTo(Duration.ofSeconds(5));
			assertThat(settings.demoScheduleEveryMinute()).isTrue();
			assertThat(settings.syncDelay()).isEqualTo(Duration.ofSeconds(5));
		});
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			schedule-tick | PT0S  | schedule-tick must be positive
			create-delay  | -PT1S | the delays must not be negative
			create-delay  | soon  | snapgate.sandbox.vergeos.create-delay
			sync-delay    | -PT1S | the delays must not be negative
			sync-delay    | later | snapgate.sandbox.vergeos.sync-delay
			username      | ' '   | snapgate.sandbox.vergeos.username
			""")
	void aBadValueStopsStartUpNamingTheProperty(String property, String value, String reported) {
		this.contextRunner.withPropertyValues("snapgate.sandbox.vergeos." + property + "=" + value)
			.run((context) -> assertThat(StartupFailures.report(context.getStartupFailure())).contains(reported));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(VergeosSandboxSettings.class)
	static class Settings {

	}

}
