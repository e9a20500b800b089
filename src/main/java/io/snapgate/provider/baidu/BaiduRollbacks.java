package io.snapgate.provider.baidu;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.snapgate.domain.DiskType;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.Restore;
import io.snapgate.domain.RestoreCommand;
import io.snapgate.domain.RestoreHandle;
import io.snapgate.domain.RestoreStatus;
import io.snapgate.domain.RestoreTarget;
import io.snapgate.provider.baidu.BaiduRules.RollbackTarget;

/**
 * Restores as BCC makes them: a snapshot's own disk rolled back in place, its progress
 * read from the disk alone (BCC keeps no record of a rollback), so that any replica can
 * answer from the handle.
 */
final class BaiduRollbacks {

	/**
	 * How long after a rollback was asked for a disk that still shows its usual state
	 * counts as not started yet rather than done: SnapGate cannot tell the two apart from
	 * the volume alone.
	 */
	static final Duration ROLLBACK_GRACE = Duration.ofSeconds(2);

	private static final Set<String> SETTLED_VOLUME = Set.of("available", "inuse");

	private static final Set<String> FAILED_VOLUME = Set.of("error", "deleted", "deleting", "expired", "notavailable");

	private final BaiduClient client;

	private final BaiduRules rules;

	private final Clock clock;

	BaiduRollbacks(BaiduClient client, BaiduRules rules, Clock clock) {
		this.client = client;
		this.rules = rules;
		this.clock = clock;
	}

	Restore start(RestoreCommand command) {
		if (!(command.target() instanceof RestoreTarget.VolumeTarget)) {
			throw InvalidRequestException.unsupported("target.type",
					"Baidu rolls back the snapshot's own disk in place; use target type VOLUME");
		}
		String snapshotId = command.snapshotNativeId();
		RollbackTarget disk = this.rules.rollbackTarget(snapshotId);
		Instant startedAt = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		this.client.rollBack(disk.volumeId(), snapshotId, disk.operation());
		RestoreHandle handle = new BaiduRestoreHandle(disk.volumeId(), snapshotId, startedAt, disk.type()).encode();
		return new Restore(handle, snapshotId, command.target(), RestoreStatus.RUNNING,
				"Baidu is rolling back " + describe(disk.type()) + " " + disk.volumeId(), startedAt, null, disk.name());
	}

	Restore status(RestoreHandle handle) {
		BaiduRestoreHandle rollback = BaiduRestoreHandle.decode(handle);
		RestoreTarget target = new RestoreTarget.VolumeTarget();
		String disk = describe(rollback.diskType()) + " " + rollback.volumeId();
		Optional<BaiduVolumeJson> found = this.client.findVolume(rollback.volumeId());
		if (found.isEmpty()) {
			return new Restore(handle, rollback.snapshotId(), target, RestoreStatus.FAILED, disk + " no longer exists",
					rollback.startedAt(), null, null);
		}
		BaiduVolumeJson volume = found.get();
		String status = (volume.status() != null) ? volume.status() : "unknown";
		RestoreStatus progress = progress(status, Duration.between(rollback.startedAt(), this.clock.instant()));
		return new Restore(handle, rollback.snapshotId(), target, progress, disk + " is " + status,
				rollback.startedAt(), null, volume.name());
	}

	/**
	 * A settled disk means done, unless it is so soon after the request that BCC may not
	 * have begun. Unknown states count as still going.
	 */
	static RestoreStatus progress(String volumeStatus, Duration sinceStart) {
		String status = volumeStatus.toLowerCase(Locale.ROOT);
		if (SETTLED_VOLUME.contains(status)) {
			return (sinceStart.compareTo(ROLLBACK_GRACE) < 0) ? RestoreStatus.RUNNING : RestoreStatus.SUCCEEDED;
		}
		return FAILED_VOLUME.contains(status) ? RestoreStatus.FAILED : RestoreStatus.RUNNING;
	}

	private static String describe(DiskType type) {
		return (type == DiskType.SYSTEM) ? "system disk" : "CDS disk";
	}

}
