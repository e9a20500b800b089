package io.snapgate.observability;

import java.util.LinkedHashMap;
import java.util.Map;

import io.snapgate.domain.CircuitState;
import io.snapgate.domain.ProviderCircuits;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.domain.SnapshotProvider;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * One health indicator per provider under {@code /actuator/health/providers}, read from
 * its circuit breaker without calling the upstream. It is not part of readiness: a sick
 * upstream must not take healthy replicas out of service.
 */
public final class ProviderHealthIndicators {

	/** An upstream that fails often enough to have opened its breaker. */
	public static final Status DEGRADED = new Status("DEGRADED", "The provider's circuit breaker is open");

	private ProviderHealthIndicators() {
	}

	public static CompositeHealthContributor of(ProviderRegistry registry, ProviderCircuits circuits) {
		Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
		registry.all().forEach((provider) -> indicators.put(provider.id().value(), () -> health(provider, circuits)));
		return CompositeHealthContributor.fromMap(indicators);
	}

	private static Health health(SnapshotProvider provider, ProviderCircuits circuits) {
		CircuitState state = circuits.stateOf(provider.id());
		Health.Builder builder = (state == CircuitState.OPEN) ? Health.status(DEGRADED) : Health.up();
		return builder.withDetail("type", provider.type().value()).withDetail("circuitBreaker", state.name()).build();
	}

}
