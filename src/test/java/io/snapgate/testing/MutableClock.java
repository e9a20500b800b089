package io.snapgate.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that tests move by hand, or that moves on by a step each time it is read.
 */
public final class MutableClock extends Clock {

	private final Duration step;

	private volatile Instant now;

	public MutableClock(Instant now) {
		this(now, Duration.ZERO);
	}

	private MutableClock(Instant now, Duration step) {
		this.now = now;
		this.step = step;
	}

	/** A clock {@code step} further on each time it is read. */
	public static MutableClock ticking(Instant start, Duration step) {
		return new MutableClock(start, step);
	}

	public synchronized void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	public void set(Instant instant) {
		this.now = instant;
	}

	@Override
	public synchronized Instant instant() {
		Instant current = this.now;
		this.now = current.plus(this.step);
		return current;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
