package io.snapgate.guard;

import io.snapgate.domain.BudgetSharing;

import java.time.Duration;

import io.github.resilience4j.ratelimiter.RateLimiter;

/**
 * This replica's share of a budget, kept by a Resilience4j rate limiter whose periods
 * follow one another from when it was made.
 */
final class LocalPermits implements BudgetPermits {

	private final RateLimiter limiter;

	private final long startNanos;

	private final int reserve;

	/**
	 * @param startNanos when the limiter began counting, in {@link System#nanoTime()}
	 * @param reserve how many of each period's permits background work leaves
	 */
	LocalPermits(RateLimiter limiter, long startNanos, int reserve) {
		this.limiter = limiter;
		this.startNanos = startNanos;
		this.reserve = reserve;
	}

	@Override
	public boolean take() {
		return this.limiter.acquirePermission();
	}

	// one caller at a time looks at what is left, so that together they never take the
	// reserve
	@Override
	public synchronized boolean takeBackground() {
		return this.limiter.getMetrics().getAvailablePermissions() > this.reserve && this.limiter.acquirePermission();
	}

	@Override
	public void count() {
		this.limiter.acquirePermission();
	}

	@Override
	public Duration untilRefill() {
		long period = this.limiter.getRateLimiterConfig().getLimitRefreshPeriod().toNanos();
		return Duration.ofNanos(period - Math.floorMod(System.nanoTime() - this.startNanos, period));
	}

	@Override
	public long available() {
		return Math.max(0, this.limiter.getMetrics().getAvailablePermissions());
	}

	@Override
	public BudgetSharing sharing() {
		return BudgetSharing.REPLICA;
	}

	@Override
	public String describe() {
		return this.limiter.getRateLimiterConfig().getLimitForPeriod() + " requests every "
				+ this.limiter.getRateLimiterConfig().getLimitRefreshPeriod() + " on this replica";
	}

}
