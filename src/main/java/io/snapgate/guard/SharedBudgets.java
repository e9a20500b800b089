package io.snapgate.guard;

import java.time.Duration;

import io.github.bucket4j.Bucket;
import io.snapgate.domain.ProviderId;

/**
 * A store of token buckets every replica shares.
 */
public interface SharedBudgets {

	/**
	 * The bucket of a provider's budget: {@code requests} every {@code period}, refilled
	 * whole at the start of each. A changed budget is another bucket.
	 * @throws RuntimeException when the store cannot be reached
	 */
	Bucket bucket(ProviderId provider, long requests, Duration period);

	/** Whether the budgets are shared right now. */
	Coordination coordination();

}
