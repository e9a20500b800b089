package io.snapgate.sandbox.vergeos;

import java.time.Clock;
import java.util.Map;

import io.snapgate.config.DefaultProviderDeclaration;
import io.snapgate.sandbox.SandboxHost;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The VergeOS emulator and the default provider {@value #PROVIDER_ID} that reaches it
 * over HTTP through the real adapter, and the task that runs the emulator's snapshot
 * profiles on its clock.
 */
@Configuration(proxyBeanMethods = false)
@Profile("sandbox")
@EnableConfigurationProperties(VergeosSandboxSettings.class)
@EnableScheduling
class VergeosSandboxConfiguration {

	static final String PROVIDER_ID = "sandbox-vergeos";

	@Bean
	DefaultProviderDeclaration sandboxVergeosProvider(VergeosSandboxSettings settings) {
		return new DefaultProviderDeclaration(PROVIDER_ID,
				Map.of("type", "vergeos", "base-url", SandboxHost.baseUrl(VergeosSandboxRoutes.BASE_PATH), "username",
						settings.username(), "password", settings.password()));
	}

	@Bean
	VergeosSandboxState vergeosSandboxState(VergeosSandboxSettings settings, ObjectProvider<Clock> clock) {
		return new VergeosSandboxState(clock.getIfAvailable(Clock::systemUTC), settings);
	}

	@Bean
	RouterFunction<ServerResponse> vergeosSandboxRoutes(VergeosSandboxState state, VergeosSandboxSettings settings) {
		return new VergeosSandboxRoutes(state, settings).routes();
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "snapgate.sandbox.run-schedules", matchIfMissing = true)
	VergeosSandboxScheduler vergeosSandboxScheduler(VergeosSandboxState state, ObjectProvider<Clock> clock) {
		return new VergeosSandboxScheduler(state, clock.getIfAvailable(Clock::systemUTC));
	}

}
