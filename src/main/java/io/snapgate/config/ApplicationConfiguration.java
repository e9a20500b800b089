package io.snapgate.config;

import java.time.Clock;

import io.snapgate.application.AuditLog;
import io.snapgate.application.CopyRecorder;
import io.snapgate.application.CopyService;
import io.snapgate.application.CallerIdentity;
import io.snapgate.application.FanOut;
import io.snapgate.application.PolicyHealthRecorder;
import io.snapgate.application.PolicyLocator;
import io.snapgate.application.PolicyService;
import io.snapgate.application.PollBackoff;
import io.snapgate.application.ProviderAccess;
import io.snapgate.application.ProviderCatalog;
import io.snapgate.application.RestoreService;
import io.snapgate.application.RestoreFollower;
import io.snapgate.application.SnapshotLister;
import io.snapgate.application.SnapshotLocator;
import io.snapgate.application.SnapshotService;
import io.snapgate.application.Sleeper;
import io.snapgate.application.SnapshotWaiter;
import io.snapgate.domain.RestoreSettings;
import io.snapgate.domain.ProviderCircuits;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.security.SecuritySettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the application services from the registry and {@code snapgate.*} settings.
 */
@Configuration(proxyBeanMethods = false)
class ApplicationConfiguration {

	@Bean
	FanOut fanOut() {
		return new FanOut();
	}

	@Bean
	AuditLog auditLog(ObjectProvider<CallerIdentity> caller) {
		return new AuditLog(caller.getIfAvailable(() -> CallerIdentity.ANONYMOUS));
	}

	/**
	 * The providers as each caller may use them, once every API key's grants are known to
	 * name configured providers.
	 */
	@Bean
	ProviderAccess providerAccess(ProviderRegistry registry, SecuritySettings security,
			ObjectProvider<CallerIdentity> caller) {
		ApiKeyGrantsCheck.check(security.apiKeys(), registry);
		return new ProviderAccess(registry, caller.getIfAvailable(() -> CallerIdentity.ANONYMOUS));
	}

	@Bean
	SnapshotLocator snapshotLocator(ProviderAccess access) {
		return new SnapshotLocator(access);
	}

	@Bean
	SnapshotWaiter snapshotWaiter(SnapGateProperties properties) {
		SnapGateProperties.Waiting waiting = properties.waiting();
		return new SnapshotWaiter(waiting.maxTimeout(),
				new PollBackoff(waiting.pollInterval(), waiting.maxPollInterval()), Sleeper.THREAD);
	}

	@Bean
	SnapshotService snapshotService(ProviderAccess access, SnapshotLocator locator, FanOut fanOut,
			SnapshotWaiter waiter, SnapGateProperties properties, AuditLog audit) {
		SnapshotLister lister = new SnapshotLister(access, fanOut, properties.listing().providerTimeout());
		return new SnapshotService(access, locator, lister, waiter, audit);
	}

	@Bean
	RestoreSettings restoreSettings(SnapGateProperties properties) {
		SnapGateProperties.Restores restores = properties.restores();
		return new RestoreSettings(restores.safetySnapshotWait(), restores.safetySnapshotRetention(),
				restores.claimSettle(), restores.claimLease());
	}

	@Bean
	RestoreFollower restoreFollower(SnapGateProperties properties, RestoreSettings restores) {
		SnapGateProperties.Waiting waiting = properties.waiting();
		return new RestoreFollower(new PollBackoff(waiting.pollInterval(), waiting.maxPollInterval()),
				restores.stepDeadline(), Sleeper.THREAD);
	}

	@Bean
	RestoreService restoreService(ProviderAccess access, SnapshotLocator locator, AuditLog audit,
			RestoreFollower follower, ObjectProvider<Clock> clock) {
		return new RestoreService(access, locator, audit, follower, clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	CopyService copyService(ProviderAccess access, SnapshotLocator locator, AuditLog audit,
			ObjectProvider<CopyRecorder> recorder) {
		return new CopyService(access, locator, audit, recorder.getIfAvailable(() -> CopyRecorder.NONE));
	}

	@Bean
	PolicyLocator policyLocator(ProviderAccess access) {
		return new PolicyLocator(access);
	}

	@Bean
	PolicyService policyService(ProviderAccess access, PolicyLocator locator, FanOut fanOut,
			SnapGateProperties properties, AuditLog audit, ObjectProvider<Clock> clock,
			ObjectProvider<PolicyHealthRecorder> health) {
		return new PolicyService(access, locator, fanOut, properties.listing().providerTimeout(), audit,
				clock.getIfAvailable(Clock::systemUTC), health.getIfAvailable(() -> PolicyHealthRecorder.NONE));
	}

	@Bean
	ProviderCatalog providerCatalog(ProviderAccess access, ProviderCircuits circuits, FanOut fanOut,
			SnapGateProperties properties) {
		return new ProviderCatalog(access, circuits, fanOut, properties.listing().providerTimeout());
	}

}
