package io.snapgate.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;

/**
 * What every emulator shares: the host rewrite, and a warning that cannot be missed.
 */
@Configuration(proxyBeanMethods = false)
@Profile("sandbox")
@EnableConfigurationProperties(SandboxSettings.class)
class SandboxConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SandboxConfiguration.class);

	@Bean
	WebClientCustomizer sandboxHostRewrite(WebServerApplicationContext context) {
		return (builder) -> builder.filter(SandboxHost.rewriteFilter(context));
	}

	@EventListener(ApplicationReadyEvent.class)
	void warn() {
		logger.warn("*** SANDBOX PROFILE: upstreams are in-memory emulators served by this process; "
				+ "nothing here is real, and data is lost at stop. Do not expose this instance. ***");
	}

}
