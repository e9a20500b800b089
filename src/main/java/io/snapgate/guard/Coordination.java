package io.snapgate.guard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the store the replicas share their request budgets and their reads in answers.
 * While it does not, each replica spends its own share of every budget and keeps its own
 * reads; one call at a time tries the store again once {@link #retryAfter} has passed,
 * and the first that gets through brings every budget and read back to the shared ones.
 */
public final class Coordination {

	private static final Logger log = LoggerFactory.getLogger(Coordination.class);

	private final Duration retryAfter;

	private final Clock clock;

	private final AtomicBoolean up = new AtomicBoolean(true);

	private final AtomicReference<Instant> nextTry = new AtomicReference<>(Instant.MIN);

	public Coordination(Duration retryAfter, Clock clock) {
		this.retryAfter = retryAfter;
		this.clock = clock;
	}

	/** Whether the budgets and reads are shared right now. */
	public boolean isUp() {
		return this.up.get();
	}

	/**
	 * Whether this call should ask the store: always while it answers, else one probe.
	 */
	boolean shouldTry() {
		if (this.up.get()) {
			return true;
		}
		Instant due = this.nextTry.get();
		Instant now = this.clock.instant();
		return !now.isBefore(due) && this.nextTry.compareAndSet(due, now.plus(this.retryAfter));
	}

	void succeeded() {
		if (this.up.compareAndSet(false, true)) {
			log.info("The store shared by the replicas answers again: every replica spends from the shared "
					+ "request budgets and shares its reads");
		}
	}

	void failed(RuntimeException failure) {
		this.nextTry.set(this.clock.instant().plus(this.retryAfter));
		if (this.up.compareAndSet(true, false)) {
			log.warn("The store shared by the replicas cannot be reached ({}): each replica spends its own share "
					+ "of every budget and keeps its own reads until it answers again", failure.toString());
		}
	}

}
