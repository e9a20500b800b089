package io.snapgate.guard;

import io.snapgate.domain.BudgetSharing;

import java.time.Duration;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * A budget every replica spends from: a Bucket4j token bucket kept in a shared store,
 * refilled whole at the start of each period. Each call is one atomic operation in the
 * store.
 */
final class SharedPermits implements BudgetPermits {

	private final Bucket bucket;

	private final int reserve;

	private final String description;

	/**
	 * @param reserve how many of each period's permits background work leaves
	 * @param description the budget, for messages
	 */
	SharedPermits(Bucket bucket, int reserve, String description) {
		this.bucket = bucket;
		this.reserve = reserve;
		this.description = description;
	}

	@Override
	public boolean take() {
		return this.bucket.tryConsume(1);
	}

	/**
	 * Takes one, then gives it back when fewer than the reserve are left after it: two
	 * atomic operations rather than one, so that a reserve is never spent for long.
	 */
	@Override
	public boolean takeBackground() {
		ConsumptionProbe probe = this.bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			return false;
		}
		if (probe.getRemainingTokens() < this.reserve) {
			this.bucket.addTokens(1);
			return false;
		}
		return true;
	}

	@Override
	public void count() {
		this.bucket.consumeIgnoringRateLimits(1);
	}

	@Override
	public Duration untilRefill() {
		long nanos = this.bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
		return Duration.ofNanos(Math.max(nanos, 0));
	}

	@Override
	public long available() {
		return Math.max(0, this.bucket.getAvailableTokens());
	}

	@Override
	public BudgetSharing sharing() {
		return BudgetSharing.SHARED;
	}

	@Override
	public String describe() {
		return this.description;
	}

}
