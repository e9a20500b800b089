package io.snapgate.guard;

import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.snapgate.domain.BudgetSharing;
import io.snapgate.domain.Lane;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.UpstreamBudgetExhaustedException;
import io.snapgate.provider.UpstreamAllowance;

/**
 * The requests that may be sent to one provider in each period, served in two lanes:
 * background work may only spend while more than the callers' reserve is left, so a
 * caller's own request gets through when polls have to wait. The permits are this
 * replica's share, or one budget every replica shares (see {@link CoordinatedPermits}).
 * <p>
 * A call is refused before its first request or not at all: the requests that follow in
 * the same call are counted but always sent, so the budget never cuts a write in half.
 * They may overdraw a period by the few requests one call makes.
 */
final class RequestBudget {

	/** Requests this replica counted against a provider's budget. */
	static final String SPENT = "snapgate.budget.spent";

	/** Calls refused because the budget was spent, by lane. */
	static final String REFUSED = "snapgate.budget.refused";

	/** What is left of a provider's budget this period. */
	static final String AVAILABLE = "snapgate.budget.available";

	private final ProviderId provider;

	private final BudgetPermits permits;

	private final Counter spent;

	private final Counter refusedInteractive;

	private final Counter refusedBackground;

	RequestBudget(ProviderId provider, BudgetPermits permits, MeterRegistry meters) {
		this.provider = provider;
		this.permits = permits;
		this.refusedInteractive = refused(provider, Lane.INTERACTIVE, meters);
		this.refusedBackground = refused(provider, Lane.BACKGROUND, meters);
		this.spent = Counter.builder(SPENT)
			.description("Upstream requests this replica counted against the provider's request budget")
			.tag("provider", provider.value())
			.register(meters);
		meters.gauge(AVAILABLE, Tags.of("provider", provider.value()), permits, BudgetPermits::available);
	}

	/** What one call in this lane may spend. */
	UpstreamAllowance forCall(Lane lane) {
		AtomicBoolean admitted = new AtomicBoolean();
		return () -> {
			if (admitted.compareAndSet(false, true)) {
				admit(lane);
			}
			else {
				this.permits.count();
			}
			this.spent.increment();
		};
	}

	/** Whose budget the calls are spent from right now. */
	BudgetSharing sharing() {
		return this.permits.sharing();
	}

	private void admit(Lane lane) {
		boolean granted = switch (lane) {
			case INTERACTIVE -> this.permits.take();
			case BACKGROUND -> this.permits.takeBackground();
		};
		if (!granted) {
			((lane == Lane.INTERACTIVE) ? this.refusedInteractive : this.refusedBackground).increment();
			throw new UpstreamBudgetExhaustedException(refusal(lane), this.permits.untilRefill());
		}
	}

	private static Counter refused(ProviderId provider, Lane lane, MeterRegistry meters) {
		return Counter.builder(REFUSED)
			.description("Calls refused because the provider's request budget was spent")
			.tag("provider", provider.value())
			.tag("lane", lane.name())
			.register(meters);
	}

	private String refusal(Lane lane) {
		String spent = "The request budget of provider " + this.provider + " (" + this.permits.describe()
				+ ") is spent";
		return (lane == Lane.INTERACTIVE) ? spent + "; nothing was sent. Try again after Retry-After"
				: spent + " but for callers' own requests; background work waits";
	}

}
