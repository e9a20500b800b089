package io.snapgate.guard;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.snapgate.domain.ConflictException;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.UpstreamAuthException;
import io.snapgate.domain.UpstreamBudgetExhaustedException;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.domain.UpstreamThrottledException;
import io.snapgate.domain.UpstreamTimeoutException;
import io.snapgate.domain.UpstreamUnavailableException;
import io.snapgate.observability.UpstreamCallContext.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * What each kind of failure means for breakers, retries and metrics.
 */
final class UpstreamFailures {

	private UpstreamFailures() {
	}

	/** Whether the upstream is failing, as opposed to answering a request it refuses. */
	static boolean countsAgainstBreaker(Throwable error) {
		return switch (error) {
			case UpstreamUnavailableException unavailable ->
				unavailable.code() == ErrorCode.UPSTREAM_UNAVAILABLE && !isLocalRefusal(unavailable);
			case UpstreamTimeoutException timeout -> true;
			case UpstreamErrorException failure -> true;
			default -> false;
		};
	}

	/** Whether another attempt of a call that is safe to repeat may succeed. */
	static boolean isTransient(Throwable error, Duration maxRetryAfter) {
		return switch (error) {
			case UpstreamUnavailableException unavailable -> unavailable.code() == ErrorCode.UPSTREAM_UNAVAILABLE
					&& !isLocalRefusal(unavailable) && withinBound(unavailable.retryAfter(), maxRetryAfter);
			case UpstreamTimeoutException timeout -> true;
			case UpstreamThrottledException throttled -> withinBound(throttled.retryAfter(), maxRetryAfter);
			default -> false;
		};
	}

	/**
	 * Whether the request provably never left SnapGate, so that even a create may be
	 * repeated.
	 */
	static boolean neverSent(Throwable error) {
		return error instanceof UpstreamUnavailableException unavailable && !unavailable.requestSent()
				&& !isLocalRefusal(unavailable);
	}

	static Outcome outcomeOf(Throwable error) {
		return switch (error) {
			case UpstreamUnavailableException unavailable when isLocalRefusal(unavailable)
					|| unavailable.code() == ErrorCode.PROVIDER_BUSY ->
				Outcome.REJECTED;
			case UpstreamBudgetExhaustedException e -> Outcome.REJECTED;
			case UpstreamTimeoutException timeout -> Outcome.TIMEOUT;
			case NotFoundException e -> Outcome.CLIENT_ERROR;
			case ConflictException e -> Outcome.CLIENT_ERROR;
			case InvalidRequestException e -> Outcome.CLIENT_ERROR;
			case IdempotencyKeyReusedException e -> Outcome.CLIENT_ERROR;
			case UpstreamThrottledException e -> Outcome.CLIENT_ERROR;
			case UpstreamAuthException e -> Outcome.SERVER_ERROR;
			case SnapGateException e -> Outcome.SERVER_ERROR;
			default -> Outcome.SERVER_ERROR;
		};
	}

	/** An open breaker refuses on SnapGate's side; trying again at once is pointless. */
	static boolean isLocalRefusal(UpstreamUnavailableException error) {
		return error.getCause() instanceof CallNotPermittedException;
	}

	private static boolean withinBound(@Nullable Duration retryAfter, Duration bound) {
		return retryAfter == null || retryAfter.compareTo(bound) <= 0;
	}

}
