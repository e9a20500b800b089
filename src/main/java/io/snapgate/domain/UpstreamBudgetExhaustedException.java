package io.snapgate.domain;

import java.time.Duration;

/**
 * Thrown when SnapGate holds a call back because the provider's request budget for this
 * period is spent: nothing was sent, and the caller may try again after
 * {@link #retryAfter()}.
 */
public final class UpstreamBudgetExhaustedException extends SnapGateException {

	private static final long serialVersionUID = 1L;

	private final Duration retryAfter;

	public UpstreamBudgetExhaustedException(String message, Duration retryAfter) {
		// refused by the thousand when a budget runs out; where each was thrown is of no
		// use
		super(ErrorCode.UPSTREAM_BUDGET_EXHAUSTED, message, null, false);
		this.retryAfter = retryAfter;
	}

	@Override
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
