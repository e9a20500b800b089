package io.snapgate.provider.resilience;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.retry.Retry;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.snapgate.domain.Capability;
import io.snapgate.domain.CircuitState;
import io.snapgate.domain.CreateSnapshot;
import io.snapgate.domain.Cursor;
import io.snapgate.domain.DeleteOutcome;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.Member;
import io.snapgate.domain.Page;
import io.snapgate.domain.ProviderHealth;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderType;
import io.snapgate.domain.Restore;
import io.snapgate.domain.RestoreCommand;
import io.snapgate.domain.RestoreHandle;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.domain.SnapshotQuery;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.domain.UpstreamTimeoutException;
import io.snapgate.domain.UpstreamUnavailableException;
import io.snapgate.observability.UpstreamCallContext;
import io.snapgate.observability.UpstreamObservationConvention;
import org.jspecify.annotations.Nullable;

/**
 * A provider behind its guards. Each call is retried only when that is safe, and each attempt passes
 * the circuit breaker, the bulkhead and the time limit, and is observed once. Refusals by the guards
 * become domain errors that say the request was never sent.
 */
final class ResilientSnapshotProvider implements SnapshotProvider {

	private static final UpstreamObservationConvention CONVENTION = new UpstreamObservationConvention();

	private static final ContextSnapshotFactory CONTEXT = ContextSnapshotFactory.builder().build();

	private final SnapshotProvider delegate;

	private final ProviderGuards guards;

	private final ObservationRegistry observations;

	private final ExecutorService executor;

	ResilientSnapshotProvider(SnapshotProvider delegate, ProviderGuards guards, ObservationRegistry observations,
			ExecutorService executor) {
		this.delegate = delegate;
		this.guards = guards;
		this.observations = observations;
		this.executor = executor;
	}

	@Override
	public ProviderId id() {
		return this.delegate.id();
	}

	@Override
	public ProviderType type() {
		return this.delegate.type();
	}

	@Override
	public Set<Capability> capabilities() {
		return this.delegate.capabilities();
	}

	@Override
	public boolean isValidNativeId(String nativeId) {
		return this.delegate.isValidNativeId(nativeId);
	}

	@Override
	public boolean deduplicatesCreates() {
		return this.delegate.deduplicatesCreates();
	}

	@Override
	public Page<Snapshot> list(SnapshotQuery query, @Nullable Cursor cursor, int limit) {
		return call("list", this.guards.readRetry(), () -> this.delegate.list(query, cursor, limit));
	}

	@Override
	public Optional<Snapshot> get(String nativeId) {
		return call("get", this.guards.readRetry(), () -> this.delegate.get(nativeId));
	}

	@Override
	public List<Member> members(String nativeId) {
		return call("members", this.guards.readRetry(), () -> this.delegate.members(nativeId));
	}

	@Override
	public Snapshot create(CreateSnapshot command) {
		return call("create", this.guards.createRetry(), () -> this.delegate.create(command));
	}

	@Override
	public DeleteOutcome delete(String nativeId) {
		// a repeated delete is harmless: at worst it finds the snapshot gone, which callers treat as done
		return call("delete", this.guards.readRetry(), () -> this.delegate.delete(nativeId));
	}

	@Override
	public Restore restore(RestoreCommand command) {
		return call("restore", this.guards.restoreRetry(), () -> this.delegate.restore(command));
	}

	@Override
	public Restore restoreStatus(RestoreHandle handle) {
		return call("restore_status", this.guards.readRetry(), () -> this.delegate.restoreStatus(handle));
	}

	@Override
	public ProviderHealth health() {
		if (circuitState() == CircuitState.OPEN) {
			return ProviderHealth.DEGRADED;
		}
		try {
			return attempt("health", this.delegate::health);
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

	private <T> T call(String operation, Retry retry, Callable<T> call) {
		try {
			return retry.executeCallable(() -> attempt(operation, call));
		}
		catch (SnapGateException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR, "The call to the provider failed", ex);
		}
	}

	private <T> T attempt(String operation, Callable<T> call) {
		UpstreamCallContext context = new UpstreamCallContext(id().value(), type().value(), operation);
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
			throw UpstreamUnavailableException.notSent(ErrorCode.UPSTREAM_UNAVAILABLE,
					"Provider " + id() + " keeps failing; calls are held back for a while", this.guards.openStateWait(),
					ex);
		}
		catch (BulkheadFullException ex) {
			throw UpstreamUnavailableException.notSent(ErrorCode.PROVIDER_BUSY,
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
