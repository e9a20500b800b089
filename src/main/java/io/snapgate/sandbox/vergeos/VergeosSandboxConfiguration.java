package io.snapgate.sandbox.vergeos;

import java.time.Clock;
import java.util.Map;

import io.snapgate.config.DefaultProviderDeclaration;
import io.snapgate.sandbox.SandboxHost;
import io.snapgate.sandbox.SandboxMode;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The VergeOS emulators, the main site and its DR site, with the default providers
 * {@value #PROVIDER_ID} and {@value VergeosSandboxSites#DR_PROVIDER_ID} that reach them
 * over HTTP through the real adapter, the first copying to the second through the
 * outgoing sync {@value VergeosSandboxSites#DR_SYNC}, and the task that runs the
 * emulators' snapshot profiles and syncs on their clock. Defined whatever the profile, so
 * that the decision is made at start ({@link SandboxMode}): outside the {@code sandbox}
 * profile every bean here but the settings is a null bean, and the sites are never made.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VergeosSandboxSettings.class)
class VergeosSandboxConfiguration {

	static final String PROVIDER_ID = "sandbox-vergeos";

	@Bean
	@Nullable DefaultProviderDeclaration sandboxVergeosProvider(SandboxMode mode, VergeosSandboxSettings settings) {
		if (!mode.active()) {
			return null;
		}
		return new DefaultProviderDeclaration(PROVIDER_ID,
				Map.of("type", "vergeos", "base-url", SandboxHost.baseUrl(VergeosSandboxRoutes.BASE_PATH), "username",
						settings.username(), "password", settings.password(),
						"copy-syncs." + VergeosSandboxSites.DR_PROVIDER_ID, VergeosSandboxSites.DR_SYNC));
	}

	@Bean
	@Nullable DefaultProviderDeclaration sandboxVergeosDrProvider(SandboxMode mode, VergeosSandboxSettings settings) {
		if (!mode.active()) {
			return null;
		}
		return new DefaultProviderDeclaration(VergeosSandboxSites.DR_PROVIDER_ID,
				Map.of("type", "vergeos", "base-url", SandboxHost.baseUrl(VergeosSandboxSites.DR_BASE_PATH), "username",
						settings.username(), "password", settings.password()));
	}

	/** Made when first needed: by the routes in the profile, or by a test. */
	@Bean
	@Lazy
	VergeosSandboxSites vergeosSandboxSites(VergeosSandboxSettings settings, ObjectProvider<Clock> clock) {
		return new VergeosSandboxSites(clock.getIfAvailable(Clock::systemUTC), settings);
	}

	/** The main site, which tests reach for most. */
	@Bean
	@Lazy
	VergeosSandboxState vergeosSandboxState(VergeosSandboxSites sites) {
		return sites.main();
	}

	@Bean
	@Nullable RouterFunction<ServerResponse> vergeosSandboxRoutes(SandboxMode mode, ObjectProvider<VergeosSandboxSites> sites,
			VergeosSandboxSettings settings) {
		return mode.active() ? new VergeosSandboxRoutes(sites.getObject().main(), settings).routes() : null;
	}

	@Bean
	@Nullable RouterFunction<ServerResponse> vergeosSandboxDrRoutes(SandboxMode mode, ObjectProvider<VergeosSandboxSites> sites,
			VergeosSandboxSettings settings) {
		return mode.active()
				? new VergeosSandboxRoutes(sites.getObject().dr(), settings, VergeosSandboxSites.DR_BASE_PATH).routes()
				: null;
	}

	@Bean
	@Nullable VergeosSandboxScheduler vergeosSandboxScheduler(SandboxMode mode, ObjectProvider<VergeosSandboxSites> sites,
			ObjectProvider<Clock> clock) {
		return mode.runsSchedules()
				? new VergeosSandboxScheduler(sites.getObject(), clock.getIfAvailable(Clock::systemUTC)) : null;
	}

}
