package io.snapgate.sandbox.baidu;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.snapgate.sandbox.baidu.BaiduSandboxJson.CreateInstanceSnapshotRequest;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.CreateRequest;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.CreatedInstanceSnapshot;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.DeleteInstanceSnapshotsRequest;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.InstanceSnapshot;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.InstanceSnapshotDisk;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.InstanceSnapshotPage;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.ListInstanceSnapshotsRequest;
import io.snapgate.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.StringNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The emulator's instance snapshots follow BCC's rules: one snapshot of each disk in use,
 * a group status that follows them, markers, client tokens, and a delete that takes the
 * disks' snapshots along.
 */
class BaiduSandboxInstanceSnapshotsTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

	private final BaiduSandboxState state = new BaiduSandboxState(new BaiduSandboxSettings(Duration.ofSeconds(3),
			Duration.ofSeconds(3), 4, Duration.ofMinutes(15), false, Duration.ofSeconds(5)), this.clock);

	@Test
	void anInstanceSnapshotTakesTheSystemDiskAndEveryAttachedDiskAndIsActiveOnceAllAreAvailable() {
		CreatedInstanceSnapshot created = this.state.createInstanceSnapshot("tok-1", request("i-sandbox1", "web_all"));

		assertThat(created.inSnapshotId()).matches("insnap-[A-Za-z0-9]{8}");
		assertThat(created.snapshotIds()).hasSize(2);
		InstanceSnapshot group = this.state.instanceSnapshot(created.inSnapshotId());
		assertThat(group.instanceSnapshotStatus()).isEqualTo("creating");
		assertThat(group.instanceId()).isEqualTo("i-sandbox1");
		assertThat(group.instanceSnapshotSizeInGiB()).isEqualTo(140);
		assertThat(group.snapshots()).extracting(InstanceSnapshotDisk::volumeId)
			.containsExactly("v-system01", "v-data0001");
		assertThat(group.snapshots()).extracting(InstanceSnapshotDisk::snapshotStatus).containsOnly("Creating");
		assertThat(this.state.snapshot(created.snapshotIds().get(1)).insnapId()).isEqualTo(created.inSnapshotId());
		assertThat(this.state.instance("i-sandbox1").status()).isEqualTo("SnapshotProcessing");

		this.clock.advance(Duration.ofSeconds(3));

		group = this.state.instanceSnapshot(created.inSnapshotId());
		assertThat(group.instanceSnapshotStatus()).isEqualTo("active");
		assertThat(group.snapshots()).extracting(InstanceSnapshotDisk::snapshotStatus).containsOnly("Available");
	}

	@Test
	void aDetachedDiskIsNotInItsInstancesSnapshot() {
		CreatedInstanceSnapshot created = this.state.createInstanceSnapshot(null, request("i-sandbox4", "app_only"));

		assertThat(this.state.instanceSnapshot(created.inSnapshotId()).snapshots())
			.extracting(InstanceSnapshotDisk::volumeId)
			.containsExactly("v-system04");
	}

	@Test
	void theSameClientTokenMakesOneAndAnotherRequestUnderItIsRefused() {
		CreatedInstanceSnapshot first = this.state.createInstanceSnapshot("tok-2", request("i-sandbox1", "web_once"));

		assertThat(this.state.createInstanceSnapshot("tok-2", request("i-sandbox1", "web_once"))).isEqualTo(first);
		refused(() -> this.state.createInstanceSnapshot("tok-2", request("i-sandbox1", "web_other")), 409,
				"IdempotentParameterMismatch");
	}

	@Test
	void whatBccWouldRefuseIsRefused() {
		refused(() -> this.state.createInstanceSnapshot(null, request("i-sandbox3", "busy")), 409,
				"InstanceStatusConflict");
		refused(() -> this.state.createInstanceSnapshot(null, request("i-nothing", "none")), 404, "NoSuchObject");
		refused(() -> this.state.createInstanceSnapshot(null, request("i-sandbox1", "1st")), 400, "InvalidParameter");
		refused(() -> this.state.createInstanceSnapshot(null,
				new CreateInstanceSnapshotRequest("i-sandbox1", "kept", null, null, IntNode.valueOf(0))), 400,
				"InvalidParameter");
		refused(() -> this.state.createInstanceSnapshot(null,
				new CreateInstanceSnapshotRequest("i-sandbox1", "some", null, list("v-data0002"), null)), 400,
				"InvalidParameter");
		this.state.create(null, new CreateRequest("v-data0001", "busy_disk", null, null));
		refused(() -> this.state.createInstanceSnapshot(null, request("i-sandbox1", "busy_disk")), 409,
				"VolumeStatusConflict");
	}

	@Test
	void aDiskWithoutRoomForOneMoreSnapshotMakesNoGroupAtAll() {
		// the seeded group holds one already
		for (int i = 0; i < 3; i++) {
			this.state.create(null, new CreateRequest("v-system04", "manual_" + i, null, null));
			this.clock.advance(Duration.ofSeconds(3));
		}

		refused(() -> this.state.createInstanceSnapshot(null, request("i-sandbox4", "full")), 400,
				"SnapshotQuotaExceeded");
		assertThat(ids(list(null, 100, List.of("i-sandbox4")))).containsExactly(BaiduSandboxSeed.MACHINE_SNAPSHOT);
	}

	@Test
	void theSeedHoldsATwoDiskGroupOfTheStoppedInstanceAndOneThatFailed() {
		InstanceSnapshot group = this.state.instanceSnapshot(BaiduSandboxSeed.MACHINE_SNAPSHOT);
		assertThat(group.instanceSnapshotStatus()).isEqualTo("active");
		assertThat(group.snapshots()).extracting(InstanceSnapshotDisk::volumeId)
			.containsExactly("v-system04", "v-data0004");
		assertThat(this.state.instance("i-sandbox4").status()).isEqualTo("Stopped");
		assertThat(this.state.volume("v-data0004").status()).isEqualTo("Available");

		InstanceSnapshot failed = this.state.instanceSnapshot(BaiduSandboxSeed.FAILED_MACHINE_SNAPSHOT);
		assertThat(failed.instanceSnapshotStatus()).isEqualTo("error");
		assertThat(failed.snapshots()).extracting(InstanceSnapshotDisk::snapshotStatus)
			.containsExactly("CreatedFailed");
	}

	@Test
	void listsNewestFirstInPagesThatFollowTheMarkersAndByInstanceOrId() {
		String newest = this.state.createInstanceSnapshot(null, request("i-sandbox1", "newest")).inSnapshotId();

		InstanceSnapshotPage first = list(null, 2, null);
		assertThat(ids(first)).containsExactly(newest, BaiduSandboxSeed.FAILED_MACHINE_SNAPSHOT);
		assertThat(first.truncated()).isTrue();
		assertThat(first.marker()).isEqualTo("-1");
		InstanceSnapshotPage last = list(StringNode.valueOf(first.nextMarker()), 2, null);
		assertThat(ids(last)).containsExactly(BaiduSandboxSeed.MACHINE_SNAPSHOT);
		assertThat(last.truncated()).isFalse();
		assertThat(last.nextMarker()).isNull();
		assertThat(ids(list(StringNode.valueOf("-1"), 100, List.of("i-sandbox4"))))
			.containsExactly(BaiduSandboxSeed.MACHINE_SNAPSHOT);
		assertThat(ids(this.state
			.instanceSnapshots(new ListInstanceSnapshotsRequest(null, null, null, List.of(newest, "insnap-nothing")))))
			.containsExactly(newest);

		refused(() -> list(StringNode.valueOf("insnap-unknown"), 10, null), 400, "InvalidParameter");
		refused(() -> list(null, 101, null), 400, "InvalidParameter");
		refused(() -> list(null, 0, null), 400, "InvalidParameter");
	}

	@Test
	void aDeleteTakesTheDisksSnapshotsAlongAndTheGroupShowsDeletingForAWhile() {
		this.state
			.deleteInstanceSnapshots(new DeleteInstanceSnapshotsRequest(List.of(BaiduSandboxSeed.MACHINE_SNAPSHOT)));

		assertThat(this.state.instanceSnapshot(BaiduSandboxSeed.MACHINE_SNAPSHOT).instanceSnapshotStatus())
			.isEqualTo("deleting");
		refused(() -> this.state.snapshot("s-seed0006"), 404, "NoSuchObject");
		assertThat(this.state.snapshotsOf("v-data0004")).doesNotContain("s-seed0007");
		this.clock.advance(Duration.ofSeconds(3));
		refused(() -> this.state.instanceSnapshot(BaiduSandboxSeed.MACHINE_SNAPSHOT), 404, "NoSuchObject");
		refused(() -> this.state
			.deleteInstanceSnapshots(new DeleteInstanceSnapshotsRequest(List.of(BaiduSandboxSeed.MACHINE_SNAPSHOT))),
				404, "NoSuchObject");
	}

	@Test
	void aFailedGroupCanBeDeletedAndItsDisksSnapshotsGoWithIt() {
		this.state.deleteInstanceSnapshots(
				new DeleteInstanceSnapshotsRequest(List.of(BaiduSandboxSeed.FAILED_MACHINE_SNAPSHOT)));

		refused(() -> this.state.snapshot("s-seed0008"), 404, "NoSuchObject");
	}

	@Test
	void onlyAnActiveOrFailedGroupIsDeletedAndNothingIsDeletedWhenOneCannotBe() {
		String creating = this.state.createInstanceSnapshot(null, request("i-sandbox1", "creating")).inSnapshotId();

		refused(() -> this.state.deleteInstanceSnapshots(
				new DeleteInstanceSnapshotsRequest(List.of(BaiduSandboxSeed.MACHINE_SNAPSHOT, creating))), 409,
				"OperationDenied");
		assertThat(this.state.instanceSnapshot(BaiduSandboxSeed.MACHINE_SNAPSHOT).instanceSnapshotStatus())
			.isEqualTo("active");
		refused(() -> this.state.deleteInstanceSnapshots(new DeleteInstanceSnapshotsRequest(List.of())), 400,
				"InvalidParameter");
	}

	@Test
	void aDiskSnapshotOfAGroupIsNotDeletedAloneButItsDiskRollsBackToIt() {
		refused(() -> this.state.delete("s-seed0007"), 403, "OperationNotAllowed");

		this.state.rollBack("v-data0004", "s-seed0007");

		assertThat(this.state.volume("v-data0004").status()).isEqualTo("SnapshotProcessing");
		refused(() -> this.state
			.deleteInstanceSnapshots(new DeleteInstanceSnapshotsRequest(List.of(BaiduSandboxSeed.MACHINE_SNAPSHOT))),
				409, "OperationDenied");
	}

	@Test
	void anInstancesDisksAreListedWithItsSystemDisk() {
		assertThat(this.state.volumes(null, null, "i-sandbox1").volumes()).extracting(BaiduSandboxJson.Volume::id)
			.containsExactly("v-data0001", "v-system01");
		assertThat(this.state.volumes(null, null, "i-sandbox4").volumes()).extracting(BaiduSandboxJson.Volume::id)
			.containsExactly("v-system04");
	}

	private InstanceSnapshotPage list(JsonNode marker, int maxKeys, List<String> instanceIds) {
		return this.state
			.instanceSnapshots(new ListInstanceSnapshotsRequest(marker, IntNode.valueOf(maxKeys), instanceIds, null));
	}

	private static CreateInstanceSnapshotRequest request(String instanceId, String name) {
		return new CreateInstanceSnapshotRequest(instanceId, name, "", null, null);
	}

	private static JsonNode list(String volumeId) {
		return tools.jackson.databind.json.JsonMapper.builder().build().createArrayNode().add(volumeId);
	}

	private static List<String> ids(InstanceSnapshotPage page) {
		return page.instanceSnapshots().stream().map(InstanceSnapshot::instanceSnapshotId).toList();
	}

	private static void refused(Executable call, int status, String code) {
		assertThatExceptionOfType(BaiduSandboxException.class).isThrownBy(call::execute).satisfies((ex) -> {
			assertThat(ex.status()).isEqualTo(status);
			assertThat(ex.code()).isEqualTo(code);
		});
	}

}
