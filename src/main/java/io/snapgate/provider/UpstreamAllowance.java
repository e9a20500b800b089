package io.snapgate.provider;

import java.util.concurrent.Callable;

/**
 * What one call may spend of its provider's request budget. The guards bind one around
 * each call, and the {@link UpstreamExchange} spends from it before each request it
 * sends; a call with none bound (an adapter on its own) spends nothing.
 */
@FunctionalInterface
public interface UpstreamAllowance {

	/**
	 * Takes one request.
	 * @throws io.snapgate.domain.UpstreamBudgetExhaustedException when it may not be sent
	 */
	void spendOne();

	/** Runs a call with this allowance bound, on this thread. */
	default <T> T bindTo(Callable<T> call) throws Exception {
		return ScopedValue.where(Bound.CURRENT, this).call(call::call);
	}

	/** Spends one request from the allowance bound to this thread, if any. */
	static void spendOneOfBound() {
		if (Bound.CURRENT.isBound()) {
			Bound.CURRENT.get().spendOne();
		}
	}

	final class Bound {

		private static final ScopedValue<UpstreamAllowance> CURRENT = ScopedValue.newInstance();

		private Bound() {
		}

	}

}
