package io.snapgate.sandbox.baidu;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
 * The Baidu emulator and the providers that talk to it through the real adapter, one per
 * region of the emulated account: {@code sandbox-baidu} ({@code bj}), which copies to
 * {@code sandbox-baidu-gz} ({@code gz}). Their credentials are the emulator's own and
 * open nothing anywhere else. Scheduling is enabled here, for the emulator's policies
 * alone: nothing else in SnapGate runs on a schedule.
 */
@Configuration(proxyBeanMethods = false)
@Profile("sandbox")
@EnableConfigurationProperties(BaiduSandboxSettings.class)
@EnableScheduling
class BaiduSandboxConfiguration {

	static final String ACCESS_KEY_ID = "sandboxak0000000000000000000baidu";

	static final String SECRET_ACCESS_KEY = "sandbox-sk-not-a-secret-anywhere-else";

	@Bean
	DefaultProviderDeclaration sandboxBaiduProvider(BaiduSandboxSettings settings) {
		return declaration(BaiduSandboxRegion.BJ, settings);
	}

	@Bean
	DefaultProviderDeclaration sandboxBaiduGzProvider(BaiduSandboxSettings settings) {
		return declaration(BaiduSandboxRegion.GZ, settings);
	}

	@Bean
	BaiduSandboxRegions baiduSandboxRegions(BaiduSandboxSettings settings, ObjectProvider<Clock> clock) {
		return new BaiduSandboxRegions(settings, clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "snapgate.sandbox.run-schedules", matchIfMissing = true)
	BaiduSandboxScheduler baiduSandboxScheduler(BaiduSandboxRegions regions) {
		return new BaiduSandboxScheduler(regions);
	}

	@Bean
	RouterFunction<ServerResponse> baiduSandboxRoutes(BaiduSandboxRegions regions, BaiduSandboxSettings settings,
			ObjectProvider<Clock> clock) {
		return Arrays.stream(BaiduSandboxRegion.values()).map((region) -> {
			// the adapter signs by the same clock
			BceSignatureVerifier verifier = new BceSignatureVerifier(Map.of(ACCESS_KEY_ID, SECRET_ACCESS_KEY),
					settings.allowedClockSkew(), clock.getIfAvailable(Clock::systemUTC));
			return new BaiduSandboxRoutes(region.basePath(), regions.state(region), verifier).routes();
		}).reduce(RouterFunction::and).orElseThrow();
	}

	/**
	 * The provider of {@code region}. The emulator's quota is known, so the gateway
	 * checks the room for a safety snapshot as it would for an account whose quota is
	 * configured.
	 */
	private static DefaultProviderDeclaration declaration(BaiduSandboxRegion region, BaiduSandboxSettings settings) {
		Map<String, String> declared = new LinkedHashMap<>(Map.of("type", "baidu", "endpoint",
				SandboxHost.baseUrl(region.basePath()), "access-key-id", ACCESS_KEY_ID, "secret-access-key",
				SECRET_ACCESS_KEY, "snapshot-quota-per-disk", Integer.toString(settings.quotaPerDisk())));
		BaiduSandboxRegions.copyTargets(region)
			.forEach((target) -> declared.put("copy-regions." + target.providerId(), target.code()));
		return new DefaultProviderDeclaration(region.providerId(), declared);
	}

}
