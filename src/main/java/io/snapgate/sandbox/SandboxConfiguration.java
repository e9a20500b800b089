package io.snapgate.sandbox;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * What every emulator shares: whether they run ({@link SandboxMode}), the host rewrite,
 * and a warning that cannot be missed. Defined whatever the profile; inert outside it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SandboxSettings.class)
class SandboxConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SandboxConfiguration.class);

	@Bean
	SandboxMode sandboxMode(Environment environment, SandboxSettings settings) {
		return SandboxMode.of(environment, settings.runSchedules());
	}

	@Bean
	@Nullable WebClientCustomizer sandboxHostRewrite(SandboxMode mode, ObjectProvider<WebServerApplicationContext> context) {
		if (!mode.active()) {
			return null;
		}
		WebServerApplicationContext server = context.getObject();
		return (builder) -> builder.filter(SandboxHost.rewriteFilter(server));
	}

	@EventListener(ApplicationReadyEvent.class)
	void warn(ApplicationReadyEvent event) {
		if (!event.getApplicationContext().getBean(SandboxMode.class).active()) {
			return;
		}
		logger.warn("*** SANDBOX PROFILE: upstreams are in-memory emulators served by this process; "
				+ "nothing here is real, and data is lost at stop. Do not expose this instance. ***");
	}

}
