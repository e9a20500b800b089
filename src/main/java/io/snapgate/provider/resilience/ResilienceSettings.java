package io.snapgate.provider.resilience;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.jspecify.annotations.Nullable;

/**
 * One provider's departures from the {@code resilience4j.*} defaults, bound from
 * {@code snapgate.providers.<id>.resilience}. Every setting left out keeps the default.
 *
 * @param timeout the time limit of one attempt
 * @param maxConcurrentCalls how many calls may be under way at once (the bulkhead)
 * @param retryAttempts attempts per call, the first included, for the calls that are safe
 * to retry
 * @param retryWait the first wait between attempts; it doubles, with jitter
 * @param maxRetryAfter the longest {@code Retry-After} honoured by waiting; a longer one
 * is passed on
 * @param failureRateThreshold percentage of failed calls that opens the breaker
 * @param slowCallDuration how long a call may take before it counts as slow
 * @param slowCallRateThreshold percentage of slow calls that opens the breaker
 * @param slidingWindowSize how many recent calls the breaker judges
 * @param minimumCalls how many calls the breaker needs before it judges
 * @param openStateWait how long the breaker stays open before it tries again
 * @param readCacheTtl how long this replica keeps an answer to a read (a snapshot, a
 * page, a restore's status, a policy) before it asks again; zero keeps none
 * @param finishedRestoreTtl how long it keeps the status of a restore that has ended
 */
public record ResilienceSettings(@Nullable Duration timeout, @Nullable @Min(1) @Max(10_000) Integer maxConcurrentCalls,
		@Nullable @Min(1) @Max(10) Integer retryAttempts, @Nullable Duration retryWait,
		@Nullable Duration maxRetryAfter, @Nullable @DecimalMin("1") @DecimalMax("100") Float failureRateThreshold,
		@Nullable Duration slowCallDuration, @Nullable @DecimalMin("1") @DecimalMax("100") Float slowCallRateThreshold,
		@Nullable @Min(1) Integer slidingWindowSize, @Nullable @Min(1) Integer minimumCalls,
		@Nullable Duration openStateWait, @Nullable Duration readCacheTtl, @Nullable Duration finishedRestoreTtl) {

	/** How long an answer is kept unless the provider says otherwise. */
	public static final Duration DEFAULT_READ_CACHE_TTL = Duration.ofSeconds(2);

	/**
	 * How long the status of an ended restore is kept unless the provider says otherwise.
	 */
	public static final Duration DEFAULT_FINISHED_RESTORE_TTL = Duration.ofHours(1);

	public static final ResilienceSettings DEFAULTS = new ResilienceSettings(null, null, null, null, null, null, null,
			null, null, null, null, null, null);

	@AssertTrue(message = "read-cache-ttl and finished-restore-ttl must not be negative")
	boolean isReadCacheTtlValid() {
		return (this.readCacheTtl == null || !this.readCacheTtl.isNegative())
				&& (this.finishedRestoreTtl == null || !this.finishedRestoreTtl.isNegative());
	}

}
