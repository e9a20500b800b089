package io.snapgate.guard;

import java.time.Duration;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Ticker;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.domain.UpstreamBudgetExhaustedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the guards of each provider from the Resilience4j registries, whose defaults
 * come from {@code resilience4j.*.configs.default}, and the provider's own overrides,
 * then wraps the provider. Instances are named by provider id, so Resilience4j's own
 * metrics carry it.
 */
public final class ResilienceDecorator {

	private static final Logger log = LoggerFactory.getLogger(ResilienceDecorator.class);

	private final CircuitBreakerRegistry circuitBreakers;

	private final BulkheadRegistry bulkheads;

	private final TimeLimiterRegistry timeLimiters;

	private final RetryRegistry retries;

	private final ObservationRegistry observations;

	private final RateLimiterRegistry rateLimiters;

	private final Duration defaultMaxRetryAfter;

	private final int budgetShares;

	private final MeterRegistry meters;

	private final @Nullable SharedBudgets sharedBudgets;

	private final @Nullable SharedReads sharedReads;

	private final AnswerCodec codec = new AnswerCodec();

	/**
	 * @param budgetShares how many replicas share each provider's budget: each sends its
	 * share of it, or, with shared budgets, while they cannot be reached
	 * @param sharedBudgets the budgets every replica spends from, or {@code null} for
	 * each replica its share
	 */
	public ResilienceDecorator(CircuitBreakerRegistry circuitBreakers, BulkheadRegistry bulkheads,
			TimeLimiterRegistry timeLimiters, RetryRegistry retries, RateLimiterRegistry rateLimiters,
			ObservationRegistry observations, Duration defaultMaxRetryAfter, int budgetShares, MeterRegistry meters,
			@Nullable SharedBudgets sharedBudgets) {
		this(circuitBreakers, bulkheads, timeLimiters, retries, rateLimiters, observations, defaultMaxRetryAfter,
				budgetShares, meters, sharedBudgets, null);
	}

	/**
	 * @param budgetShares how many replicas share each provider's budget: each sends its
	 * share of it, or, with shared budgets, while they cannot be reached
	 * @param sharedBudgets the budgets every replica spends from, or {@code null} for
	 * each replica its share
	 * @param sharedReads the store every replica shares its reads through, or
	 * {@code null} for each replica its own
	 */
	public ResilienceDecorator(CircuitBreakerRegistry circuitBreakers, BulkheadRegistry bulkheads,
			TimeLimiterRegistry timeLimiters, RetryRegistry retries, RateLimiterRegistry rateLimiters,
			ObservationRegistry observations, Duration defaultMaxRetryAfter, int budgetShares, MeterRegistry meters,
			@Nullable SharedBudgets sharedBudgets, @Nullable SharedReads sharedReads) {
		this.meters = meters;
		this.sharedBudgets = sharedBudgets;
		this.sharedReads = sharedReads;
		this.circuitBreakers = circuitBreakers;
		this.bulkheads = bulkheads;
		this.timeLimiters = timeLimiters;
		this.retries = retries;
		this.rateLimiters = rateLimiters;
		this.observations = observations;
		this.defaultMaxRetryAfter = defaultMaxRetryAfter;
		this.budgetShares = budgetShares;
	}

	public SnapshotProvider decorate(SnapshotProvider provider, ResilienceSettings settings) {
		String name = provider.id().value();
		CircuitBreakerConfig breakerConfig = breakerConfig(settings);
		CircuitBreaker breaker = this.circuitBreakers.circuitBreaker(name, breakerConfig);
		breaker.getEventPublisher().onStateTransition((event) -> logTransition(name, event.getStateTransition()));
		Bulkhead bulkhead = this.bulkheads.bulkhead(name, bulkheadConfig(settings));
		TimeLimiter timeLimiter = this.timeLimiters.timeLimiter(name, timeLimiterConfig(settings));
		Duration maxRetryAfter = (settings.maxRetryAfter() != null) ? settings.maxRetryAfter()
				: this.defaultMaxRetryAfter;
		Predicate<Throwable> transientFailure = (error) -> UpstreamFailures.isTransient(error, maxRetryAfter);
		Predicate<Throwable> safeCreateRetry = provider.deduplicatesCreates()
				? transientFailure.or(UpstreamFailures::neverSent) : UpstreamFailures::neverSent;
		Retry reads = this.retries.retry(name, retryConfig(settings, transientFailure, maxRetryAfter));
		Retry creates = this.retries.retry(name + "-create", retryConfig(settings, safeCreateRetry, maxRetryAfter));
		Retry restores = this.retries.retry(name + "-restore",
				retryConfig(settings, UpstreamFailures::neverSent, maxRetryAfter));
		Duration openWait = Duration.ofMillis(breakerConfig.getWaitIntervalFunctionInOpenState().apply(1));
		ProviderGuards guards = new ProviderGuards(breaker, bulkhead, timeLimiter, reads, creates, restores, openWait,
				budget(provider.id(), settings));
		return new ResilientSnapshotProvider(provider, new GuardEngine(provider.id(), provider.type(), guards,
				this.observations, reads(provider.id(), settings)));
	}

	private Reads reads(ProviderId provider, ResilienceSettings settings) {
		Duration ttl = (settings.readCacheTtl() != null) ? settings.readCacheTtl()
				: ResilienceSettings.DEFAULT_READ_CACHE_TTL;
		Duration finishedRestoreTtl = (settings.finishedRestoreTtl() != null) ? settings.finishedRestoreTtl()
				: ResilienceSettings.DEFAULT_FINISHED_RESTORE_TTL;
		ProviderReads local = new ProviderReads(ttl, finishedRestoreTtl, Ticker.systemTicker());
		SharedReads shared = this.sharedReads;
		if (shared == null) {
			return local;
		}
		return new SharedProviderReads(provider, shared, this.codec, local, ttl, finishedRestoreTtl);
	}

	private @Nullable RequestBudget budget(ProviderId provider, ResilienceSettings settings) {
		Integer requests = settings.budgetRequests();
		Duration period = settings.budgetPeriod();
		if (requests == null || requests == 0 || period == null) {
			return null;
		}
		int share = requests / this.budgetShares;
		if (share == 0) {
			log.warn("Provider {} allows {} requests every {}, fewer than the {} replicas that share them; "
					+ "each replica sends one", provider, requests, period, this.budgetShares);
			share = 1;
		}
		RateLimiterConfig config = RateLimiterConfig.from(this.rateLimiters.getDefaultConfig())
			.limitForPeriod(share)
			.limitRefreshPeriod(period)
			.timeoutDuration(Duration.ZERO)
			.writableStackTraceEnabled(false)
			.build();
		int reservePercent = (settings.budgetReserve() != null) ? settings.budgetReserve()
				: ResilienceSettings.DEFAULT_BUDGET_RESERVE;
		// Resilience4j's limiter counts its periods from when it is made
		BudgetPermits local = new LocalPermits(this.rateLimiters.rateLimiter(provider.value(), config),
				System.nanoTime(), reserve(share, reservePercent));
		SharedBudgets shared = this.sharedBudgets;
		if (shared == null) {
			return new RequestBudget(provider, local, this.meters);
		}
		String description = requests + " requests every " + period + ", shared by every replica";
		BudgetPermits coordinated = new CoordinatedPermits(
				() -> new SharedPermits(shared.bucket(provider, requests, period), reserve(requests, reservePercent),
						description),
				local, shared.coordination());
		return new RequestBudget(provider, coordinated, this.meters);
	}

	/** How many of a period's permits only callers may take. */
	private static int reserve(int permits, int percent) {
		return (permits == 1) ? 0 : Math.min(permits - 1, (permits * percent + 99) / 100);
	}

	private static void logTransition(String provider, CircuitBreaker.StateTransition transition) {
		String message = "Circuit breaker of provider {} went from {} to {}";
		if (transition.getToState() == CircuitBreaker.State.CLOSED) {
			log.info(message, provider, transition.getFromState(), transition.getToState());
		}
		else {
			log.warn(message, provider, transition.getFromState(), transition.getToState());
		}
	}

	private CircuitBreakerConfig breakerConfig(ResilienceSettings settings) {
		CircuitBreakerConfig.Builder builder = CircuitBreakerConfig.from(this.circuitBreakers.getDefaultConfig())
			.recordException(UpstreamFailures::countsAgainstBreaker)
			.ignoreException(UpstreamBudgetExhaustedException.class::isInstance);
		if (settings.failureRateThreshold() != null) {
			builder.failureRateThreshold(settings.failureRateThreshold());
		}
		if (settings.slowCallDuration() != null) {
			builder.slowCallDurationThreshold(settings.slowCallDuration());
		}
		if (settings.slowCallRateThreshold() != null) {
			builder.slowCallRateThreshold(settings.slowCallRateThreshold());
		}
		if (settings.slidingWindowSize() != null) {
			builder.slidingWindowSize(settings.slidingWindowSize());
		}
		if (settings.minimumCalls() != null) {
			builder.minimumNumberOfCalls(settings.minimumCalls());
		}
		if (settings.openStateWait() != null) {
			builder.waitDurationInOpenState(settings.openStateWait());
		}
		return builder.build();
	}

	private BulkheadConfig bulkheadConfig(ResilienceSettings settings) {
		BulkheadConfig.Builder builder = BulkheadConfig.from(this.bulkheads.getDefaultConfig());
		if (settings.maxConcurrentCalls() != null) {
			builder.maxConcurrentCalls(settings.maxConcurrentCalls());
		}
		return builder.build();
	}

	private TimeLimiterConfig timeLimiterConfig(ResilienceSettings settings) {
		TimeLimiterConfig.Builder builder = TimeLimiterConfig.from(this.timeLimiters.getDefaultConfig());
		if (settings.timeout() != null) {
			builder.timeoutDuration(settings.timeout());
		}
		return builder.build();
	}

	private RetryConfig retryConfig(ResilienceSettings settings, Predicate<Throwable> retryable,
			Duration maxRetryAfter) {
		RetryConfig defaults = this.retries.getDefaultConfig();
		int attempts = (settings.retryAttempts() != null) ? settings.retryAttempts() : defaults.getMaxAttempts();
		Duration firstWait = (settings.retryWait() != null) ? settings.retryWait()
				: Duration.ofMillis(defaults.getIntervalBiFunction().apply(1, null));
		IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(firstWait, 2.0, 0.5);
		IntervalBiFunction<Object> interval = (attempt, outcome) -> {
			long wait = backoff.apply(attempt);
			if (outcome != null && outcome.isLeft() && outcome.getLeft() instanceof SnapGateException error
					&& error.retryAfter() != null) {
				wait = Math.max(wait, Math.min(error.retryAfter().toMillis(), maxRetryAfter.toMillis()));
			}
			return wait;
		};
		return RetryConfig.custom()
			.maxAttempts(attempts)
			.intervalBiFunction(interval)
			.retryOnException(retryable)
			.failAfterMaxAttempts(false)
			.build();
	}

}
