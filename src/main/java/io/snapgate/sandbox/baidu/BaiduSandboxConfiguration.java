package io.snapgate.sandbox.baidu;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
 * The Baidu emulator and the providers that talk to it through the real adapter, one per
 * region of the emulated account: {@code sandbox-baidu} ({@code bj}), which copies to
 * {@code sandbox-baidu-gz} ({@code gz}). Their credentials are the emulator's own and
 * open nothing anywhere else. Defined whatever the profile, so that the decision is made
 * at start ({@link SandboxMode}): outside the {@code sandbox} profile every bean here but
 * the settings is a null bean, and the emulator's state is never made.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BaiduSandboxSettings.class)
class BaiduSandboxConfiguration {

	static final String ACCESS_KEY_ID = "sandboxak0000000000000000000baidu";

	static final String SECRET_ACCESS_KEY = "sandbox-sk-not-a-secret-anywhere-else";

	@Bean
	@Nullable DefaultProviderDeclaration sandboxBaiduProvider(SandboxMode mode, BaiduSandboxSettings settings) {
		return mode.active() ? declaration(BaiduSandboxRegion.BJ, settings) : null;
	}

	@Bean
	@Nullable DefaultProviderDeclaration sandboxBaiduGzProvider(SandboxMode mode, BaiduSandboxSettings settings) {
		return mode.active() ? declaration(BaiduSandboxRegion.GZ, settings) : null;
	}

	/** Made when first needed: by the routes in the profile, or by a test. */
	@Bean
	@Lazy
	BaiduSandboxRegions baiduSandboxRegions(BaiduSandboxSettings settings, ObjectProvider<Clock> clock) {
		return new BaiduSandboxRegions(settings, clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	@Nullable BaiduSandboxScheduler baiduSandboxScheduler(SandboxMode mode, ObjectProvider<BaiduSandboxRegions> regions) {
		return mode.runsSchedules() ? new BaiduSandboxScheduler(regions.getObject()) : null;
	}

	@Bean
	@Nullable RouterFunction<ServerResponse> baiduSandboxRoutes(SandboxMode mode, ObjectProvider<BaiduSandboxRegions> lazyRegions,
			BaiduSandboxSettings settings, ObjectProvider<Clock> clock) {
		if (!mode.active()) {
			return null;
		}
		BaiduSandboxRegions regions = lazyRegions.getObject();
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
