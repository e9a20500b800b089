package io.snapgate.sandbox.baidu;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import io.snapgate.sandbox.baidu.BaiduSandboxResources.Instance;
import io.snapgate.sandbox.baidu.BaiduSandboxResources.InstanceSnapshot;
import io.snapgate.sandbox.baidu.BaiduSandboxResources.Policy;
import io.snapgate.sandbox.baidu.BaiduSandboxResources.Snapshot;
import io.snapgate.sandbox.baidu.BaiduSandboxResources.Volume;
import org.jspecify.annotations.Nullable;

/**
 * What the emulated account holds when it starts: four instances ({@code i-sandbox3} busy
 * starting, {@code i-sandbox2} and {@code i-sandbox4} stopped), each with its system
 * disk, four data disks ({@code v-data0001} attached to {@code i-sandbox1},
 * {@code v-data0002} and {@code v-data0004} detached, {@code v-data0003} busy scaling),
 * five snapshots of them, one of which failed, two instance snapshots
 * ({@value #MACHINE_SNAPSHOT} of {@code i-sandbox4}, taken while its data disk was still
 * attached, and {@value #FAILED_MACHINE_SNAPSHOT} of {@code i-sandbox2}, which ended in
 * {@code error}), and one automatic snapshot policy, {@value #DEMO_POLICY}, taking a
 * snapshot of {@code v-data0001} every hour at minute 0, kept
 * {@value #DEMO_RETENTION_DAYS} days.
 */
final class BaiduSandboxSeed {

	static final String DEMO_POLICY = "asp-sandbox1";

	static final int DEMO_RETENTION_DAYS = 3;

	static final String MACHINE_SNAPSHOT = "insnap-seed0001";

	static final String FAILED_MACHINE_SNAPSHOT = "insnap-seed0002";

	private BaiduSandboxSeed() {
	}

	/**
	 * Seeds the policy as it is {@code now}; it runs first at the next scheduled time.
	 * @param everyMinute whether it runs every minute instead of every hour, the
	 * sandbox's demonstration of a schedule that BCC itself cannot express
	 */
	static void plant(BaiduSandboxPolicies policies, Instant now, boolean everyMinute) {
		List<Integer> everyHour = IntStream.range(0, 24).boxed().toList();
		List<Integer> everyDay = IntStream.range(0, 7).boxed().toList();
		// made as the emulator starts, so that it does not show as overdue before its
		// first run
		policies.put(new Policy(DEMO_POLICY, "hourly-demo", everyHour, everyDay, DEMO_RETENTION_DAYS, now, now, null,
				now, everyMinute));
		policies.plant("v-data0001", DEMO_POLICY);
	}

	/** Seeds {@code account} as it is {@code now}. */
	static void plant(BaiduSandboxAccount account, Instant now) {
		Instant longAgo = now.minus(Duration.ofDays(30));
		instance(account, "i-sandbox1", "web-01", "Running", "v-system01", longAgo);
		instance(account, "i-sandbox2", "db-01", "Stopped", "v-system02", longAgo);
		instance(account, "i-sandbox3", "batch-01", "Starting", "v-system03", longAgo);
		instance(account, "i-sandbox4", "app-01", "Stopped", "v-system04", longAgo);
		volume(account, "v-data0001", "web-data", 100, "InUse", "i-sandbox1", longAgo);
		volume(account, "v-data0002", "archive", 200, "Available", null, longAgo);
		volume(account, "v-data0003", "scratch", 50, "Scaling", null, longAgo);
		volume(account, "v-data0004", "app-data", 100, "Available", null, longAgo);
		snapshot(account, "s-seed0001", "weekly_20261115", "v-system01", now.minus(Duration.ofDays(3)), "Available",
				"AUTO");
		snapshot(account, "s-seed0002", "nightly_20261120", "v-data0001", now.minus(Duration.ofDays(2)), "Available",
				"AUTO");
		snapshot(account, "s-seed0003", "nightly_20261121", "v-data0001", now.minus(Duration.ofDays(1)), "Available",
				"AUTO");
		snapshot(account, "s-seed0004", "failed_try", "v-data0003", now.minus(Duration.ofHours(6)), "CreatedFailed",
				"MANUAL");
		snapshot(account, "s-seed0005", "before_resize", "v-data0002", now.minus(Duration.ofHours(5)), "Available",
				"MANUAL");
	}

	/**
	 * Seeds the instance snapshots of {@code account}, as they are {@code now}, after its
	 * disks and snapshots.
	 */
	static void plant(BaiduSandboxAccount account, BaiduSandboxInstanceSnapshots groups, Instant now) {
		Instant yesterday = now.minus(Duration.ofDays(1));
		group(account, groups, MACHINE_SNAPSHOT, "before_release", "i-sandbox4", yesterday, List
			.of(new Disk("s-seed0006", "v-system04", "Available"), new Disk("s-seed0007", "v-data0004", "Available")));
		group(account, groups, FAILED_MACHINE_SNAPSHOT, "nightly_db", "i-sandbox2", now.minus(Duration.ofHours(12)),
				List.of(new Disk("s-seed0008", "v-system02", "CreatedFailed")));
	}

	private static void group(BaiduSandboxAccount account, BaiduSandboxInstanceSnapshots groups, String id, String name,
			String instanceId, Instant createdAt, List<Disk> disks) {
		for (Disk disk : disks) {
			int size = account.requireVolume(disk.volumeId()).sizeGb();
			account.put(new Snapshot(account.nextSequence(), disk.snapshotId(), name, "", disk.volumeId(), size,
					createdAt, disk.status(), null, "MANUAL", false, null));
		}
		groups.put(new InstanceSnapshot(account.nextSequence(), id, name, instanceId, createdAt,
				disks.stream().map(Disk::snapshotId).toList(), null));
	}

	private record Disk(String snapshotId, String volumeId, String status) {
	}

	private static void instance(BaiduSandboxAccount account, String id, String name, String status,
			String systemVolumeId, Instant createdAt) {
		account.put(new Instance(id, name, status, systemVolumeId, createdAt));
		account.put(new Volume(systemVolumeId, name + "-system", 40, true, id, "InUse", createdAt, null, null));
	}

	private static void volume(BaiduSandboxAccount account, String id, String name, int sizeGb, String status,
			@Nullable String instanceId, Instant createdAt) {
		account.put(new Volume(id, name, sizeGb, false, instanceId, status, createdAt, null, null));
	}

	private static void snapshot(BaiduSandboxAccount account, String id, String name, String volumeId,
			Instant createdAt, String status, String method) {
		int size = account.requireVolume(volumeId).sizeGb();
		account.put(new Snapshot(account.nextSequence(), id, name, "", volumeId, size, createdAt, status, null, method,
				false, null));
	}

}
