package io.snapgate.provider.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the store the replicas share their budgets in answers. While it does not, each
 * replica spends its own share of every budget; one call at a time tries the store again
 * once {@link #retryAfter} has passed, and the first that gets through brings every
 * budget back to the shared one.
 */
public final class BudgetCoordination {

	private static final Logger log = LoggerFactory.getLogger(BudgetCoordination.class);

	private final Duration retryAfter;

	private final Clock clock;

	private final AtomicBoolean up = new AtomicBoolean(true);

	private final AtomicReference<Instant> nextTry = new AtomicReference<>(Instant.MIN);

	public BudgetCoordination(Duration retryAfter, Clock clock) {
		this.retryAfter = retryAfter;
		this.clock = clock;
	}

	/** Whether the budgets are shared right now. */
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
			log.info("The shared request budgets answer again: every replica spends from them");
		}
	}

	void failed(RuntimeException failure) {
		this.nextTry.set(this.clock.instant().plus(this.retryAfter));
		if (this.up.compareAndSet(true, false)) {
			log.warn("The shared request budgets cannot be reached ({}): each replica spends its own share of "
					+ "every budget until they answer again", failure.toString());
		}
	}

}
