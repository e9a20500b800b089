package io.snapgate.provider.resilience;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.retry.Retry;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.snapgate.domain.CircuitState;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.ProviderHealth;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.domain.UpstreamTimeoutException;
import io.snapgate.domain.UpstreamUnavailableException;
import io.snapgate.observability.UpstreamCallContext;
import io.snapgate.observability.UpstreamObservationConvention;
import io.snapgate.provider.DecoratingSnapshotProvider;
import io.snapgate.provider.UpstreamOperation;

/**
 * A provider behind its guards. Each call is retried only when that is safe, and each attempt passes
 * the circuit breaker, the bulkhead and the time limit, and is observed once. Refusals by the guards
 * become domain errors that say the request was never sent.
 */
final class ResilientSnapshotProvider extends DecoratingSnapshotProvider {

	private static final UpstreamObservationConvention CONVENTION = new UpstreamObservationConvention();

	private static final ContextSnapshotFactory CONTEXT = ContextSnapshotFactory.builder().build();

	private final ProviderGuards guards;

	private final ObservationRegistry observations;

	private final ExecutorService executor;

	ResilientSnapshotProvider(SnapshotProvider delegate, ProviderGuards guards, ObservationRegistry observations,
			ExecutorService executor) {
		super(delegate);
		this.guards = guards;
		this.observations = observations;
		this.executor = executor;
	}

	@Override
	protected <T> T call(UpstreamOperation operation, Supplier<T> call) {
		Retry retry = switch (operation) {
			case CREATE -> this.guards.createRetry();
			case RESTORE -> this.guards.restoreRetry();
			// a repeated delete is harmless: at worst it finds the snapshot gone, which callers treat as done
			default -> this.guards.readRetry();
		};
		try {
			return retry.executeCallable(() -> attempt(operation, call::get));
		}
		catch (SnapGateException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR, "The call to the provider failed", ex);
		}
	}

	@Override
	public ProviderHealth health() {
		if (circuitState() == CircuitState.OPEN) {
			return ProviderHealth.DEGRADED;
		}
		try {
			return attempt(UpstreamOperation.HEALTH, delegate()::health);
		}
		catch (SnapGateException ex) {
			return ProviderHealth.DOWN;
		}
	}

	@Override
	public CircuitState circuitState() {
		return switch (this.guards.circuitBreaker().getState()) {
			case CLOSED -> CircuitState.CLOSED;
			case HALF_OPEN -> CircuitState.HALF_OPEN;
			case OPEN, FORCED_OPEN, METRICS_ONLY, DISABLED -> CircuitState.OPEN;
		};
	}

	private <T> T attempt(UpstreamOperation operation, Callable<T> call) {
		UpstreamCallContext context = new UpstreamCallContext(id().value(), type().value(), operation.tagValue());
		Observation observation = Observation
			.createNotStarted(null, CONVENTION, () -> context, this.observations)
			.start();
		try (Observation.Scope _ = observation.openScope()) {
			return guarded(call);
		}
		catch (SnapGateException ex) {
			context.outcome(UpstreamFailures.outcomeOf(ex));
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private <T> T guarded(Callable<T> call) {
		try {
			return this.guards.circuitBreaker()
				.executeCallable(() -> this.guards.bulkhead().executeCallable(() -> timeLimited(call)));
		}
		catch (CallNotPermittedException ex) {
			throw UpstreamUnavailableException.heldBack(ErrorCode.UPSTREAM_UNAVAILABLE,
					"Provider " + id() + " keeps failing; calls are held back for a while", this.guards.openStateWait(),
					ex);
		}
		catch (BulkheadFullException ex) {
			throw UpstreamUnavailableException.heldBack(ErrorCode.PROVIDER_BUSY,
					"Provider " + id() + " has too many calls under way; try again shortly",
					java.time.Duration.ofSeconds(1), ex);
		}
		catch (SnapGateException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR, "The call to the provider failed", ex);
		}
	}

	private <T> T timeLimited(Callable<T> call) throws Exception {
		Callable<T> propagated = CONTEXT.captureAll().wrap(call);
		try {
			return this.guards.timeLimiter().executeFutureSupplier(() -> this.executor.submit(propagated));
		}
		catch (TimeoutException ex) {
			throw new UpstreamTimeoutException(ErrorCode.UPSTREAM_TIMEOUT, "Provider " + id() + " did not answer within "
					+ this.guards.timeLimiter().getTimeLimiterConfig().getTimeoutDuration().toMillis() + " ms", ex);
		}
		catch (ExecutionException | CompletionException ex) {
			if (ex.getCause() instanceof Exception cause) {
				throw cause;
			}
			throw ex;
		}
	}

}
