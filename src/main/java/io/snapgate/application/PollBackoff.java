package io.snapgate.application;

import java.time.Duration;

/**
 * How long to wait before each poll: the first interval, doubled after every poll up to a
 * cap, so that a long wait asks the upstream less and less often.
 *
 * @param first the wait before the first poll
 * @param cap the longest wait between two polls
 */
public record PollBackoff(Duration first, Duration cap) {

	public PollBackoff {
		if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
			throw new IllegalArgumentException("A poll interval is positive, and its cap is no shorter");
		}
	}

	/** The wait after one of {@code interval}. */
	Duration after(Duration interval) {
		Duration doubled = interval.multipliedBy(2);
		return (doubled.compareTo(this.cap) < 0) ? doubled : this.cap;
	}

}
