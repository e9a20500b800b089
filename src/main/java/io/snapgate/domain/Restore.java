package io.snapgate.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A restore and its progress.
 *
 * @param handle the provider's way back to it
 * @param snapshotNativeId the snapshot restored from
 * @param target what is restored
 * @param status its progress
 * @param detail a human-readable word on the progress
 * @param startedAt when it was asked for, where the upstream keeps that or the handle
 * carries it
 * @param finishedAt once it has finished: when the answering replica saw it finished (no
 * upstream keeps the end of a restore)
 * @param restoredName the name of what the restore made or rolled back, when known
 * @param safetySnapshotId the snapshot of the disk's state taken before an in-place
 * rollback: rolling back to it undoes the restore
 * @param progress percent done, where the upstream tells
 * @param failureReason the upstream's own word on why it failed, bounded and printable
 */
public record Restore(RestoreHandle handle, String snapshotNativeId, RestoreTarget target, RestoreStatus status,
		@Nullable String detail, @Nullable Instant startedAt, @Nullable Instant finishedAt,
		@Nullable String restoredName, @Nullable String safetySnapshotId, @Nullable Integer progress,
		@Nullable String failureReason) {

	public Restore {
		failureReason = (failureReason != null) ? FailureReasons.bounded(failureReason) : null;
	}

	/** A restore with no safety snapshot, no progress figure and no failure. */
	public Restore(RestoreHandle handle, String snapshotNativeId, RestoreTarget target, RestoreStatus status,
			@Nullable String detail, @Nullable Instant startedAt, @Nullable Instant finishedAt,
			@Nullable String restoredName) {
		this(handle, snapshotNativeId, target, status, detail, startedAt, finishedAt, restoredName, null, null, null);
	}

	public RestoreMode mode() {
		return this.target.mode();
	}

	/** This restore as seen at {@code now}: finished then if its status says it is. */
	public Restore seenAt(Instant now) {
		if (!this.status.isFinished() || this.finishedAt != null) {
			return this;
		}
		return new Restore(this.handle, this.snapshotNativeId, this.target, this.status, this.detail, this.startedAt,
				now, this.restoredName, this.safetySnapshotId, this.progress, this.failureReason);
	}

}
