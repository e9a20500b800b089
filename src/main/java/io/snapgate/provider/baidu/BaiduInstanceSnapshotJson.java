package io.snapgate.provider.baidu;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * An instance snapshot as BCC lists it ({@code POST /v2/snapshot/insnap/list}): a group
 * of disk snapshots taken of one instance together. Its status words are
 * {@code creating}, {@code active}, {@code rollback}, {@code errorRollback},
 * {@code deleting}, {@code error_deleting}, {@code errorDelete}, {@code deleted} and
 * {@code error}, as far as Baidu's documentation tells.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record BaiduInstanceSnapshotJson(@Nullable String instanceSnapshotId, @Nullable String instanceSnapshotName,
		@Nullable Integer instanceSnapshotSizeInGiB, @Nullable String createdTime,
		@Nullable String instanceSnapshotStatus, @Nullable String instanceId, @Nullable List<Disk> snapshots) {

	List<Disk> disks() {
		return (this.snapshots != null) ? this.snapshots : List.of();
	}

	/** One disk's snapshot in the group, in the group listing's words for it. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Disk(@Nullable String snapshotId, @Nullable String snapshotName, @Nullable Integer snapshotSizeInGiB,
			@Nullable String snapshotStatus, @Nullable String volumeId, @Nullable String creationMethod,
			@Nullable String description, @Nullable String createdTime, @Nullable String expiredTime,
			@Nullable Boolean encrypted) {
	}

}
