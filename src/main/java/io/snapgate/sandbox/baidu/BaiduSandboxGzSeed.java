package io.snapgate.sandbox.baidu;

import java.time.Duration;
import java.time.Instant;

import io.snapgate.sandbox.baidu.BaiduSandboxResources.Instance;
import io.snapgate.sandbox.baidu.BaiduSandboxResources.Snapshot;
import io.snapgate.sandbox.baidu.BaiduSandboxResources.Volume;

/**
 * What the account's second region, {@code gz}, holds when it starts: one running
 * instance, {@value #INSTANCE} ({@code web-gz-01}), with its system disk
 * {@value #SYSTEM_DISK} and a data disk {@value #DATA_DISK} attached, and one snapshot of
 * that data disk, {@value #SNAPSHOT}. No automatic snapshot policy.
 */
final class BaiduSandboxGzSeed {

	static final String INSTANCE = "i-gzsandb1";

	static final String SYSTEM_DISK = "v-gzsystem1";

	static final String DATA_DISK = "v-gzdata01";

	static final String SNAPSHOT = "s-gzseed01";

	private BaiduSandboxGzSeed() {
	}

	/** Seeds {@code account} as it is {@code now}. */
	static void plant(BaiduSandboxAccount account, Instant now) {
		Instant longAgo = now.minus(Duration.ofDays(20));
		account.put(new Instance(INSTANCE, "web-gz-01", "Running", SYSTEM_DISK, longAgo));
		account.put(new Volume(SYSTEM_DISK, "web-gz-01-system", 40, true, INSTANCE, "InUse", longAgo, null, null));
		account.put(new Volume(DATA_DISK, "web-gz-data", 100, false, INSTANCE, "InUse", longAgo, null, null));
		account.put(new Snapshot(account.nextSequence(), SNAPSHOT, "nightly_gz_20261121", "", DATA_DISK, 100,
				now.minus(Duration.ofDays(1)), "Available", null, "MANUAL", false, null));
	}

}
