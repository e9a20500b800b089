package io.snapgate.provider.baidu;

import java.util.Locale;
import java.util.Set;

import io.snapgate.domain.ConflictException;
import io.snapgate.domain.DiskType;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.UpstreamErrorException;
import org.jspecify.annotations.Nullable;

/**
 * BCC's preconditions, checked before a request that would break them is sent, so that
 * callers get a specific 409 (or 404) rather than BCC's refusal. Each check reads what it
 * needs of BCC; a disk read here is remembered for {@link BaiduDisks}.
 */
final class BaiduRules {

	private static final Set<String> READY_INSTANCE = Set.of("running", "stopped");

	private static final Set<String> SNAPSHOTTABLE_VOLUME = Set.of("inuse", "available");

	private static final Set<String> DELETABLE_SNAPSHOT = Set.of("available", "createdfailed");

	private static final Set<String> ROLLBACK_SOURCE = Set.of("available");

	private static final Set<String> ROLLBACK_CDS_VOLUME = Set.of("available");

	/** A disk in use, possibly busy with a snapshot at the moment. */
	private static final Set<String> IN_USE_VOLUME = Set.of("inuse", "snapshotprocessing");

	/**
	 * What a disk or instance shows while a snapshot is taken; a repeated create is left
	 * to the client token.
	 */
	private static final Set<String> SNAPSHOT_PROCESSING = Set.of("snapshotprocessing");

	private final BaiduClient client;

	private final BaiduDisks disks;

	BaiduRules(BaiduClient client, BaiduDisks disks) {
		this.client = client;
		this.disks = disks;
	}

	/**
	 * The disk to snapshot is ready for it: an instance (for its system disk) Running or
	 * Stopped, a CDS disk InUse or Available.
	 * @param diskId a volume id, or an instance id for its system disk
	 * @return the create's operation, which tells what BCC's own refusal of it means
	 */
	BaiduOperation checkSnapshottable(String diskId) {
		return BaiduIds.isInstanceId(diskId) ? checkInstanceSnapshottable(diskId) : checkVolumeSnapshottable(diskId);
	}

	/** BCC deletes only Available or CreatedFailed snapshots. */
	BaiduSnapshotJson checkDeletable(String snapshotId) {
		BaiduSnapshotJson snapshot = requireSnapshot(snapshotId);
		if (!is(snapshot.status(), DELETABLE_SNAPSHOT)) {
			throw new ConflictException(ErrorCode.SNAPSHOT_BUSY, "Snapshot " + snapshotId + " is " + snapshot.status()
					+ "; Baidu deletes only Available or CreatedFailed snapshots");
		}
		return snapshot;
	}

	/**
	 * The disk a snapshot rolls back onto: the snapshot's own, checked against BCC's
	 * rules for it. The snapshot must be Available; a CDS disk detached (Available); a
	 * system disk's instance Running or Stopped.
	 */
	RollbackTarget rollbackTarget(String snapshotId) {
		BaiduSnapshotJson snapshot = requireSnapshot(snapshotId);
		checkRollbackSource(snapshot);
		RollbackTarget disk = rollbackDisk(snapshot);
		checkRollbackReady(disk);
		return disk;
	}

	/** BCC rolls back only to an Available snapshot. */
	void checkRollbackSource(BaiduSnapshotJson snapshot) {
		if (!is(snapshot.status(), ROLLBACK_SOURCE)) {
			throw new ConflictException(ErrorCode.SNAPSHOT_BUSY, "Snapshot " + snapshot.id() + " is "
					+ snapshot.status() + "; only an Available snapshot can be rolled back to");
		}
	}

	/**
	 * The disk a snapshot rolls back onto, as it is now, with no rule checked yet: the
	 * disk and, for a system disk, its instance are read.
	 */
	RollbackTarget rollbackDisk(BaiduSnapshotJson snapshot) {
		String snapshotId = String.valueOf(snapshot.id());
		String diskId = snapshot.volumeId();
		if (BaiduIds.isInstanceId(diskId)) {
			// a system-disk snapshot may name its instance rather than the disk
			BaiduInstanceJson instance = requireInstance(diskId);
			String systemVolume = instance.systemVolumeId();
			if (!BaiduIds.isVolumeId(systemVolume)) {
				throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
						"Baidu did not tell which disk is the system disk of instance " + diskId);
			}
			return new RollbackTarget(systemVolume, DiskType.SYSTEM, null, diskId, null, instance.status(), snapshot,
					BaiduOperation.ROLL_BACK_SYSTEM_DISK);
		}
		if (!BaiduIds.isVolumeId(diskId)) {
			throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
					"Baidu answered snapshot " + snapshotId + " without a disk id of a known shape");
		}
		BaiduVolumeJson volume = requireVolume(diskId);
		if (volume.systemVolume()) {
			String instanceId = volume.instanceId();
			String state = BaiduIds.isInstanceId(instanceId) ? requireInstance(instanceId).status() : null;
			return new RollbackTarget(diskId, DiskType.SYSTEM, volume.name(),
					BaiduIds.isInstanceId(instanceId) ? instanceId : diskId, volume.diskSizeInGb(), state, snapshot,
					BaiduOperation.ROLL_BACK_SYSTEM_DISK);
		}
		return new RollbackTarget(diskId, DiskType.CDS, volume.name(), diskId, volume.diskSizeInGb(), volume.status(),
				snapshot, BaiduOperation.ROLL_BACK_CDS_VOLUME);
	}

	/**
	 * BCC's rules for a rollback onto this disk now: a CDS disk detached, a system disk's
	 * instance Running or Stopped.
	 */
	void checkRollbackReady(RollbackTarget disk) {
		if (disk.type() == DiskType.CDS) {
			if (!is(disk.state(), ROLLBACK_CDS_VOLUME)) {
				throw new ConflictException(ErrorCode.VOLUME_BUSY, "Disk " + disk.volumeId() + " is " + disk.state()
						+ "; Baidu rolls back a CDS disk only while it is detached (Available)");
			}
			return;
		}
		if (!BaiduIds.isInstanceId(disk.snapshotDiskId())) {
			throw new ConflictException(ErrorCode.INSTANCE_BUSY,
					"System disk " + disk.volumeId() + " is attached to no instance; it cannot be rolled back now");
		}
		if (!is(disk.state(), READY_INSTANCE)) {
			throw new ConflictException(ErrorCode.INSTANCE_BUSY, "Instance " + disk.snapshotDiskId() + " is "
					+ disk.state() + "; its system disk is rolled back only while it is Running or Stopped");
		}
	}

	/**
	 * A disk that may join an automatic snapshot policy: BCC attaches only disks in use
	 * (mounted on an instance).
	 * @return the disk as BCC shows it, with the policy it is in now
	 */
	BaiduVolumeJson requireAttachable(String volumeId) {
		BaiduVolumeJson volume = requireVolume(volumeId);
		checkAttachable(volume);
		return volume;
	}

	/** A disk already read may join an automatic snapshot policy. */
	void checkAttachable(BaiduVolumeJson volume) {
		String volumeId = volume.id();
		boolean mounted = volume.systemVolume() || volume.instanceId() != null;
		if (!mounted || !is(volume.status(), IN_USE_VOLUME)) {
			throw new ConflictException(ErrorCode.VOLUME_BUSY, "Disk " + volumeId + " is " + volume.status()
					+ "; Baidu attaches a disk to a policy only while it is in use (attached to an instance)");
		}
	}

	BaiduVolumeJson requireVolume(String volumeId) {
		BaiduVolumeJson volume = this.client.findVolume(volumeId)
			.orElseThrow(() -> new NotFoundException(ErrorCode.VOLUME_NOT_FOUND, "No disk " + volumeId));
		this.disks.remember(volume);
		return volume;
	}

	BaiduSnapshotJson requireSnapshot(String snapshotId) {
		return this.client.findSnapshot(snapshotId)
			.orElseThrow(() -> new NotFoundException(ErrorCode.SNAPSHOT_NOT_FOUND, "No snapshot " + snapshotId));
	}

	private BaiduOperation checkInstanceSnapshottable(String instanceId) {
		BaiduInstanceJson instance = requireInstance(instanceId);
		if (!is(instance.status(), READY_INSTANCE) && !is(instance.status(), SNAPSHOT_PROCESSING)) {
			throw new ConflictException(ErrorCode.INSTANCE_BUSY, "Instance " + instanceId + " is " + instance.status()
					+ "; a snapshot of its system disk needs it Running or Stopped");
		}
		return BaiduOperation.SNAPSHOT_SYSTEM_DISK;
	}

	private BaiduOperation checkVolumeSnapshottable(String volumeId) {
		BaiduVolumeJson volume = requireVolume(volumeId);
		if (!is(volume.status(), SNAPSHOTTABLE_VOLUME) && !is(volume.status(), SNAPSHOT_PROCESSING)) {
			throw new ConflictException(ErrorCode.VOLUME_BUSY,
					"Disk " + volumeId + " is " + volume.status() + "; a snapshot needs it InUse or Available");
		}
		return BaiduOperation.SNAPSHOT_CDS_VOLUME;
	}

	private BaiduInstanceJson requireInstance(String instanceId) {
		return this.client.findInstance(instanceId)
			.orElseThrow(() -> new NotFoundException(ErrorCode.INSTANCE_NOT_FOUND, "No instance " + instanceId));
	}

	private static boolean is(@Nullable String status, Set<String> lowerCaseStates) {
		return status != null && lowerCaseStates.contains(status.toLowerCase(Locale.ROOT));
	}

	/**
	 * A disk to roll back, and the rollback's operation (which tells what BCC's own
	 * refusal means).
	 *
	 * @param name the disk's name, when BCC told it
	 * @param snapshotDiskId what a snapshot of the disk names: the instance, for a system
	 * disk
	 * @param sizeGb the disk's size, when BCC told it
	 * @param state the state the check saw: the disk's, or its instance's for a system
	 * disk
	 * @param source the snapshot rolled back to
	 */
	record RollbackTarget(String volumeId, DiskType type, @Nullable String name, String snapshotDiskId,
			@Nullable Integer sizeGb, @Nullable String state, BaiduSnapshotJson source, BaiduOperation operation) {
	}

}
