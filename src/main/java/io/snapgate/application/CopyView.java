package io.snapgate.application;

import java.time.Instant;

import io.snapgate.domain.Copy;
import io.snapgate.domain.CopyHandle;
import io.snapgate.domain.CopyStatus;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.SnapshotRef;
import org.jspecify.annotations.Nullable;

/**
 * A copy as the caller sees it: the source side's account checked against the target.
 *
 * @param provider the source provider, which keeps the copy's record
 * @param handle the source provider's way back to it
 * @param source the snapshot copied
 * @param target the provider receiving it
 * @param copy the copy at the target, once its id is known
 * @param status how it goes; {@code SUCCEEDED} only once the target shows the copy usable
 * @param progress percent sent, where the backend tells
 * @param startedAt when it was asked for, where known
 * @param failureReason why it failed, where it did
 */
public record CopyView(ProviderId provider, CopyHandle handle, SnapshotRef source, ProviderId target,
		@Nullable SnapshotRef copy, CopyStatus status, @Nullable Integer progress, @Nullable Instant startedAt,
		@Nullable String failureReason) {

	static CopyView of(ProviderId provider, Copy copy, CopyStatus status, @Nullable String failureReason) {
		SnapshotRef atTarget = (copy.targetNativeId() != null) ? new SnapshotRef(copy.target(), copy.targetNativeId())
				: null;
		return new CopyView(provider, copy.handle(), new SnapshotRef(provider, copy.snapshotNativeId()), copy.target(),
				atTarget, status, (status == CopyStatus.SUCCEEDED) ? Integer.valueOf(100) : copy.progress(),
				copy.startedAt(), failureReason);
	}

}
