package io.snapgate.guard;

import java.time.Duration;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import org.jspecify.annotations.Nullable;

/**
 * The Resilience4j instances guarding one provider.
 *
 * @param circuitBreaker opens when the upstream keeps failing
 * @param bulkhead bounds the calls under way
 * @param timeLimiter bounds each attempt
 * @param readRetry retries calls that are safe to repeat (reads, deletes, updates)
 * @param createRetry retries creates where that cannot make a second snapshot
 * @param restoreRetry retries restores that provably never reached the upstream
 * @param openStateWait how long an open breaker refuses, for {@code Retry-After}
 * @param budget what may be sent in each period, or {@code null} for no bound
 */
record ProviderGuards(CircuitBreaker circuitBreaker, Bulkhead bulkhead, TimeLimiter timeLimiter, Retry readRetry,
		Retry createRetry, Retry restoreRetry, Duration openStateWait, @Nullable RequestBudget budget) {
}
