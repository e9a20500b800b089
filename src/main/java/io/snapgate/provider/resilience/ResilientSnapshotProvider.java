package io.snapgate.provider.resilience;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
import io.snapgate.domain.BudgetSharing;
import io.snapgate.domain.Capability;
import io.snapgate.domain.CircuitState;
import io.snapgate.domain.CopyProvider;
import io.snapgate.domain.CreateSnapshot;
import io.snapgate.domain.Cursor;
import io.snapgate.domain.DeleteOutcome;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.Lane;
import io.snapgate.domain.Member;
import io.snapgate.domain.MemberType;
import io.snapgate.domain.Page;
import io.snapgate.domain.PolicyProvider;
import io.snapgate.domain.Preview;
import io.snapgate.domain.ProviderHealth;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderType;
import io.snapgate.domain.Restore;
import io.snapgate.domain.RestoreCommand;
import io.snapgate.domain.RestoreHandle;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotChanges;
import io.snapgate.domain.SnapshotFeatures;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.domain.SnapshotQuery;
import io.snapgate.domain.SnapshotWithMembers;
import io.snapgate.domain.UpstreamBudgetExhaustedException;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.domain.UpstreamTimeoutException;
import io.snapgate.domain.UpstreamUnavailableException;
import io.snapgate.observability.UpstreamCallContext;
import io.snapgate.observability.UpstreamObservationConvention;
import io.snapgate.provider.UpstreamAllowance;
import io.snapgate.provider.UpstreamOperation;
import org.jspecify.annotations.Nullable;

/**
 * A provider behind its guards: the one decorator of the port. Each call is retried only
 * when that is safe, each attempt passes the circuit breaker, the bulkhead and the time
 * limit and is observed once, and every error that comes out names the provider. Refusals
 * by the guards become domain errors that say the request was never sent.
 */
final class ResilientSnapshotProvider implements SnapshotProvider {

	private static final UpstreamObservationConvention CONVENTION = new UpstreamObservationConvention();

	private static final ContextSnapshotFactory CONTEXT = ContextSnapshotFactory.builder().build();

	private final SnapshotProvider delegate;

	private final ProviderGuards guards;

	private final ObservationRegistry observations;

	private final ExecutorService executor;

	private final Optional<PolicyProvider> policies;

	private final Optional<CopyProvider> copies;

	private final Reads reads;

	ResilientSnapshotProvider(SnapshotProvider delegate, ProviderGuards guards, ObservationRegistry observations,
			ExecutorService executor, Reads reads) {
		this.delegate = delegate;
		this.guards = guards;
		this.observations = observations;
		this.executor = executor;
		this.reads = reads;
		this.policies = delegate.policies().map((policies) -> new ResilientPolicyProvider(policies, this));
		this.copies = delegate.copies().map((copies) -> new ResilientCopyProvider(copies, this));
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
	public SnapshotFeatures snapshotFeatures() {
		return this.delegate.snapshotFeatures();
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
		return read(UpstreamOperation.LIST, query + "\n" + cursor + "\n" + limit, Answer.SNAPSHOT_PAGE,
				() -> this.delegate.list(query, cursor, limit));
	}

	@Override
	public Optional<Snapshot> get(String nativeId) {
		return read(UpstreamOperation.GET, "snapshot\n" + nativeId, Answer.SNAPSHOT, () -> this.delegate.get(nativeId));
	}

	@Override
	public Optional<SnapshotWithMembers> getWithMembers(String nativeId) {
		return read(UpstreamOperation.GET, "with members\n" + nativeId, Answer.SNAPSHOT_WITH_MEMBERS,
				() -> this.delegate.getWithMembers(nativeId));
	}

	@Override
	public List<Member> members(String nativeId, Set<MemberType> types) {
		return read(UpstreamOperation.MEMBERS, nativeId + "\n" + new TreeSet<>(types), Answer.MEMBERS,
				() -> this.delegate.members(nativeId, types));
	}

	@Override
	public List<Member> membersOf(Snapshot snapshot) {
		return read(UpstreamOperation.MEMBERS, "all of\n" + snapshot.nativeId(), Answer.MEMBERS,
				() -> this.delegate.membersOf(snapshot));
	}

	@Override
	public Snapshot create(CreateSnapshot command) {
		return write(UpstreamOperation.CREATE, () -> this.delegate.create(command));
	}

	@Override
	public Snapshot update(String nativeId, SnapshotChanges changes) {
		return write(UpstreamOperation.UPDATE, () -> this.delegate.update(nativeId, changes));
	}

	@Override
	public DeleteOutcome delete(String nativeId) {
		return write(UpstreamOperation.DELETE, () -> this.delegate.delete(nativeId));
	}

	@Override
	public Preview previewCreate(CreateSnapshot command) {
		return call(UpstreamOperation.PREVIEW, () -> this.delegate.previewCreate(command));
	}

	@Override
	public Preview previewDelete(String nativeId) {
		return call(UpstreamOperation.PREVIEW, () -> this.delegate.previewDelete(nativeId));
	}

	@Override
	public Preview previewUpdate(String nativeId, SnapshotChanges changes) {
		return call(UpstreamOperation.PREVIEW, () -> this.delegate.previewUpdate(nativeId, changes));
	}

	@Override
	public Preview previewRestore(RestoreCommand command) {
		return call(UpstreamOperation.PREVIEW, () -> this.delegate.previewRestore(command));
	}

	@Override
	public Restore restore(RestoreCommand command) {
		return write(UpstreamOperation.RESTORE, () -> this.delegate.restore(command));
	}

	@Override
	public Restore restoreStatus(RestoreHandle handle) {
		return read(UpstreamOperation.RESTORE_STATUS, handle.value(), Answer.RESTORE,
				() -> this.delegate.restoreStatus(handle));
	}

	@Override
	public Optional<PolicyProvider> policies() {
		return this.policies;
	}

	@Override
	public Optional<BudgetSharing> budgetSharing() {
		RequestBudget budget = this.guards.budget();
		return (budget != null) ? Optional.of(budget.sharing()) : Optional.empty();
	}

	@Override
	public Optional<CopyProvider> copies() {
		return this.copies;
	}

	/**
	 * Degraded while the breaker is open, without asking the upstream; one attempt
	 * otherwise, kept like a read, so that however often {@code /providers} is asked, the
	 * upstream is asked about once per while.
	 */
	@Override
	public ProviderHealth health() {
		if (ResilienceProviderCircuits.stateOf(this.guards.circuitBreaker()) == CircuitState.OPEN) {
			return ProviderHealth.DEGRADED;
		}
		try {
			return this.reads.read(UpstreamOperation.HEALTH.tagValue(), Answer.HEALTH,
					() -> attempt(UpstreamOperation.HEALTH, this.delegate::health));
		}
		catch (SnapGateException ex) {
			return ProviderHealth.DOWN;
		}
	}

	/**
	 * A read: shared with identical ones under way and kept a short while (see
	 * {@link Reads}).
	 * @param key what makes two reads of this operation the same
	 * @param kind what it answers
	 */
	<T> T read(UpstreamOperation operation, String key, Answer<T> kind, Supplier<T> call) {
		try {
			return this.reads.read(operation.tagValue() + "\n" + key, kind, () -> call(operation, call));
		}
		catch (UpstreamBudgetExhaustedException ex) {
			if (Lane.current() == Lane.BACKGROUND) {
				throw ex;
			}
			// the shared read may have been background work, held back where a caller's
			// own is not: ask again in the caller's lane (refused at once if it is too)
			return call(operation, call);
		}
	}

	/** A write: once it is done or failed, nothing read before it is answered again. */
	<T> T write(UpstreamOperation operation, Supplier<T> call) {
		try {
			return call(operation, call);
		}
		finally {
			this.reads.forget();
		}
	}

	/**
	 * Runs one call of the port: retried where that is safe, and naming this provider on
	 * any error. The policies of the provider pass here too, behind the same guards.
	 */
	<T> T call(UpstreamOperation operation, Supplier<T> call) {
		Retry retry = switch (operation) {
			case CREATE, POLICY_CREATE -> this.guards.createRetry();
			// a copy sent twice is two copies, as a restore sent twice is two restores
			case RESTORE, COPY -> this.guards.restoreRetry();
			// a repeated delete is harmless: at worst it finds the snapshot gone, which
			// callers treat as done; an update sets values (a name, an expiry counted
			// from
			// the snapshot's creation), so sending it again leaves the same snapshot
			default -> this.guards.readRetry();
		};
		try {
			return retry.executeCallable(() -> attempt(operation, call::get));
		}
		catch (SnapGateException ex) {
			throw ex.from(id());
		}
		catch (Exception ex) {
			throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR, "The call to the provider failed", ex)
				.from(id());
		}
	}

	private <T> T attempt(UpstreamOperation operation, Callable<T> call) {
		UpstreamCallContext context = new UpstreamCallContext(id().value(), type().value(), operation.tagValue());
		Observation observation = Observation.createNotStarted(null, CONVENTION, () -> context, this.observations)
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
					"Provider " + id() + " has too many calls under way; try again shortly", Duration.ofSeconds(1), ex);
		}
		catch (SnapGateException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR, "The call to the provider failed", ex);
		}
	}

	private <T> T timeLimited(Callable<T> call) throws Exception {
		RequestBudget budget = this.guards.budget();
		Callable<T> spending = (budget != null) ? spendingFrom(budget.forCall(Lane.current()), call) : call;
		Callable<T> propagated = CONTEXT.captureAll().wrap(spending);
		try {
			return this.guards.timeLimiter().executeFutureSupplier(() -> this.executor.submit(propagated));
		}
		catch (TimeoutException ex) {
			throw new UpstreamTimeoutException(ErrorCode.UPSTREAM_TIMEOUT,
					"Provider " + id() + " did not answer within "
							+ this.guards.timeLimiter().getTimeLimiterConfig().getTimeoutDuration().toMillis() + " ms",
					ex);
		}
		catch (ExecutionException | CompletionException ex) {
			if (ex.getCause() instanceof Exception cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private static <T> Callable<T> spendingFrom(UpstreamAllowance allowance, Callable<T> call) {
		return () -> allowance.bindTo(call);
	}

}
