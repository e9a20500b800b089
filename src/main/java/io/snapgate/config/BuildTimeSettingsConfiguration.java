package io.snapgate.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The check of the settings an AOT-processed jar cannot honour, run before any bean is
 * made.
 */
@Configuration(proxyBeanMethods = false)
class BuildTimeSettingsConfiguration {

	@Bean
	static BuildTimeSettingsCheck buildTimeSettingsCheck(Environment environment) {
		return BuildTimeSettingsCheck.of(environment);
	}

}
