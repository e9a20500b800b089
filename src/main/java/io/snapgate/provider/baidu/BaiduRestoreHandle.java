package io.snapgate.provider.baidu;

import java.time.Instant;

import io.snapgate.domain.DiskType;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.RestoreHandle;

/**
 * What a rollback's progress is read from: the disk rolled back, the snapshot, when it
 * was asked for and the kind of disk. Written as
 * {@code b1.<volumeId>.<snapshotId>.<epochMillis>.<SYSTEM|CDS>}: URL-safe, and any
 * replica can answer from it and BCC alone.
 */
record BaiduRestoreHandle(String volumeId, String snapshotId, Instant startedAt, DiskType diskType) {

	private static final String VERSION = "b1";

	RestoreHandle encode() {
		return new RestoreHandle(String.join(".", VERSION, this.volumeId, this.snapshotId,
				Long.toString(this.startedAt.toEpochMilli()), this.diskType.name()));
	}

	static BaiduRestoreHandle decode(RestoreHandle handle) {
		String[] parts = handle.value().split("\\.", -1);
		if (parts.length != 5 || !VERSION.equals(parts[0]) || !BaiduIds.isVolumeId(parts[1])
				|| !BaiduIds.isSnapshotId(parts[2]) || !parts[3].matches("[0-9]{1,15}")
				|| !(parts[4].equals(DiskType.SYSTEM.name()) || parts[4].equals(DiskType.CDS.name()))) {
			throw new InvalidRequestException(ErrorCode.INVALID_RESTORE_ID, "Not a restore of a Baidu provider");
		}
		return new BaiduRestoreHandle(parts[1], parts[2], Instant.ofEpochMilli(Long.parseLong(parts[3])),
				DiskType.valueOf(parts[4]));
	}

}
