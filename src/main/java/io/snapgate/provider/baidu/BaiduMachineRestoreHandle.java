package io.snapgate.provider.baidu;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.RestoreHandle;

/**
 * What a machine's rollback is read from: the instance snapshot rolled back to, when the
 * restore started, and the safety snapshot of each of its disks, in the order their
 * rollbacks are sent. Written as
 * {@code m1.<instanceSnapshotId>.<epochMillis>.<safetyId>[.<safetyId>...]}: URL-safe, the
 * same for a repeat of the restore, and any replica can answer from it and BCC alone.
 */
record BaiduMachineRestoreHandle(String instanceSnapshotId, Instant startedAt, List<String> safetySnapshotIds) {

	static final String PREFIX = "m1";

	/** The most disks whose safety snapshots fit in a restore id. */
	static final int MAX_DISKS = 24;

	BaiduMachineRestoreHandle {
		safetySnapshotIds = List.copyOf(safetySnapshotIds);
	}

	static boolean isOne(RestoreHandle handle) {
		return handle.value().startsWith(PREFIX + ".");
	}

	RestoreHandle encode() {
		List<String> parts = new ArrayList<>();
		parts.add(PREFIX);
		parts.add(this.instanceSnapshotId);
		parts.add(Long.toString(this.startedAt.toEpochMilli()));
		parts.addAll(this.safetySnapshotIds);
		return new RestoreHandle(String.join(".", parts));
	}

	static BaiduMachineRestoreHandle decode(RestoreHandle handle) {
		String[] parts = handle.value().split("\\.", -1);
		if (parts.length < 4 || parts.length > 3 + MAX_DISKS || !PREFIX.equals(parts[0])
				|| !BaiduIds.isInstanceSnapshotId(parts[1]) || !parts[2].matches("[0-9]{1,15}")) {
			throw invalid();
		}
		List<String> safety = Arrays.asList(parts).subList(3, parts.length);
		if (!safety.stream().allMatch(BaiduIds::isSnapshotId)) {
			throw invalid();
		}
		return new BaiduMachineRestoreHandle(parts[1], Instant.ofEpochMilli(Long.parseLong(parts[2])), safety);
	}

	private static InvalidRequestException invalid() {
		return new InvalidRequestException(ErrorCode.INVALID_RESTORE_ID, "Not a restore of a Baidu provider");
	}

}
