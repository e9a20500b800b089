package io.snapgate.observability;

import io.micrometer.observation.Observation;

/**
 * The observed facts of one attempt at an upstream call. Every value is from a small
 * closed set, so that metric tags stay bounded.
 */
public final class UpstreamCallContext extends Observation.Context {

	private final String provider;

	private final String providerType;

	private final String operation;

	private Outcome outcome = Outcome.SUCCESS;

	public UpstreamCallContext(String provider, String providerType, String operation) {
		this.provider = provider;
		this.providerType = providerType;
		this.operation = operation;
	}

	public String provider() {
		return this.provider;
	}

	public String providerType() {
		return this.providerType;
	}

	public String operation() {
		return this.operation;
	}

	public Outcome outcome() {
		return this.outcome;
	}

	public void outcome(Outcome outcome) {
		this.outcome = outcome;
	}

	/**
	 * How an attempt ended.
	 */
	public enum Outcome {

		/** The upstream answered as asked. */
		SUCCESS,
		/**
		 * The upstream refused the request itself: not found, conflict, invalid,
		 * throttled.
		 */
		CLIENT_ERROR,
		/**
		 * The upstream failed, could not be reached, or refused SnapGate's credentials.
		 */
		SERVER_ERROR,
		/** The attempt ran out of time. */
		TIMEOUT,
		/** SnapGate did not send it: breaker open or bulkhead full. */
		REJECTED;

		public String tagValue() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
