package io.snapgate.domain;

/**
 * The state of the circuit breaker in front of a provider.
 */
public enum CircuitState {

	/** Calls flow. */
	CLOSED,
	/** Calls are refused at once until the breaker tries again. */
	OPEN,
	/** A few trial calls decide whether to close again. */
	HALF_OPEN,
	/** No breaker guards this provider. */
	NONE

}
