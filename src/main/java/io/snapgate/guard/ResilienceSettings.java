package io.snapgate.guard;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.snapgate.provider.UpstreamRateLimit;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * One provider's departures from the {@code resilience4j.*} defaults, bound from
 * {@code snapgate.providers.<id>.resilience}. Every setting left out keeps the default
 * named with it. The prefix names that pattern for the configuration metadata, as this
 * record is never a bean.
 *
 * @param timeout the time limit of one attempt; unset,
 * {@code resilience4j.timelimiter.configs.default.timeout-duration} (5s)
 * @param maxConcurrentCalls how many calls may be under way at once (the bulkhead);
 * unset, {@code resilience4j.bulkhead.configs.default.max-concurrent-calls} (64)
 * @param retryAttempts attempts per call, the first included, for the calls that are safe
 * to retry; unset, {@code resilience4j.retry.configs.default.max-attempts} (3)
 * @param retryWait the first wait between attempts; it doubles, with jitter; unset,
 * {@code resilience4j.retry.configs.default.wait-duration} (200ms)
 * @param maxRetryAfter the longest {@code Retry-After} honoured by waiting; a longer one
 * is passed on; unset, {@code snapgate.resilience.max-retry-after}
 * @param failureRateThreshold percentage of failed calls that opens the breaker; unset,
 * {@code resilience4j.circuitbreaker.configs.default.failure-rate-threshold} (50)
 * @param slowCallDuration how long a call may take before it counts as slow; unset,
 * {@code resilience4j.circuitbreaker.configs.default.slow-call-duration-threshold} (5s)
 * @param slowCallRateThreshold percentage of slow calls that opens the breaker; unset,
 * {@code resilience4j.circuitbreaker.configs.default.slow-call-rate-threshold} (80)
 * @param slidingWindowSize how many recent calls the breaker judges; unset,
 * {@code resilience4j.circuitbreaker.configs.default.sliding-window-size} (20)
 * @param minimumCalls how many calls the breaker needs before it judges; unset,
 * {@code resilience4j.circuitbreaker.configs.default.minimum-number-of-calls} (10)
 * @param openStateWait how long the breaker stays open before it tries again; unset,
 * {@code resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state} (30s)
 * @param readCacheTtl how long this replica keeps an answer to a read (a snapshot, a
 * page, a restore's status, a policy) before it asks again; zero keeps none
 * @param finishedRestoreTtl how long it keeps the status of a restore that has ended
 * @param budgetRequests how many requests every replica together may send in each
 * {@code budget-period}; zero sends without a budget. Unset, the limit the provider's
 * type documents for one account (VergeOS documents 1,000 an hour), or none
 * @param budgetPeriod the period of the budget; unset, that of the documented limit
 * @param budgetReserve the percentage of each period's requests that only callers' own
 * requests may spend, not background work
 */
@Validated
@ConfigurationProperties("snapgate.providers.<id>.resilience")
public record ResilienceSettings(@Nullable Duration timeout, @Nullable @Min(1) @Max(10_000) Integer maxConcurrentCalls,
		@Nullable @Min(1) @Max(10) Integer retryAttempts, @Nullable Duration retryWait,
		@Nullable Duration maxRetryAfter, @Nullable @DecimalMin("1") @DecimalMax("100") Float failureRateThreshold,
		@Nullable Duration slowCallDuration, @Nullable @DecimalMin("1") @DecimalMax("100") Float slowCallRateThreshold,
		@Nullable @Min(1) Integer slidingWindowSize, @Nullable @Min(1) Integer minimumCalls,
		@Nullable Duration openStateWait, @Nullable @DefaultValue("PT2S") Duration readCacheTtl,
		@Nullable @DefaultValue("PT1H") Duration finishedRestoreTtl, @Nullable @Min(0) Integer budgetRequests,
		@Nullable Duration budgetPeriod, @Nullable @Min(0) @Max(90) @DefaultValue("20") Integer budgetReserve) {

	/** How long an answer is kept unless the provider says otherwise. */
	public static final Duration DEFAULT_READ_CACHE_TTL = Duration.ofSeconds(2);

	/**
	 * How long the status of an ended restore is kept unless the provider says otherwise.
	 */
	public static final Duration DEFAULT_FINISHED_RESTORE_TTL = Duration.ofHours(1);

	/** The share of a budget kept for callers unless the provider says otherwise. */
	public static final int DEFAULT_BUDGET_RESERVE = 20;

	public static final ResilienceSettings DEFAULTS = new ResilienceSettings(null, null, null, null, null, null, null,
			null, null, null, null, null, null, null, null, null);

	/**
	 * These settings, with the limit the provider documents as the budget where the
	 * operator set none.
	 */
	public ResilienceSettings withBudgetOf(UpstreamRateLimit documented) {
		if (this.budgetRequests != null) {
			return this;
		}
		return new ResilienceSettings(this.timeout, this.maxConcurrentCalls, this.retryAttempts, this.retryWait,
				this.maxRetryAfter, this.failureRateThreshold, this.slowCallDuration, this.slowCallRateThreshold,
				this.slidingWindowSize, this.minimumCalls, this.openStateWait, this.readCacheTtl,
				this.finishedRestoreTtl, documented.requests(), documented.period(), this.budgetReserve);
	}

	@AssertTrue(message = "read-cache-ttl and finished-restore-ttl must not be negative")
	boolean isReadCacheTtlValid() {
		return (this.readCacheTtl == null || !this.readCacheTtl.isNegative())
				&& (this.finishedRestoreTtl == null || !this.finishedRestoreTtl.isNegative());
	}

	@AssertTrue(message = "budget-requests and budget-period go together, and budget-period must be positive")
	boolean isBudgetPeriodValid() {
		if (this.budgetPeriod != null) {
			return this.budgetPeriod.isPositive() && this.budgetRequests != null;
		}
		return this.budgetRequests == null || this.budgetRequests == 0;
	}

}
