package io.snapgate.provider.vergeos;

import java.time.Clock;
import java.time.Instant;

import io.snapgate.domain.ConflictException;
import io.snapgate.domain.DeleteOutcome;
import io.snapgate.domain.ErrorCode;
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
		VergeosCloudSnapshotRow row = this.client.cloudSnapshot(nativeId)
			.orElseThrow(() -> VergeosErrors.snapshotNotFound(nativeId));
		Instant lockExpiresAt = VergeosSnapshotMapper.epoch(row.immutableLockExpires());
		if (VergeosSnapshotMapper.isLocked(row, this.clock.instant())) {
			throw locked(nativeId, lockExpiresAt);
		}
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

	private static ConflictException locked(String nativeId, @Nullable Instant lockExpiresAt) {
		return new ConflictException(ErrorCode.SNAPSHOT_LOCKED,
				"Snapshot " + nativeId + " is immutable and locked: VergeOS will not delete it"
						+ ((lockExpiresAt != null) ? " before " + lockExpiresAt : ""),
				lockExpiresAt);
	}

}
