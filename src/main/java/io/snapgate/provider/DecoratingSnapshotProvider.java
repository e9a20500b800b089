package io.snapgate.provider;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.snapgate.domain.Capability;
import io.snapgate.domain.CircuitState;
import io.snapgate.domain.CreateSnapshot;
import io.snapgate.domain.Cursor;
import io.snapgate.domain.DeleteOutcome;
import io.snapgate.domain.Member;
import io.snapgate.domain.Page;
import io.snapgate.domain.ProviderHealth;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderType;
import io.snapgate.domain.Restore;
import io.snapgate.domain.RestoreCommand;
import io.snapgate.domain.RestoreHandle;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.domain.SnapshotQuery;
import org.jspecify.annotations.Nullable;

/**
 * A provider wrapped around another: every upstream call passes {@link #call}, everything else is the
 * wrapped provider's.
 */
public abstract class DecoratingSnapshotProvider implements SnapshotProvider {

	private final SnapshotProvider delegate;

	protected DecoratingSnapshotProvider(SnapshotProvider delegate) {
		this.delegate = delegate;
	}

	/** Runs one call of the wrapped provider. */
	protected abstract <T> T call(UpstreamOperation operation, Supplier<T> call);

	protected SnapshotProvider delegate() {
		return this.delegate;
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
	public CircuitState circuitState() {
		return this.delegate.circuitState();
	}

	@Override
	public Page<Snapshot> list(SnapshotQuery query, @Nullable Cursor cursor, int limit) {
		return call(UpstreamOperation.LIST, () -> this.delegate.list(query, cursor, limit));
	}

	@Override
	public Optional<Snapshot> get(String nativeId) {
		return call(UpstreamOperation.GET, () -> this.delegate.get(nativeId));
	}

	@Override
	public List<Member> members(String nativeId) {
		return call(UpstreamOperation.MEMBERS, () -> this.delegate.members(nativeId));
	}

	@Override
	public List<Member> membersOf(Snapshot snapshot) {
		return call(UpstreamOperation.MEMBERS, () -> this.delegate.membersOf(snapshot));
	}

	@Override
	public Snapshot create(CreateSnapshot command) {
		return call(UpstreamOperation.CREATE, () -> this.delegate.create(command));
	}

	@Override
	public DeleteOutcome delete(String nativeId) {
		return call(UpstreamOperation.DELETE, () -> this.delegate.delete(nativeId));
	}

	@Override
	public Restore restore(RestoreCommand command) {
		return call(UpstreamOperation.RESTORE, () -> this.delegate.restore(command));
	}

	@Override
	public Restore restoreStatus(RestoreHandle handle) {
		return call(UpstreamOperation.RESTORE_STATUS, () -> this.delegate.restoreStatus(handle));
	}

	@Override
	public ProviderHealth health() {
		return call(UpstreamOperation.HEALTH, this.delegate::health);
	}

}
