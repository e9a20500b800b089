package io.snapgate.guard;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.snapgate.domain.CircuitState;
import io.snapgate.domain.ProviderCircuits;
import io.snapgate.domain.ProviderId;

/**
 * The providers' breaker states, read from the Resilience4j registry in which each
 * provider's breaker is named by its id.
 */
public final class ResilienceProviderCircuits implements ProviderCircuits {

	private final CircuitBreakerRegistry breakers;

	public ResilienceProviderCircuits(CircuitBreakerRegistry breakers) {
		this.breakers = breakers;
	}

	@Override
	public CircuitState stateOf(ProviderId provider) {
		return this.breakers.find(provider.value()).map(ResilienceProviderCircuits::stateOf).orElse(CircuitState.NONE);
	}

	static CircuitState stateOf(CircuitBreaker breaker) {
		return switch (breaker.getState()) {
			case CLOSED -> CircuitState.CLOSED;
			case HALF_OPEN -> CircuitState.HALF_OPEN;
			case OPEN, FORCED_OPEN, METRICS_ONLY, DISABLED -> CircuitState.OPEN;
		};
	}

}
