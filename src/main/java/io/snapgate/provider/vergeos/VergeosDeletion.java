package io.snapgate.provider.vergeos;

import java.time.Clock;
import java.time.Instant;

import io.snapgate.domain.ConflictException;
import io.snapgate.domain.DeleteOutcome;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.Preview;
import io.snapgate.domain.PreviewBuilder;
import io.snapgate.domain.SnapshotRef;
import org.jspecify.annotations.Nullable;

/**
 * Deletes cloud snapshots. One that VergeOS keeps locked (immutable, or being unlocked
 * until its lock expires) is refused before a delete is sent, and VergeOS refusing a
 * delete for a lock is reported the same way, with the lock's expiry when the row gave
 * one.
 */
final class VergeosDeletion {

	private final VergeosClient client;

	private final Clock clock;

	VergeosDeletion(VergeosClient client, Clock clock) {
		this.client = client;
		this.clock = clock;
	}

	DeleteOutcome delete(String nativeId) {
		VergeosCloudSnapshotRow row = deletable(nativeId);
		Instant lockExpiresAt = VergeosSnapshotMapper.epoch(row.immutableLockExpires());
		try {
			int status = this.client.deleteCloudSnapshot(nativeId);
			return (status == 202) ? DeleteOutcome.ACCEPTED : DeleteOutcome.DELETED;
		}
		catch (ConflictException ex) {
			if (ex.code() != ErrorCode.SNAPSHOT_LOCKED) {
				throw ex;
			}
			throw locked(nativeId, lockExpiresAt).withUpstream(ex.upstream());
		}
	}

	Preview preview(SnapshotRef ref) {
		VergeosCloudSnapshotRow row = deletable(ref.nativeId());
		String name = (row.name() != null) ? row.name() : ref.nativeId();
		return new PreviewBuilder().passed("SNAPSHOT_EXISTS", "Snapshot " + ref + " is '" + name + "'")
			.passed("NOT_LOCKED",
					Boolean.TRUE.equals(row.immutable()) ? "It is immutable but not locked now" : "It is not immutable")
			.action(Preview.Change.DELETE, "SNAPSHOT", ref.toString(), name, null,
					"The cloud snapshot and every VM and tenant it holds")
			.warn("The VMs and tenants in snapshot '" + name + "' can no longer be restored from it")
			.build();
	}

	/** The snapshot's row, once it is known not to be locked. */
	private VergeosCloudSnapshotRow deletable(String nativeId) {
		VergeosCloudSnapshotRow row = this.client.cloudSnapshot(nativeId)
			.orElseThrow(() -> VergeosErrors.snapshotNotFound(nativeId));
		if (VergeosSnapshotMapper.isLocked(row, this.clock.instant())) {
			throw locked(nativeId, VergeosSnapshotMapper.epoch(row.immutableLockExpires()));
		}
		return row;
	}

	private static ConflictException locked(String nativeId, @Nullable Instant lockExpiresAt) {
		return new ConflictException(ErrorCode.SNAPSHOT_LOCKED,
				"Snapshot " + nativeId + " is immutable and locked: VergeOS will not delete it"
						+ ((lockExpiresAt != null) ? " before " + lockExpiresAt : ""),
				lockExpiresAt);
	}

}
