package io.snapgate.guard;

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
 * A provider behind its guards: the thin decorator of the port, every call handed to the
 * provider's {@link GuardEngine} as a read, a write or a call.
 */
final class ResilientSnapshotProvider implements SnapshotProvider {

	private final SnapshotProvider delegate;

	private final GuardEngine engine;

	private final Optional<PolicyProvider> policies;

	private final Optional<CopyProvider> copies;

	ResilientSnapshotProvider(SnapshotProvider delegate, GuardEngine engine) {
		this.delegate = delegate;
		this.engine = engine;
		this.policies = delegate.policies().map((policies) -> new ResilientPolicyProvider(policies, engine));
		this.copies = delegate.copies().map((copies) -> new ResilientCopyProvider(copies, engine));
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
		return this.engine.read(UpstreamOperation.LIST, query + "\n" + cursor + "\n" + limit, Answer.SNAPSHOT_PAGE,
				() -> this.delegate.list(query, cursor, limit));
	}

	@Override
	public Optional<Snapshot> get(String nativeId) {
		return this.engine.read(UpstreamOperation.GET, "snapshot\n" + nativeId, Answer.SNAPSHOT,
				() -> this.delegate.get(nativeId));
	}

	@Override
	public Optional<SnapshotWithMembers> getWithMembers(String nativeId) {
		return this.engine.read(UpstreamOperation.GET, "with members\n" + nativeId, Answer.SNAPSHOT_WITH_MEMBERS,
				() -> this.delegate.getWithMembers(nativeId));
	}

	@Override
	public List<Member> members(String nativeId, Set<MemberType> types) {
		return this.engine.read(UpstreamOperation.MEMBERS, nativeId + "\n" + new TreeSet<>(types), Answer.MEMBERS,
				() -> this.delegate.members(nativeId, types));
	}

	@Override
	public List<Member> membersOf(Snapshot snapshot) {
		return this.engine.read(UpstreamOperation.MEMBERS, "all of\n" + snapshot.nativeId(), Answer.MEMBERS,
				() -> this.delegate.membersOf(snapshot));
	}

	@Override
	public Snapshot create(CreateSnapshot command) {
		return this.engine.write(UpstreamOperation.CREATE, () -> this.delegate.create(command));
	}

	@Override
	public Snapshot update(String nativeId, SnapshotChanges changes) {
		return this.engine.write(UpstreamOperation.UPDATE, () -> this.delegate.update(nativeId, changes));
	}

	@Override
	public DeleteOutcome delete(String nativeId) {
		return this.engine.write(UpstreamOperation.DELETE, () -> this.delegate.delete(nativeId));
	}

	@Override
	public Preview previewCreate(CreateSnapshot command) {
		return this.engine.call(UpstreamOperation.PREVIEW, () -> this.delegate.previewCreate(command));
	}

	@Override
	public Preview previewDelete(String nativeId) {
		return this.engine.call(UpstreamOperation.PREVIEW, () -> this.delegate.previewDelete(nativeId));
	}

	@Override
	public Preview previewUpdate(String nativeId, SnapshotChanges changes) {
		return this.engine.call(UpstreamOperation.PREVIEW, () -> this.delegate.previewUpdate(nativeId, changes));
	}

	@Override
	public Preview previewRestore(RestoreCommand command) {
		return this.engine.call(UpstreamOperation.PREVIEW, () -> this.delegate.previewRestore(command));
	}

	@Override
	public Restore restore(RestoreCommand command) {
		return this.engine.write(UpstreamOperation.RESTORE, () -> this.delegate.restore(command));
	}

	@Override
	public Restore restoreStatus(RestoreHandle handle) {
		return this.engine.read(UpstreamOperation.RESTORE_STATUS, handle.value(), Answer.RESTORE,
				() -> this.delegate.restoreStatus(handle));
	}

	@Override
	public Optional<PolicyProvider> policies() {
		return this.policies;
	}

	@Override
	public Optional<BudgetSharing> budgetSharing() {
		return this.engine.budgetSharing();
	}

	@Override
	public Optional<CopyProvider> copies() {
		return this.copies;
	}

	@Override
	public ProviderHealth health() {
		return this.engine.health(this.delegate::health);
	}

}
