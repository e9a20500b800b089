package io.snapgate.provider.baidu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.snapgate.domain.ConflictException;
import io.snapgate.domain.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * How many manual snapshots each disk holds, against the per-disk quota when the
 * account's is configured ({@code snapshot-quota-per-disk}): BCC has no call that tells
 * it, and counts a disk's automatic snapshots apart.
 */
final class BaiduDiskQuota {

	private static final int MAX_PAGES = 10;

	private final BaiduClient client;

	private final @Nullable Integer perDisk;

	BaiduDiskQuota(BaiduClient client, @Nullable Integer perDisk) {
		this.client = client;
		this.perDisk = perDisk;
	}

	@Nullable Integer perDisk() {
		return this.perDisk;
	}

	/**
	 * The manual snapshots each disk holds, by disk, in the order given.
	 * @param diskIds the disks as BCC files their snapshots: volume ids
	 */
	Map<String, Integer> manualSnapshots(List<String> diskIds) {
		Map<String, Integer> held = new LinkedHashMap<>();
		for (String diskId : diskIds) {
			int manual = 0;
			String marker = null;
			for (int page = 0; page < MAX_PAGES; page++) {
				BaiduSnapshotListJson listed = this.client.listSnapshots(marker, BaiduListing.MAX_KEYS, diskId);
				manual += (int) listed.snapshotsOrEmpty()
					.stream()
					.filter((s) -> !BaiduSnapshotMapper.isAutomatic(s))
					.count();
				marker = listed.truncated() ? BaiduSnapshotMapper.blankToNull(listed.nextMarker()) : null;
				if (marker == null) {
					break;
				}
			}
			held.put(diskId, manual);
		}
		return held;
	}

	/**
	 * Checks that each disk has room for one more manual snapshot, when the quota is
	 * known; nothing is read otherwise.
	 * @param what what would not fit, for the refusal
	 * @return what each disk holds; empty when the quota is not known
	 * @throws ConflictException with {@code QUOTA_EXCEEDED} naming the first disk without
	 * room
	 */
	Map<String, Integer> checkRoom(List<String> diskIds, String what) {
		Integer quota = this.perDisk;
		if (quota == null) {
			return Map.of();
		}
		Map<String, Integer> held = manualSnapshots(diskIds);
		held.forEach((diskId, manual) -> {
			if (manual >= quota) {
				throw new ConflictException(ErrorCode.QUOTA_EXCEEDED,
						"Disk " + diskId + " holds " + manual + " manual snapshots, the quota of " + quota
								+ ", so there is no room for " + what
								+ " and nothing was sent. Delete a snapshot of the disk you no longer need");
			}
		});
		return held;
	}

}
