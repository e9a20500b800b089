package io.snapgate.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A copy of a snapshot to another provider, as the source provider tells it.
 *
 * @param handle the provider's way back to it
 * @param snapshotNativeId the snapshot copied
 * @param target the provider receiving it
 * @param targetNativeId the copy's id at the target, once the backend tells it
 * @param status how it goes, as far as the source side tells
 * @param detail a human-readable word on the progress
 * @param startedAt when it was asked for, where the backend or the handle keeps it
 * @param progress percent sent, where the backend tells
 * @param failureReason the backend's own word on why it failed, bounded and printable
 */
public record Copy(CopyHandle handle, String snapshotNativeId, ProviderId target, @Nullable String targetNativeId,
		CopyStatus status, @Nullable String detail, @Nullable Instant startedAt, @Nullable Integer progress,
		@Nullable String failureReason) {

	public Copy {
		failureReason = (failureReason != null) ? FailureReasons.bounded(failureReason) : null;
	}

}
