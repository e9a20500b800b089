package io.snapgate.provider.resilience;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.snapgate.domain.Lane;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.UpstreamBudgetExhaustedException;
import io.snapgate.provider.UpstreamAllowance;

/**
 * The requests one replica may send to one provider in each period of its rate limiter,
 * served in two lanes: background work may only spend while more than the callers'
 * reserve is left, so a caller's own request gets through when polls have to wait.
 * <p>
 * A call is refused before its first request or not at all: the requests that follow in
 * the same call are counted but always sent, so the budget never cuts a write in half.
 * They may overdraw a period by the few requests one call makes.
 */
final class RequestBudget {

	private final ProviderId provider;

	private final RateLimiter limiter;

	private final int reserve;

	private final long startNanos;

	/**
	 * @param reserve how many of each period's permits only callers may take
	 * @param startNanos when the limiter began counting, in {@link System#nanoTime()}:
	 * its periods follow one another from there
	 */
	RequestBudget(ProviderId provider, RateLimiter limiter, int reserve, long startNanos) {
		this.provider = provider;
		this.limiter = limiter;
		this.reserve = reserve;
		this.startNanos = startNanos;
	}

	/** What one call in this lane may spend. */
	UpstreamAllowance forCall(Lane lane) {
		AtomicBoolean admitted = new AtomicBoolean();
		return () -> {
			if (admitted.compareAndSet(false, true)) {
				admit(lane);
			}
			else {
				this.limiter.acquirePermission();
			}
		};
	}

	private void admit(Lane lane) {
		boolean granted = switch (lane) {
			case INTERACTIVE -> this.limiter.acquirePermission();
			case BACKGROUND -> admitBackground();
		};
		if (!granted) {
			throw new UpstreamBudgetExhaustedException(refusal(lane), untilNextPeriod());
		}
	}

	// one background call at a time looks at what is left, so that together they never
	// take the callers' reserve
	private synchronized boolean admitBackground() {
		return this.limiter.getMetrics().getAvailablePermissions() > this.reserve && this.limiter.acquirePermission();
	}

	private String refusal(Lane lane) {
		String spent = "The request budget of provider " + this.provider + " ("
				+ this.limiter.getRateLimiterConfig().getLimitForPeriod() + " requests every "
				+ this.limiter.getRateLimiterConfig().getLimitRefreshPeriod() + " on this replica) is spent";
		return (lane == Lane.INTERACTIVE) ? spent + "; nothing was sent. Try again after Retry-After"
				: spent + " but for callers' own requests; background work waits";
	}

	private Duration untilNextPeriod() {
		long period = this.limiter.getRateLimiterConfig().getLimitRefreshPeriod().toNanos();
		return Duration.ofNanos(period - Math.floorMod(System.nanoTime() - this.startNanos, period));
	}

}
