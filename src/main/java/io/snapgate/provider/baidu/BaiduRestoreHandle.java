package io.snapgate.provider.baidu;

import java.time.Instant;

import io.snapgate.domain.DiskType;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.RestoreHandle;
import org.jspecify.annotations.Nullable;

/**
 * What a rollback's progress is read from: the disk rolled back, the snapshot, when it
 * started and the kind of disk, and the safety snapshot taken first, if one was. Written
 * as {@code b1.<volumeId>.<snapshotId>.<epochMillis>.<SYSTEM|CDS>} without a safety
 * snapshot, and {@code b2.<volumeId>.<snapshotId>.<epochMillis>.<SYSTEM|CDS>.<safetyId>}
 * with one, whose creation time is then the start: URL-safe, the same for a repeat of the
 * restore, and any replica can answer from it and BCC alone.
 */
record BaiduRestoreHandle(String volumeId, String snapshotId, Instant startedAt, DiskType diskType,
		@Nullable String safetySnapshotId) {

	private static final String PLAIN = "b1";

	private static final String WITH_SAFETY = "b2";

	RestoreHandle encode() {
		String base = String.join(".", this.volumeId, this.snapshotId, Long.toString(this.startedAt.toEpochMilli()),
				this.diskType.name());
		return new RestoreHandle((this.safetySnapshotId != null)
				? WITH_SAFETY + "." + base + "." + this.safetySnapshotId : PLAIN + "." + base);
	}

	static BaiduRestoreHandle decode(RestoreHandle handle) {
		String[] parts = handle.value().split("\\.", -1);
		boolean plain = parts.length == 5 && PLAIN.equals(parts[0]);
		boolean withSafety = parts.length == 6 && WITH_SAFETY.equals(parts[0]) && BaiduIds.isSnapshotId(parts[5]);
		if (!(plain || withSafety) || !BaiduIds.isVolumeId(parts[1]) || !BaiduIds.isSnapshotId(parts[2])
				|| !parts[3].matches("[0-9]{1,15}")
				|| !(parts[4].equals(DiskType.SYSTEM.name()) || parts[4].equals(DiskType.CDS.name()))) {
			throw new InvalidRequestException(ErrorCode.INVALID_RESTORE_ID, "Not a restore of a Baidu provider");
		}
		return new BaiduRestoreHandle(parts[1], parts[2], Instant.ofEpochMilli(Long.parseLong(parts[3])),
				DiskType.valueOf(parts[4]), withSafety ? parts[5] : null);
	}

}
