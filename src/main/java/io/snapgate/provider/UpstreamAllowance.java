package io.snapgate.provider;

/**
 * What one call may spend of its provider's request budget. The guards give one to each
 * attempt ({@link UpstreamAttempt}), and the {@link UpstreamExchange} spends from it
 * before each request it sends.
 */
@FunctionalInterface
public interface UpstreamAllowance {

	/** No bound: the provider has no request budget. */
	UpstreamAllowance UNBOUNDED = () -> {
	};

	/**
	 * Takes one request.
	 * @throws io.snapgate.domain.UpstreamBudgetExhaustedException when it may not be sent
	 */
	void spendOne();

}
