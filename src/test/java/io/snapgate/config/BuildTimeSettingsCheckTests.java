package io.snapgate.config;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BuildTimeSettingsCheckTests {

	@Test
	void anAotProcessedStartRefusesAManagementPortOfItsOwn() {
		MockEnvironment environment = new MockEnvironment().withProperty("management.server.port", "8081");

		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> new BuildTimeSettingsCheck(environment, true).check())
			.withMessageStartingWith("management.server.port: ")
			.withMessageContaining("-Dspring.aot.enabled=true");
	}

	@Test
	void aPlainStartTakesItAsSpringBootDoes() {
		MockEnvironment environment = new MockEnvironment().withProperty("management.server.port", "8081");

		assertThatCode(() -> new BuildTimeSettingsCheck(environment, false).check()).doesNotThrowAnyException();
	}

	@Test
	void anAotProcessedStartTakesTheManagementPortWhenItIsTheServersOwn() {
		MockEnvironment environment = new MockEnvironment().withProperty("server.port", "8080")
			.withProperty("management.server.port", "8080");

		assertThatCode(() -> new BuildTimeSettingsCheck(environment, true).check()).doesNotThrowAnyException();
	}

	@Test
	void anAotProcessedStartTakesRedis() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.data.redis.url",
				"redis://127.0.0.1:6379");

		assertThatCode(() -> new BuildTimeSettingsCheck(environment, true).check()).doesNotThrowAnyException();
	}

}
