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
 * The VergeOS emulators, the main site and its DR site, with the default providers
 * {@value #PROVIDER_ID} and {@value VergeosSandboxSites#DR_PROVIDER_ID} that reach them
 * over HTTP through the real adapter, the first copying to the second through the
 * outgoing sync {@value VergeosSandboxSites#DR_SYNC}, and the task that runs the
 * emulators' snapshot profiles and syncs on their clock.
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
						settings.username(), "password", settings.password(),
						"copy-syncs." + VergeosSandboxSites.DR_PROVIDER_ID, VergeosSandboxSites.DR_SYNC));
	}

	@Bean
	DefaultProviderDeclaration sandboxVergeosDrProvider(VergeosSandboxSettings settings) {
		return new DefaultProviderDeclaration(VergeosSandboxSites.DR_PROVIDER_ID,
				Map.of("type", "vergeos", "base-url", SandboxHost.baseUrl(VergeosSandboxSites.DR_BASE_PATH), "username",
						settings.username(), "password", settings.password()));
	}

	@Bean
	VergeosSandboxSites vergeosSandboxSites(VergeosSandboxSettings settings, ObjectProvider<Clock> clock) {
		return new VergeosSandboxSites(clock.getIfAvailable(Clock::systemUTC), settings);
	}

	/** The main site, which tests reach for most. */
	@Bean
	VergeosSandboxState vergeosSandboxState(VergeosSandboxSites sites) {
		return sites.main();
	}

	@Bean
	RouterFunction<ServerResponse> vergeosSandboxRoutes(VergeosSandboxSites sites, VergeosSandboxSettings settings) {
		return new VergeosSandboxRoutes(sites.main(), settings).routes();
	}

	@Bean
	RouterFunction<ServerResponse> vergeosSandboxDrRoutes(VergeosSandboxSites sites, VergeosSandboxSettings settings) {
		return new VergeosSandboxRoutes(sites.dr(), settings, VergeosSandboxSites.DR_BASE_PATH).routes();
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "snapgate.sandbox.run-schedules", matchIfMissing = true)
	VergeosSandboxScheduler vergeosSandboxScheduler(VergeosSandboxSites sites, ObjectProvider<Clock> clock) {
		return new VergeosSandboxScheduler(sites, clock.getIfAvailable(Clock::systemUTC));
	}

}
