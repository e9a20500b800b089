package io.snapgate.sandbox.baidu;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * BCC's instances, disks and snapshots as the emulator keeps them; what time makes of
 * their statuses is {@link BaiduSandboxProgress}'s to say.
 */
final class BaiduSandboxResources {

	private BaiduSandboxResources() {
	}

	record Instance(String id, String name, String status, String systemVolumeId, Instant createdAt) {
	}

	record Volume(String id, String name, int sizeGb, boolean system, @Nullable String instanceId, String status,
			Instant createdAt, @Nullable Instant rollbackUntil, @Nullable String rollbackSnapshotId) {

		Volume rollingBack(String snapshotId, Instant until) {
			return new Volume(this.id, this.name, this.sizeGb, this.system, this.instanceId, this.status,
					this.createdAt, until, snapshotId);
		}

		boolean isRollingBack(Instant now) {
			return this.rollbackUntil != null && now.isBefore(this.rollbackUntil);
		}

	}

	/**
	 * @param sequence the order of creation, by which lists are sorted
	 * @param readyAt when a {@code Creating} snapshot is {@code Available}, if it ever is
	 * @param deleted a tombstone, kept so that a marker naming it still has its place
	 */
	record Snapshot(long sequence, String id, String name, String desc, String volumeId, int sizeGb, Instant createdAt,
			String status, @Nullable Instant readyAt, String createMethod, boolean deleted) {

		Snapshot asDeleted() {
			return new Snapshot(this.sequence, this.id, this.name, this.desc, this.volumeId, this.sizeGb,
					this.createdAt, this.status, this.readyAt, this.createMethod, true);
		}

	}

}
