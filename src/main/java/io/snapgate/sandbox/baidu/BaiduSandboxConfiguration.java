package io.snapgate.sandbox.baidu;

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
 * The Baidu emulator and the provider {@code sandbox-baidu} that talks to it through the
 * real adapter. Its credentials are the emulator's own and open nothing anywhere else.
 * Scheduling is enabled here, for the emulator's policies alone: nothing else in SnapGate
 * runs on a schedule.
 */
@Configuration(proxyBeanMethods = false)
@Profile("sandbox")
@EnableConfigurationProperties(BaiduSandboxSettings.class)
@EnableScheduling
class BaiduSandboxConfiguration {

	static final String PROVIDER_ID = "sandbox-baidu";

	static final String ACCESS_KEY_ID = "sandboxak0000000000000000000baidu";

	static final String SECRET_ACCESS_KEY = "sandbox-sk-not-a-secret-anywhere-else";

	@Bean
	DefaultProviderDeclaration sandboxBaiduProvider(BaiduSandboxSettings settings) {
		// the emulator's quota is known, so the gateway checks the room for a safety
		// snapshot as it would for an account whose quota is configured
		return new DefaultProviderDeclaration(PROVIDER_ID,
				Map.of("type", "baidu", "endpoint", SandboxHost.baseUrl(BaiduSandboxRoutes.BASE_PATH), "access-key-id",
						ACCESS_KEY_ID, "secret-access-key", SECRET_ACCESS_KEY, "snapshot-quota-per-disk",
						Integer.toString(settings.quotaPerDisk())));
	}

	@Bean
	BaiduSandboxState baiduSandboxState(BaiduSandboxSettings settings, ObjectProvider<Clock> clock) {
		return new BaiduSandboxState(settings, clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "snapgate.sandbox.run-schedules", matchIfMissing = true)
	BaiduSandboxScheduler baiduSandboxScheduler(BaiduSandboxState state) {
		return new BaiduSandboxScheduler(state);
	}

	@Bean
	RouterFunction<ServerResponse> baiduSandboxRoutes(BaiduSandboxState state, BaiduSandboxSettings settings,
			ObjectProvider<Clock> clock) {
		// the adapter signs by the same clock
		BceSignatureVerifier verifier = new BceSignatureVerifier(Map.of(ACCESS_KEY_ID, SECRET_ACCESS_KEY),
				settings.allowedClockSkew(), clock.getIfAvailable(Clock::systemUTC));
		return new BaiduSandboxRoutes(state, verifier).routes();
	}

}
