package io.snapgate.provider;

import java.time.Duration;

/**
 * A limit on the requests a provider accepts from one account.
 *
 * @param requests how many requests each period allows
 * @param period the period
 */
public record UpstreamRateLimit(int requests, Duration period) {

	public UpstreamRateLimit {
		if (requests < 1 || period.isNegative() || period.isZero()) {
			throw new IllegalArgumentException("A rate limit allows at least one request in a positive period");
		}
	}

}
