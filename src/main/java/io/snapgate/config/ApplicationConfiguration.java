package io.snapgate.config;

import java.time.Clock;

import io.snapgate.application.AuditLog;
import io.snapgate.application.CallerIdentity;
import io.snapgate.application.FanOut;
import io.snapgate.application.PolicyHealthRecorder;
import io.snapgate.application.PolicyLocator;
import io.snapgate.application.PolicyService;
import io.snapgate.application.PollBackoff;
import io.snapgate.application.ProviderCatalog;
import io.snapgate.application.RestoreService;
import io.snapgate.application.SafetySnapshotGate;
import io.snapgate.application.SnapshotLister;
import io.snapgate.application.SnapshotLocator;
import io.snapgate.application.SnapshotService;
import io.snapgate.application.Sleeper;
import io.snapgate.application.SnapshotWaiter;
import io.snapgate.domain.ProviderCircuits;
import io.snapgate.domain.ProviderRegistry;

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

	@Bean
	SnapshotLocator snapshotLocator(ProviderRegistry registry) {
		return new SnapshotLocator(registry);
	}

	@Bean
	SnapshotWaiter snapshotWaiter(SnapGateProperties properties) {
		SnapGateProperties.Waiting waiting = properties.waiting();
		return new SnapshotWaiter(waiting.maxTimeout(),
				new PollBackoff(waiting.pollInterval(), waiting.maxPollInterval()), Sleeper.THREAD);
	}

	@Bean
	SnapshotService snapshotService(ProviderRegistry registry, SnapshotLocator locator, FanOut fanOut,
			SnapshotWaiter waiter, SnapGateProperties properties, AuditLog audit) {
		SnapshotLister lister = new SnapshotLister(registry, fanOut, properties.listing().providerTimeout());
		return new SnapshotService(registry, locator, lister, waiter, audit);
	}

	@Bean
	RestoreService restoreService(ProviderRegistry registry, SnapshotLocator locator, AuditLog audit,
			SnapshotWaiter waiter, SnapGateProperties properties, ObjectProvider<Clock> clock) {
		return new RestoreService(registry, locator, audit,
				new SafetySnapshotGate(waiter, properties.restores().safetySnapshotWait()),
				clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	PolicyLocator policyLocator(ProviderRegistry registry) {
		return new PolicyLocator(registry);
	}

	@Bean
	PolicyService policyService(ProviderRegistry registry, PolicyLocator locator, FanOut fanOut,
			SnapGateProperties properties, AuditLog audit, ObjectProvider<Clock> clock,
			ObjectProvider<PolicyHealthRecorder> health) {
		return new PolicyService(registry, locator, fanOut, properties.listing().providerTimeout(), audit,
				clock.getIfAvailable(Clock::systemUTC), health.getIfAvailable(() -> PolicyHealthRecorder.NONE));
	}

	@Bean
	ProviderCatalog providerCatalog(ProviderRegistry registry, ProviderCircuits circuits, FanOut fanOut,
			SnapGateProperties properties) {
		return new ProviderCatalog(registry, circuits, fanOut, properties.listing().providerTimeout());
	}

}
