package io.snapgate.sandbox.vergeos;

import java.time.Clock;
import java.util.Map;

import io.snapgate.config.DefaultProviderDeclaration;
import io.snapgate.sandbox.SandboxHost;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The VergeOS emulator and the default provider {@value #PROVIDER} that reaches it over HTTP through
 * the real adapter.
 */
@Configuration(proxyBeanMethods = false)
@Profile("sandbox")
@EnableConfigurationProperties(VergeosSandboxProperties.class)
class VergeosSandboxConfiguration {

	static final String PROVIDER = "sandbox-vergeos";

	@Bean
	DefaultProviderDeclaration sandboxVergeosProvider(VergeosSandboxProperties properties) {
		return new DefaultProviderDeclaration(PROVIDER, Map.of("type", "vergeos", "base-url",
				SandboxHost.baseUrl("/sandbox/vergeos"), "username", properties.username(), "password",
				properties.password()));
	}

	@Bean
	RouterFunction<ServerResponse> vergeosSandboxRoutes(VergeosSandboxProperties properties,
			ObjectProvider<Clock> clock) {
		VergeosSandboxState state = new VergeosSandboxState(clock.getIfAvailable(Clock::systemUTC), properties);
		return new VergeosSandboxRoutes(state, properties).routes();
	}

}
