package io.snapgate.sandbox.baidu;

import java.time.Duration;
import java.time.Instant;

import io.snapgate.sandbox.baidu.BaiduSandboxResources.Instance;
import io.snapgate.sandbox.baidu.BaiduSandboxResources.Snapshot;
import io.snapgate.sandbox.baidu.BaiduSandboxResources.Volume;

/**
 * What time makes of the statuses, worked out when they are read: a snapshot is
 * {@code Creating} until its delay has passed, then what it was bound to become, a disk
 * is {@code SnapshotProcessing} while a snapshot of it is made or while it rolls back,
 * and an instance is too while its system disk is.
 */
final class BaiduSandboxProgress {

	static final String SNAPSHOT_PROCESSING = "SnapshotProcessing";

	private final BaiduSandboxAccount account;

	private final Duration snapshotDelay;

	BaiduSandboxProgress(BaiduSandboxAccount account, Duration snapshotDelay) {
		this.account = account;
		this.snapshotDelay = snapshotDelay;
	}

	String status(Snapshot snapshot, Instant now) {
		return (snapshot.status().equals("Creating") && snapshot.readyAt() != null && !now.isBefore(snapshot.readyAt()))
				? snapshot.settlesAs() : snapshot.status();
	}

	String status(Volume volume, Instant now) {
		boolean snapshotting = this.account.heldBy(volume.id())
			.stream()
			.anyMatch((s) -> status(s, now).equals("Creating"));
		return (snapshotting || volume.isRollingBack(now)) ? SNAPSHOT_PROCESSING : volume.status();
	}

	String status(Instance instance, Instant now) {
		Volume system = this.account.volume(instance.systemVolumeId());
		boolean busy = system != null && status(system, now).equals(SNAPSHOT_PROCESSING);
		return busy ? SNAPSHOT_PROCESSING : instance.status();
	}

	/**
	 * How far a snapshot in {@code status} is, in percent, as BCC's {@code progress} says
	 * it.
	 */
	String percent(Snapshot snapshot, String status, Instant now) {
		return switch (status) {
			case "Available" -> "100";
			case "Creating" -> {
				Instant readyAt = snapshot.readyAt();
				long total = Math.max(1, (readyAt != null) ? Duration.between(snapshot.createdAt(), readyAt).toMillis()
						: this.snapshotDelay.toMillis());
				long done = Duration.between(snapshot.createdAt(), now).toMillis();
				yield Long.toString(Math.clamp(done * 100 / total, 0, 99));
			}
			default -> "0";
		};
	}

}
