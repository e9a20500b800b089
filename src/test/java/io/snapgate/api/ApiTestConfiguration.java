package io.snapgate.api;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.snapgate.application.AuditLog;
import io.snapgate.application.CallerIdentity;
import io.snapgate.application.CopyRecorder;
import io.snapgate.application.CopyService;
import io.snapgate.application.FanOut;
import io.snapgate.application.PolicyHealthRecorder;
import io.snapgate.application.PolicyLocator;
import io.snapgate.application.PolicyService;
import io.snapgate.application.ProviderAccess;
import io.snapgate.application.ProviderCatalog;
import io.snapgate.application.RestoreService;
import io.snapgate.application.RestoreFollower;
import io.snapgate.application.SnapshotLister;
import io.snapgate.application.SnapshotLocator;
import io.snapgate.application.SnapshotService;
import io.snapgate.application.SnapshotWaiter;
import io.snapgate.domain.ProviderCircuits;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.security.SecurityConfiguration;
import io.snapgate.security.SecuritySettings;
import io.snapgate.testing.FakeCopyProvider;
import io.snapgate.testing.FakePolicyProvider;
import io.snapgate.testing.FakeSnapshotProvider;
import io.snapgate.testing.MutableClock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The application layer over three fake providers, {@code sys} (system snapshots, with a
 * scheduler of system policies), {@code vol} (disk snapshots, with a scheduler of disk
 * policies) and {@code plain} (system snapshots, no policies), for tests of the HTTP
 * edge, with security open (the tests of the access rules are in the security package).
 * Policies are judged on {@link #CLOCK}.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
@Import(SecurityConfiguration.class)
class ApiTestConfiguration {

	static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));

	static final FakeSnapshotProvider SYSTEM = FakeSnapshotProvider.system("sys")
		.withPolicies(FakePolicyProvider.system("sys"));

	static final FakeSnapshotProvider VOLUME = FakeSnapshotProvider.volume("vol")
		.withPolicies(FakePolicyProvider.volume("vol"));

	static final FakeSnapshotProvider PLAIN = FakeSnapshotProvider.system("plain");

	/** Copies {@code vol}'s snapshots to {@code plain}. */
	static final FakeCopyProvider COPIES = new FakeCopyProvider(VOLUME, PLAIN);

	static {
		VOLUME.withCopies(COPIES);
	}

	@Bean
	ProviderRegistry providerRegistry() {
		return new ProviderRegistry(List.of(SYSTEM, VOLUME, PLAIN));
	}

	@Bean
	ProviderAccess providerAccess(ProviderRegistry registry) {
		return ProviderAccess.unrestricted(registry);
	}

	@Bean
	FanOut fanOut() {
		return new FanOut();
	}

	@Bean
	SnapshotService snapshotService(ProviderAccess access, FanOut fanOut) {
		return new SnapshotService(access, new SnapshotLocator(access),
				new SnapshotLister(access, fanOut, Duration.ofSeconds(2)),
				new SnapshotWaiter(Duration.ofSeconds(5), Duration.ofMillis(20)),
				new AuditLog(CallerIdentity.ANONYMOUS));
	}

	@Bean
	RestoreService restoreService(ProviderAccess access) {
		return new RestoreService(access, new SnapshotLocator(access), new AuditLog(CallerIdentity.ANONYMOUS),
				RestoreFollower.NONE, Clock.systemUTC());
	}

	@Bean
	CopyService copyService(ProviderAccess access) {
		return new CopyService(access, new SnapshotLocator(access), new AuditLog(CallerIdentity.ANONYMOUS),
				CopyRecorder.NONE);
	}

	@Bean
	CopyIdCodec copyIdCodec(TokenSigner signer) {
		return new CopyIdCodec(signer);
	}

	@Bean
	PolicyLocator policyLocator(ProviderAccess access) {
		return new PolicyLocator(access);
	}

	@Bean
	PolicyService policyService(ProviderAccess access, PolicyLocator locator, FanOut fanOut) {
		Clock clock = CLOCK;
		return new PolicyService(access, locator, fanOut, Duration.ofSeconds(2), new AuditLog(CallerIdentity.ANONYMOUS),
				clock, PolicyHealthRecorder.NONE);
	}

	@Bean
	ProviderCatalog providerCatalog(ProviderAccess access, FanOut fanOut) {
		return new ProviderCatalog(access, ProviderCircuits.NONE, fanOut, Duration.ofSeconds(2));
	}

	@Bean
	TokenSigner tokenSigner() {
		return new TokenSigner("a test key of thirty-two bytes!!".getBytes(StandardCharsets.UTF_8));
	}

	@Bean
	PageTokenCodec pageTokenCodec(TokenSigner signer) {
		return new PageTokenCodec(signer);
	}

	@Bean
	RestoreIdCodec restoreIdCodec(TokenSigner signer) {
		return new RestoreIdCodec(signer);
	}

	@Bean
	ApiSettings apiSettings() {
		return new ApiSettings(Duration.ofSeconds(2), 64 * 1024, true);
	}

}
