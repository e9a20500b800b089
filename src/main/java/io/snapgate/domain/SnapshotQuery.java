package io.snapgate.domain;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The filters of a snapshot listing. A provider passes upstream what its API can filter
 * on and applies the rest with {@link #matches(Snapshot, Instant)}.
 *
 * @param statuses only these statuses; empty for all
 * @param scope only this scope, if set
 * @param volumeId only snapshots of this disk, if set
 * @param name only snapshots with exactly this name, if set
 * @param createdAfter only snapshots created after this instant, if set
 * @param createdBefore only snapshots created before this instant, if set
 * @param includeExpired whether snapshots past their expiry are listed too
 * @param policy only snapshots that this policy (its native id) made, if set
 * @param machine only snapshots of this machine (its id, as
 * {@link MachineSource#machine()} shows it), if set
 */
public record SnapshotQuery(Set<SnapshotStatus> statuses, @Nullable Scope scope, @Nullable String volumeId,
		@Nullable String name, @Nullable Instant createdAfter, @Nullable Instant createdBefore, boolean includeExpired,
		@Nullable String policy, @Nullable String machine) {

	public static final SnapshotQuery ALL = new SnapshotQuery(Set.of(), null, null, null, null, null, false, null,
			null);

	/** A query without a machine. */
	public SnapshotQuery(Set<SnapshotStatus> statuses, @Nullable Scope scope, @Nullable String volumeId,
			@Nullable String name, @Nullable Instant createdAfter, @Nullable Instant createdBefore,
			boolean includeExpired, @Nullable String policy) {
		this(statuses, scope, volumeId, name, createdAfter, createdBefore, includeExpired, policy, null);
	}

	public SnapshotQuery {
		statuses = Set.copyOf(statuses);
	}

	public boolean matches(Snapshot snapshot, Instant now) {
		return (this.statuses.isEmpty() || this.statuses.contains(snapshot.status()))
				&& (this.scope == null || this.scope == snapshot.scope())
				&& (this.volumeId == null || (snapshot.source() instanceof VolumeSource volume
						&& this.volumeId.equals(volume.volumeId())))
				&& (this.machine == null
						|| (snapshot.source() instanceof MachineSource source && this.machine.equals(source.machine())))
				&& (this.name == null || this.name.equals(snapshot.name()))
				&& (this.createdAfter == null || snapshot.createdAt().isAfter(this.createdAfter))
				&& (this.createdBefore == null || snapshot.createdAt().isBefore(this.createdBefore))
				&& (this.includeExpired || !snapshot.isExpiredAt(now))
				&& (this.policy == null || this.policy.equals(snapshot.policy()));
	}

}
