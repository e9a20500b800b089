package io.snapgate.sandbox.baidu;

import io.snapgate.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.snapgate.sandbox.baidu.BaiduEmulatorJson.CreateRequest;
import io.snapgate.sandbox.baidu.BaiduEmulatorJson.SnapshotPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The emulator keeps BCC's rules, answers with BCC's statuses and codes, and moves states
 * on with time.
 */
class BaiduEmulatorTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

	private final BaiduEmulator emulator = new BaiduEmulator(
			new BaiduSandboxSettings(Duration.ofSeconds(3), Duration.ofSeconds(3), 4, Duration.ofMinutes(15)),
			this.clock);

	@Test
	void listsNewestFirstInPagesThatFollowTheMarkers() {
		SnapshotPage first = this.emulator.list(null, "2", null);
		assertThat(ids(first)).containsExactly("s-seed0005", "s-seed0004");
		assertThat(first.truncated()).isTrue();
		assertThat(first.nextMarker()).isEqualTo("s-seed0003");
		assertThat(first.maxKeys()).isEqualTo(2);

		SnapshotPage second = this.emulator.list(first.nextMarker(), "2", null);
		assertThat(second.marker()).isEqualTo("s-seed0003");
		assertThat(ids(second)).containsExactly("s-seed0003", "s-seed0002");
		SnapshotPage last = this.emulator.list(second.nextMarker(), "2", null);
		assertThat(ids(last)).containsExactly("s-seed0001");
		assertThat(last.truncated()).isFalse();
		assertThat(last.nextMarker()).isNull();
	}

	@Test
	void listsTheSnapshotsOfOneDiskNamedByVolumeOrByInstance() {
		assertThat(ids(this.emulator.list(null, null, "v-data0001"))).containsExactly("s-seed0003", "s-seed0002");
		assertThat(ids(this.emulator.list(null, null, "i-sandbox1"))).containsExactly("s-seed0001");
		assertThat(ids(this.emulator.list(null, null, "v-nothing"))).isEmpty();
	}

	@Test
	void aMarkerOfADeletedSnapshotStillResumesInItsPlace() {
		this.emulator.delete("s-seed0003");

		assertThat(ids(this.emulator.list("s-seed0003", null, null))).containsExactly("s-seed0002", "s-seed0001");
	}

	@Test
	void badPagingParametersAreRefused() {
		refused(() -> this.emulator.list("s-unknown1", null, null), 400, "InvalidParameter");
		refused(() -> this.emulator.list(null, "0", null), 400, "InvalidParameter");
		refused(() -> this.emulator.list(null, "1001", null), 400, "InvalidParameter");
	}

	@Test
	void aNewSnapshotIsCreatingUntilItsDelayHasPassedAndKeepsItsDiskBusy() {
		String id = this.emulator.create("tok-1", new CreateRequest("v-data0002", "pre_upgrade", "before upgrade"));

		assertThat(id).matches("s-[A-Za-z0-9]{8}");
		assertThat(this.emulator.snapshot(id).status()).isEqualTo("Creating");
		assertThat(this.emulator.snapshot(id).desc()).isEqualTo("before upgrade");
		assertThat(this.emulator.volume("v-data0002").status()).isEqualTo("SnapshotProcessing");
		assertThat(ids(this.emulator.list(null, "1", null))).containsExactly(id);

		this.clock.advance(Duration.ofSeconds(3));
		assertThat(this.emulator.snapshot(id).status()).isEqualTo("Available");
		assertThat(this.emulator.snapshot(id).progress()).isEqualTo("100");
		assertThat(this.emulator.volume("v-data0002").status()).isEqualTo("Available");
	}

	@Test
	void theSameClientTokenWithTheSameRequestGivesTheSameSnapshot() {
		CreateRequest request = new CreateRequest("v-data0002", "pre_upgrade", null);
		String first = this.emulator.create("tok-1", request);
		String again = this.emulator.create("tok-1", request);

		assertThat(again).isEqualTo(first);
		assertThat(this.emulator.snapshotsOf("v-data0002")).containsExactly(first, "s-seed0005");
		refused(() -> this.emulator.create("tok-1", new CreateRequest("v-data0002", "other", null)), 409,
				"IdempotentParameterMismatch");
		this.clock.advance(Duration.ofSeconds(3));
		assertThat(this.emulator.create("tok-2", request)).isNotEqualTo(first);
	}

	@Test
	void aSystemDiskIsSnapshotNamedByItsInstanceAndTheSnapshotNamesTheDisk() {
		String id = this.emulator.create(null, new CreateRequest("i-sandbox2", "db_os", null));

		assertThat(this.emulator.snapshot(id).volumeId()).isEqualTo("v-system02");
		assertThat(this.emulator.instance("i-sandbox2").status()).isEqualTo("SnapshotProcessing");
		refused(() -> this.emulator.create(null, new CreateRequest("i-sandbox2", "db_os_again", null)), 409,
				"InstanceStatusConflict");
		this.clock.advance(Duration.ofSeconds(3));
		assertThat(this.emulator.instance("i-sandbox2").status()).isEqualTo("Stopped");
	}

	@Test
	void aBusyOrMissingDiskOrInstanceIsRefused() {
		refused(() -> this.emulator.create(null, new CreateRequest("v-data0003", "x", null)), 409,
				"VolumeStatusConflict");
		refused(() -> this.emulator.create(null, new CreateRequest("i-sandbox3", "x", null)), 409,
				"InstanceStatusConflict");
		refused(() -> this.emulator.create(null, new CreateRequest("v-missing1", "x", null)), 404, "NoSuchObject");
		refused(() -> this.emulator.create(null, new CreateRequest("i-missing1", "x", null)), 404, "NoSuchObject");
		refused(() -> this.emulator.create(null, new CreateRequest("v-data0002", "not-valid", null)), 400,
				"InvalidParameter");
		refused(() -> this.emulator.create("x".repeat(64), new CreateRequest("v-data0002", "x", null)), 400,
				"InvalidParameter");
	}

	@Test
	void aDiskHoldsNoMoreThanItsQuota() {
		for (int i = 0; i < 2; i++) {
			this.emulator.create(null, new CreateRequest("v-data0001", "n" + i, null));
			this.clock.advance(Duration.ofSeconds(3));
		}
		assertThat(this.emulator.snapshotsOf("v-data0001")).hasSize(4);

		refused(() -> this.emulator.create(null, new CreateRequest("v-data0001", "one_too_many", null)), 400,
				"SnapshotQuotaExceeded");
	}

	@Test
	void onlyAvailableOrFailedSnapshotsAreDeletedAndBccAnswers403Otherwise() {
		String id = this.emulator.create(null, new CreateRequest("v-data0002", "fresh", null));

		refused(() -> this.emulator.delete(id), 403, "OperationNotAllowed");
		this.clock.advance(Duration.ofSeconds(3));
		this.emulator.delete(id);
		this.emulator.delete("s-seed0004");

		refused(() -> this.emulator.snapshot(id), 404, "NoSuchObject");
		refused(() -> this.emulator.delete(id), 404, "NoSuchObject");
		assertThat(this.emulator.snapshotsOf("v-data0003")).isEmpty();
	}

	@Test
	void aDetachedDiskRollsBackThroughABusyStateAndBack() {
		this.emulator.rollBack("v-data0002", "s-seed0005");

		assertThat(this.emulator.volume("v-data0002").status()).isEqualTo("SnapshotProcessing");
		refused(() -> this.emulator.delete("s-seed0005"), 403, "OperationNotAllowed");
		refused(() -> this.emulator.rollBack("v-data0002", "s-seed0005"), 409, "VolumeStatusConflict");
		this.clock.advance(Duration.ofSeconds(3));
		assertThat(this.emulator.volume("v-data0002").status()).isEqualTo("Available");
	}

	@Test
	void anAttachedCdsDiskIsNotRolledBack() {
		refused(() -> this.emulator.rollBack("v-data0001", "s-seed0003"), 409, "VolumeStatusConflict");
		assertThat(this.emulator.volume("v-data0001").status()).isEqualTo("InUse");
	}

	@Test
	void aSystemDiskRollsBackWhileItsInstanceIsRunningOrStopped() {
		this.emulator.rollBack("v-system01", "s-seed0001");
		assertThat(this.emulator.volume("v-system01").status()).isEqualTo("SnapshotProcessing");
		this.clock.advance(Duration.ofSeconds(3));
		assertThat(this.emulator.volume("v-system01").status()).isEqualTo("InUse");

		String busy = this.emulator.create(null, new CreateRequest("v-system03", "batch_os", null));
		this.clock.advance(Duration.ofSeconds(3));
		refused(() -> this.emulator.rollBack("v-system03", busy), 409, "InstanceStatusConflict");
	}

	@Test
	void aDiskRollsBackOnlyToItsOwnAvailableSnapshots() {
		refused(() -> this.emulator.rollBack("v-data0002", "s-seed0003"), 404, "NoSuchObject");
		refused(() -> this.emulator.rollBack("v-missing1", "s-seed0005"), 404, "NoSuchObject");
		String creating = this.emulator.create(null, new CreateRequest("v-data0002", "fresh", null));
		refused(() -> this.emulator.rollBack("v-data0002", creating), 409, "SnapshotStatusConflict");
	}

	@Test
	void disksAndInstancesAnswerAsBccDoes() {
		BaiduEmulatorJson.Volume data = this.emulator.volume("v-data0001");
		assertThat(data.systemVolume()).isFalse();
		assertThat(data.attachments()).singleElement()
			.satisfies((a) -> assertThat(a.instanceId()).isEqualTo("i-sandbox1"));
		assertThat(this.emulator.volume("v-data0002").attachments()).isEmpty();
		assertThat(this.emulator.volume("v-system01").systemVolume()).isTrue();
		assertThat(this.emulator.instance("i-sandbox1").status()).isEqualTo("Running");
		refused(() -> this.emulator.instance("i-missing1"), 404, "NoSuchObject");
	}

	private static List<String> ids(SnapshotPage page) {
		return page.snapshots().stream().map(BaiduEmulatorJson.Snapshot::id).toList();
	}

	private static void refused(Executable call, int status, String code) {
		assertThatExceptionOfType(BaiduApiException.class).isThrownBy(call::execute).satisfies((ex) -> {
			assertThat(ex.status()).isEqualTo(status);
			assertThat(ex.code()).isEqualTo(code);
		});
	}

}
