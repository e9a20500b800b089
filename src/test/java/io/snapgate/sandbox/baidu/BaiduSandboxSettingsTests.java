package io.snapgate.sandbox.baidu;

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

class BaiduSandboxSettingsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Settings.class);

	@Test
	void defaultsApply() {
		this.contextRunner.run((context) -> {
			BaiduSandboxSettings settings = context.getBean(BaiduSandboxSettings.class);
			assertThat(settings.snapshotDelay()).isEqualTo(Duration.ofSeconds(3));
			assertThat(settings.quotaPerDisk()).isEqualTo(8);
			assertThat(settings.allowedClockSkew()).isEqualTo(Duration.ofMinutes(15));
			assertThat(settings.demoScheduleEveryMinute()).isTrue();
			assertThat(settings.copyDelay()).isEqualTo(Duration.ofSeconds(5));
		});
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			quota-per-disk     | 0     | snapgate.sandbox.baidu.quota-per-disk
			quota-per-disk     | many  | snapgate.sandbox.baidu.quota-per-disk
			snapshot-delay     | -PT1S | snapshot-delay, rollback-delay and copy-delay must not be negative
			copy-delay         | -PT1S | snapshot-delay, rollback-delay and copy-delay must not be negative
			copy-delay         | soon  | snapgate.sandbox.baidu.copy-delay
			allowed-clock-skew | PT0S  | allowed-clock-skew must be positive
			""")
	void aBadValueStopsStartUpNamingTheProperty(String property, String value, String reported) {
		this.contextRunner.withPropertyValues("snapgate.sandbox.baidu." + property + "=" + value)
			.run((context) -> assertThat(StartupFailures.report(context.getStartupFailure())).contains(reported));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(BaiduSandboxSettings.class)
	static class Settings {

	}

}
