package io.snapgate.api;

import java.time.Instant;

import io.snapgate.application.CopyView;
import io.snapgate.domain.CopyStatus;
import io.snapgate.domain.FailureReasons;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A copy of a snapshot to another provider, and how it goes.
 */
@Schema(name = "Copy")
public record CopyResource(@Schema(description = "Opaque, URL-safe", maxLength = CopyIdCodec.MAX_ID_LENGTH) String id,
		@Schema(description = "The snapshot copied", example = "baidu-bj:s-a1",
				maxLength = Patterns.SNAPSHOT_ID_MAX_LENGTH) String snapshotId,
		@Schema(description = "The provider receiving the copy", example = "baidu-gz",
				maxLength = Patterns.PROVIDER_ID_MAX_LENGTH) String targetProvider,
		@Schema(description = "The copy at the target, once the backend tells its id", example = "baidu-gz:s-b2",
				maxLength = Patterns.SNAPSHOT_ID_MAX_LENGTH) @Nullable String copySnapshotId,
		@Schema(description = "PENDING: queued, not yet sent; RUNNING: on its way, or arrived and not yet usable; "
				+ "SUCCEEDED: the target shows the copy AVAILABLE; FAILED: no usable copy at the target, "
				+ "failureReason says why") CopyStatus status,
		@Schema(description = "Percent sent, where the upstream tells") @Nullable Integer progress,
		@Schema(description = "When it was asked for, where the upstream keeps it") @Nullable Instant startedAt,
		@Schema(description = "Why it failed, printable",
				maxLength = FailureReasons.MAX_LENGTH) @Nullable String failureReason) {

	static CopyResource of(String id, CopyView copy) {
		return new CopyResource(id, copy.source().toString(), copy.target().value(),
				(copy.copy() != null) ? copy.copy().toString() : null, copy.status(), copy.progress(), copy.startedAt(),
				copy.failureReason());
	}

}
