package io.snapgate.api;

import java.time.Instant;

import io.snapgate.application.MemberIds;
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
public record RestoreResource(@Schema(description = "Opaque, URL-safe") String id,
		@Schema(example = "vergeos-prod:12") String snapshotId, TargetResource target, RestoreMode mode,
		RestoreStatus status, @Nullable String detail, Instant startedAt, @Nullable Instant finishedAt,
		ResultResource result) {

	static RestoreResource of(String id, ProviderId provider, Restore restore) {
		SnapshotRef snapshot = new SnapshotRef(provider, restore.snapshotNativeId());
		TargetResource target = switch (restore.target()) {
			case RestoreTarget.MemberTarget member ->
				new TargetResource(member.type().name(), MemberIds.of(snapshot, member.type(), member.member()));
			case RestoreTarget.VolumeTarget volume -> new TargetResource("VOLUME", null);
		};
		return new RestoreResource(id, snapshot.toString(), target, restore.mode(), restore.status(), restore.detail(),
				restore.startedAt(), restore.finishedAt(), new ResultResource(restore.restoredName()));
	}

	/**
	 * What is restored.
	 */
	@Schema(name = "RestoreTargetState")
	// @formatter:off (it would drop the space before the body: a component annotation has an array)
	public record TargetResource(@Schema(allowableValues = { "VM", "TENANT", "VOLUME" }) String type,
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
