package io.snapgate.api;

import java.time.Instant;

import io.snapgate.application.MemberIds;
import io.snapgate.domain.FailureReasons;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.Restore;
import io.snapgate.domain.RestoreMode;
import io.snapgate.domain.RestoreStatus;
import io.snapgate.domain.RestoreTarget;
import io.snapgate.domain.SnapshotRef;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A restore and its progress.
 */
@Schema(name = "Restore")
public record RestoreResource(
		@Schema(description = "Opaque, URL-safe", maxLength = RestoreIdCodec.MAX_ID_LENGTH) String id,
		@Schema(example = "vergeos-prod:12", maxLength = Patterns.SNAPSHOT_ID_MAX_LENGTH) String snapshotId,
		TargetResource target, RestoreMode mode,
		@Schema(description = "PENDING: asked for, its data-changing write not yet under way; RUNNING: that write was "
				+ "sent and the upstream is at it; SUCCEEDED: the upstream shows it done (a rollback: sent, and the disk "
				+ "settled after it); FAILED: ended without doing what was asked, failureReason says what was and "
				+ "was not done") RestoreStatus status,
		@Nullable String detail,
		@Schema(description = "When it was asked for; null where the upstream keeps no such time (a VergeOS "
				+ "restore made under an Idempotency-Key)") @Nullable Instant startedAt,
		@Schema(description = "Once it has ended: when the answering gateway saw it end") @Nullable Instant finishedAt,
		@Schema(description = "Percent done, where the upstream tells") @Nullable Integer progress,
		@Schema(description = "Why it failed, in the upstream's words, printable",
				maxLength = FailureReasons.MAX_LENGTH) @Nullable String failureReason,
		@Schema(description = "The snapshot of the disk or machine taken before an in-place restore: restoring it "
				+ "undoes the restore", example = "baidu-bj:s-Safe0001",
				maxLength = Patterns.SNAPSHOT_ID_MAX_LENGTH) @Nullable String safetySnapshotId,
		ResultResource result) {

	static RestoreResource of(String id, ProviderId provider, Restore restore) {
		SnapshotRef snapshot = new SnapshotRef(provider, restore.snapshotNativeId());
		TargetResource target = switch (restore.target()) {
			case RestoreTarget.MemberTarget member ->
				new TargetResource(member.type().name(), MemberIds.of(snapshot, member.type(), member.member()));
			case RestoreTarget.VolumeTarget volume -> new TargetResource("VOLUME", null);
			case RestoreTarget.MachineTarget machine -> new TargetResource("MACHINE", null);
		};
		String safety = (restore.safetySnapshotId() != null)
				? new SnapshotRef(provider, restore.safetySnapshotId()).toString() : null;
		return new RestoreResource(id, snapshot.toString(), target, restore.mode(), restore.status(), restore.detail(),
				restore.startedAt(), restore.finishedAt(), restore.progress(), restore.failureReason(), safety,
				new ResultResource(restore.restoredName()));
	}

	/**
	 * What is restored.
	 */
	@Schema(name = "RestoreTargetState")
	// @formatter:off (it would drop the space before the body: a component annotation has an array)
	public record TargetResource(@Schema(allowableValues = { "VM", "TENANT", "VOLUME", "MACHINE" }) String type,
			@Schema(description = "The member id, for a VM or tenant") @Nullable String member) {
	// @formatter:on
	}

	/**
	 * What the restore made.
	 */
	@Schema(name = "RestoreResult")
	public record ResultResource(@Schema(example = "web-01-restored") @Nullable String restoredName) {
	}

}
