package io.snapgate.domain;

/**
 * The state of the circuit breaker in front of each provider, for operators. Reading it
 * never calls the upstream.
 */
@FunctionalInterface
public interface ProviderCircuits {

	/** No breakers at all. */
	ProviderCircuits NONE = (provider) -> CircuitState.NONE;

	CircuitState stateOf(ProviderId provider);

}
