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
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.domain.SnapshotQuery;
import org.jspecify.annotations.Nullable;

/**
 * Names the provider on every error that comes out of it, so that callers always learn which
 * upstream was involved, whatever the adapter remembered to say.
 */
public final class AttributedSnapshotProvider implements SnapshotProvider {

	private final SnapshotProvider delegate;

	public AttributedSnapshotProvider(SnapshotProvider delegate) {
		this.delegate = delegate;
	}

	private <T> T attributed(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (SnapGateException ex) {
			throw ex.from(this.delegate.id());
		}
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
	public Page<Snapshot> list(SnapshotQuery query, @Nullable Cursor cursor, int limit) {
		return attributed(() -> this.delegate.list(query, cursor, limit));
	}

	@Override
	public Optional<Snapshot> get(String nativeId) {
		return attributed(() -> this.delegate.get(nativeId));
	}

	@Override
	public List<Member> members(String nativeId) {
		return attributed(() -> this.delegate.members(nativeId));
	}

	@Override
	public Snapshot create(CreateSnapshot command) {
		return attributed(() -> this.delegate.create(command));
	}

	@Override
	public DeleteOutcome delete(String nativeId) {
		return attributed(() -> this.delegate.delete(nativeId));
	}

	@Override
	public Restore restore(RestoreCommand command) {
		return attributed(() -> this.delegate.restore(command));
	}

	@Override
	public Restore restoreStatus(RestoreHandle handle) {
		return attributed(() -> this.delegate.restoreStatus(handle));
	}

	@Override
	public ProviderHealth health() {
		return attributed(this.delegate::health);
	}

	@Override
	public boolean deduplicatesCreates() {
		return this.delegate.deduplicatesCreates();
	}

	@Override
	public CircuitState circuitState() {
		return this.delegate.circuitState();
	}

}
