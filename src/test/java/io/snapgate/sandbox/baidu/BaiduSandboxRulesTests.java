package io.snapgate.sandbox.baidu;

import io.snapgate.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.snapgate.sandbox.baidu.BaiduSandboxJson.CreateRequest;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.ModifyRequest;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.SnapshotPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.StringNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The emulator keeps BCC's rules, answers with BCC's statuses and codes, and moves states
 * on with time.
 */
class BaiduSandboxRulesTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

	private final BaiduSandboxState state = new BaiduSandboxState(new BaiduSandboxSettings(Duration.ofSeconds(3),
			Duration.ofSeconds(3), 4, Duration.ofMinutes(15), false, Duration.ofSeconds(5)), this.clock);

	@Test
	void listsNewestFirstInPagesThatFollowTheMarkers() {
		SnapshotPage first = this.state.list(null, "3", null);
		assertThat(ids(first)).containsExactly("s-seed0008", "s-seed0007", "s-seed0006");
		assertThat(first.truncated()).isTrue();
		assertThat(first.nextMarker()).isEqualTo("s-seed0005");
		assertThat(first.maxKeys()).isEqualTo(3);

		SnapshotPage second = this.state.list(first.nextMarker(), "3", null);
		assertThat(second.marker()).isEqualTo("s-seed0005");
		assertThat(ids(second)).containsExactly("s-seed0005", "s-seed0004", "s-seed0003");
		SnapshotPage last = this.state.list(second.nextMarker(), "3", null);
		assertThat(ids(last)).containsExactly("s-seed0002", "s-seed0001");
		assertThat(last.truncated()).isFalse();
		assertThat(last.nextMarker()).isNull();
	}

	@Test
	void listsTheSnapshotsOfOneDiskNamedByVolumeOrByInstance() {
		assertThat(ids(this.state.list(null, null, "v-data0001"))).containsExactly("s-seed0003", "s-seed0002");
		assertThat(ids(this.state.list(null, null, "i-sandbox1"))).containsExactly("s-seed0001");
		assertThat(ids(this.state.list(null, null, "v-nothing"))).isEmpty();
	}

	@Test
	void aMarkerOfADeletedSnapshotStillResumesInItsPlace() {
		this.state.delete("s-seed0003");

		assertThat(ids(this.state.list("s-seed0003", null, null))).containsExactly("s-seed0002", "s-seed0001");
	}

	@Test
	void badPagingParametersAreRefused() {
		refused(() -> this.state.list("s-unknown1", null, null), 400, "InvalidParameter");
		refused(() -> this.state.list(null, "0", null), 400, "InvalidParameter");
		refused(() -> this.state.list(null, "1001", null), 400, "InvalidParameter");
	}

	@Test
	void aRetentionInDaysSetsTheExpireTimeAndTheSnapshotIsGoneOnceItPasses() {
		String id = this.state.create("tok-r", new CreateRequest("v-data0002", "kept_a_day", "", IntNode.valueOf(1)));

		assertThat(this.state.snapshot(id).expireTime()).isEqualTo("2026-11-23T10:00:00Z");
		this.clock.advance(Duration.ofHours(23));
		this.state.tick();
		assertThat(ids(this.state.list(null, null, "v-data0002"))).contains(id);
		this.clock.advance(Duration.ofHours(1));
		this.state.tick();
		assertThat(ids(this.state.list(null, null, "v-data0002"))).doesNotContain(id);
	}

	@Test
	void aRetentionOutsideWholeDaysFromOneToTenThousandIsRefused() {
		for (JsonNode bad : List.<JsonNode>of(IntNode.valueOf(0), IntNode.valueOf(10001), IntNode.valueOf(-1),
				DoubleNode.valueOf(1.5), StringNode.valueOf("7"))) {
			refused(() -> this.state.create(null, new CreateRequest("v-data0002", "bad_retention", "", bad)), 400,
					"InvalidParameter");
		}
	}

	@Test
	void modifyAttributeChangesOnlyWhatItNames() {
		String id = this.state.create(null, new CreateRequest("v-data0002", "before", "first", null));

		this.state.modify(id, new ModifyRequest(null, "second", null));
		assertThat(this.state.snapshot(id).name()).isEqualTo("before");
		assertThat(this.state.snapshot(id).desc()).isEqualTo("second");
		assertThat(this.state.snapshot(id).expireTime()).isNull();

		this.state.modify(id, new ModifyRequest("after", null, IntNode.valueOf(7)));
		assertThat(this.state.snapshot(id).name()).isEqualTo("after");
		assertThat(this.state.snapshot(id).desc()).isEqualTo("second");
		assertThat(this.state.snapshot(id).expireTime()).isEqualTo("2026-11-29T10:00:00Z");
	}

	@Test
	void modifyAttributeRefusesWhatBccRefuses() {
		String id = this.state.create(null, new CreateRequest("v-data0002", "before", "", null));

		refused(() -> this.state.modify(id, new ModifyRequest("not allowed!", null, null)), 400, "InvalidParameter");
		refused(() -> this.state.modify(id, new ModifyRequest(null, null, IntNode.valueOf(0))), 400,
				"InvalidParameter");
		refused(() -> this.state.modify("s-missing1", new ModifyRequest(null, "x", null)), 404, "NoSuchObject");
	}

	@Test
	void aNewSnapshotIsCreatingUntilItsDelayHasPassedAndKeepsItsDiskBusy() {
		String id = this.state.create("tok-1", new CreateRequest("v-data0002", "pre_upgrade", "before upgrade", null));

		assertThat(id).matches("s-[A-Za-z0-9]{8}");
		assertThat(this.state.snapshot(id).status()).isEqualTo("Creating");
		assertThat(this.state.snapshot(id).desc()).isEqualTo("before upgrade");
		assertThat(this.state.volume("v-data0002").status()).isEqualTo("SnapshotProcessing");
		assertThat(ids(this.state.list(null, "1", null))).containsExactly(id);

		this.clock.advance(Duration.ofSeconds(3));
		assertThat(this.state.snapshot(id).status()).isEqualTo("Available");
		assertThat(this.state.snapshot(id).progress()).isEqualTo("100");
		assertThat(this.state.volume("v-data0002").status()).isEqualTo("Available");
	}

	@Test
	void theSameClientTokenWithTheSameRequestGivesTheSameSnapshot() {
		CreateRequest request = new CreateRequest("v-data0002", "pre_upgrade", null, null);
		String first = this.state.create("tok-1", request);
		String again = this.state.create("tok-1", request);

		assertThat(again).isEqualTo(first);
		assertThat(this.state.snapshotsOf("v-data0002")).containsExactly(first, "s-seed0005");
		refused(() -> this.state.create("tok-1", new CreateRequest("v-data0002", "other", null, null)), 409,
				"IdempotentParameterMismatch");
		this.clock.advance(Duration.ofSeconds(3));
		assertThat(this.state.create("tok-2", request)).isNotEqualTo(first);
	}

	@Test
	void aSystemDiskIsSnapshotNamedByItsInstanceAndTheSnapshotNamesTheDisk() {
		String id = this.state.create(null, new CreateRequest("i-sandbox2", "db_os", null, null));

		assertThat(this.state.snapshot(id).volumeId()).isEqualTo("v-system02");
		assertThat(this.state.instance("i-sandbox2").status()).isEqualTo("SnapshotProcessing");
		refused(() -> this.state.create(null, new CreateRequest("i-sandbox2", "db_os_again", null, null)), 409,
				"InstanceStatusConflict");
		this.clock.advance(Duration.ofSeconds(3));
		assertThat(this.state.instance("i-sandbox2").status()).isEqualTo("Stopped");
	}

	@Test
	void aBusyOrMissingDiskOrInstanceIsRefused() {
		refused(() -> this.state.create(null, new CreateRequest("v-data0003", "x", null, null)), 409,
				"VolumeStatusConflict");
		refused(() -> this.state.create(null, new CreateRequest("i-sandbox3", "x", null, null)), 409,
				"InstanceStatusConflict");
		refused(() -> this.state.create(null, new CreateRequest("v-missing1", "x", null, null)), 404, "NoSuchObject");
		refused(() -> this.state.create(null, new CreateRequest("i-missing1", "x", null, null)), 404, "NoSuchObject");
		refused(() -> this.state.create(null, new CreateRequest("v-data0002", "not-valid", null, null)), 400,
				"InvalidParameter");
		refused(() -> this.state.create("x".repeat(64), new CreateRequest("v-data0002", "x", null, null)), 400,
				"InvalidParameter");
	}

	@Test
	void aDiskHoldsNoMoreManualSnapshotsThanItsQuotaWhateverItsAutomaticOnes() {
		for (int i = 0; i < 4; i++) {
			this.state.create(null, new CreateRequest("v-data0001", "n" + i, null, null));
			this.clock.advance(Duration.ofSeconds(3));
		}
		assertThat(this.state.snapshotsOf("v-data0001")).as("four manual, two automatic").hasSize(6);

		refused(() -> this.state.create(null, new CreateRequest("v-data0001", "one_too_many", null, null)), 400,
				"SnapshotQuotaExceeded");
	}

	@Test
	void onlyAvailableOrFailedSnapshotsAreDeletedAndBccAnswers403Otherwise() {
		String id = this.state.create(null, new CreateRequest("v-data0002", "fresh", null, null));

		refused(() -> this.state.delete(id), 403, "OperationNotAllowed");
		this.clock.advance(Duration.ofSeconds(3));
		this.state.delete(id);
		this.state.delete("s-seed0004");

		refused(() -> this.state.snapshot(id), 404, "NoSuchObject");
		refused(() -> this.state.delete(id), 404, "NoSuchObject");
		assertThat(this.state.snapshotsOf("v-data0003")).isEmpty();
	}

	@Test
	void aDetachedDiskRollsBackThroughABusyStateAndBack() {
		this.state.rollBack("v-data0002", "s-seed0005");

		assertThat(this.state.volume("v-data0002").status()).isEqualTo("SnapshotProcessing");
		refused(() -> this.state.delete("s-seed0005"), 403, "OperationNotAllowed");
		refused(() -> this.state.rollBack("v-data0002", "s-seed0005"), 409, "VolumeStatusConflict");
		this.clock.advance(Duration.ofSeconds(3));
		assertThat(this.state.volume("v-data0002").status()).isEqualTo("Available");
	}

	@Test
	void anAttachedCdsDiskIsNotRolledBack() {
		refused(() -> this.state.rollBack("v-data0001", "s-seed0003"), 409, "VolumeStatusConflict");
		assertThat(this.state.volume("v-data0001").status()).isEqualTo("InUse");
	}

	@Test
	void aSystemDiskRollsBackWhileItsInstanceIsRunningOrStopped() {
		this.state.rollBack("v-system01", "s-seed0001");
		assertThat(this.state.volume("v-system01").status()).isEqualTo("SnapshotProcessing");
		this.clock.advance(Duration.ofSeconds(3));
		assertThat(this.state.volume("v-system01").status()).isEqualTo("InUse");

		String busy = this.state.create(null, new CreateRequest("v-system03", "batch_os", null, null));
		this.clock.advance(Duration.ofSeconds(3));
		refused(() -> this.state.rollBack("v-system03", busy), 409, "InstanceStatusConflict");
	}

	@Test
	void aDiskRollsBackOnlyToItsOwnAvailableSnapshots() {
		refused(() -> this.state.rollBack("v-data0002", "s-seed0003"), 404, "NoSuchObject");
		refused(() -> this.state.rollBack("v-missing1", "s-seed0005"), 404, "NoSuchObject");
		String creating = this.state.create(null, new CreateRequest("v-data0002", "fresh", null, null));
		refused(() -> this.state.rollBack("v-data0002", creating), 409, "SnapshotStatusConflict");
	}

	@Test
	void disksAndInstancesAnswerAsBccDoes() {
		BaiduSandboxJson.Volume data = this.state.volume("v-data0001");
		assertThat(data.systemVolume()).isFalse();
		assertThat(data.attachments()).singleElement()
			.satisfies((a) -> assertThat(a.instanceId()).isEqualTo("i-sandbox1"));
		assertThat(this.state.volume("v-data0002").attachments()).isEmpty();
		assertThat(this.state.volume("v-system01").systemVolume()).isTrue();
		assertThat(this.state.instance("i-sandbox1").status()).isEqualTo("Running");
		refused(() -> this.state.instance("i-missing1"), 404, "NoSuchObject");
	}

	private static List<String> ids(SnapshotPage page) {
		return page.snapshots().stream().map(BaiduSandboxJson.Snapshot::id).toList();
	}

	private static void refused(Executable call, int status, String code) {
		assertThatExceptionOfType(BaiduSandboxException.class).isThrownBy(call::execute).satisfies((ex) -> {
			assertThat(ex.status()).isEqualTo(status);
			assertThat(ex.code()).isEqualTo(code);
		});
	}

}
