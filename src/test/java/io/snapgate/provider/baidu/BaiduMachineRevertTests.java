package io.snapgate.provider.baidu;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.snapgate.domain.ConflictException;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.Preview;
import io.snapgate.domain.Restore;
import io.snapgate.domain.RestoreCommand;
import io.snapgate.domain.RestoreHandle;
import io.snapgate.domain.RestoreMode;
import io.snapgate.domain.RestoreStatus;
import io.snapgate.domain.RestoreTarget;
import io.snapgate.provider.StepMark;
import io.snapgate.testing.MutableClock;
import io.snapgate.testing.RememberedText;
import io.snapgate.testing.UpstreamJournal;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.snapgate.provider.baidu.BaiduUpstream.NOW;
import static io.snapgate.provider.baidu.BaiduUpstream.error;
import static io.snapgate.provider.baidu.BaiduUpstream.group;
import static io.snapgate.provider.baidu.BaiduUpstream.groupDisk;
import static io.snapgate.provider.baidu.BaiduUpstream.groupPage;
import static io.snapgate.provider.baidu.BaiduUpstream.instanceReply;
import static io.snapgate.provider.baidu.BaiduUpstream.page;
import static io.snapgate.provider.baidu.BaiduUpstream.snapshot;
import static io.snapgate.provider.baidu.BaiduUpstream.snapshotReply;
import static io.snapgate.provider.baidu.BaiduUpstream.volumeReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A machine is reverted in place disk by disk: every rule for every disk is checked
 * before anything is written, a safety snapshot of each disk is taken first, and each
 * disk's rollback is sent once, in turn, recorded on its safety snapshot, so that a
 * replica that stops half-way leaves a revert another replica finishes.
 */
class BaiduMachineRevertTests {

	private static final String GROUP = "insnap-Web00001";

	private static final String SYSTEM_ROLLBACK = "/v2/volume/v-Sys00001?rollback";

	private static final String DATA_ROLLBACK = "/v2/volume/v-Data0001?rollback";

	private static final RememberedText descriptions = RememberedText.bccDescriptions();

	@RegisterExtension
	static WireMockExtension bcc = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().extensions(descriptions))
		.build();

	private final MutableClock clock = new MutableClock(NOW);

	@BeforeEach
	void stubBcc() {
		bcc.stubFor(post(urlEqualTo("/v2/snapshot/insnap/list")).willReturn(okJson(groupPage(false, "",
				group(GROUP, "i-Web00001", "active", "2026-11-21T10:00:00Z",
						groupDisk("s-Disk0002", "v-Data0001", "Available"),
						groupDisk("s-Disk0001", "v-Sys00001", "Available"))))));
		bcc.stubFor(get("/v2/snapshot/s-Disk0001")
			.willReturn(okJson(snapshotReply("s-Disk0001", "v-Sys00001", "Available"))));
		bcc.stubFor(get("/v2/snapshot/s-Disk0002")
			.willReturn(okJson(snapshotReply("s-Disk0002", "v-Data0001", "Available"))));
		instance("Stopped");
		bcc.stubFor(get("/v2/volume/v-Sys00001")
			.willReturn(okJson(volumeReply("v-Sys00001", "InUse", true, "i-Web00001"))));
		dataDisk("Available");
		bcc.stubFor(get(urlPathEqualTo("/v2/snapshot")).willReturn(okJson(page("", false, ""))));
		bcc.stubFor(post(urlPathEqualTo("/v2/snapshot"))
			.withRequestBody(matchingJsonPath("$.volumeId", equalTo("i-Web00001")))
			.willReturn(okJson("{\"snapshotId\":\"s-Safe0001\"}")));
		bcc.stubFor(post(urlPathEqualTo("/v2/snapshot"))
			.withRequestBody(matchingJsonPath("$.volumeId", equalTo("v-Data0001")))
			.willReturn(okJson("{\"snapshotId\":\"s-Safe0002\"}")));
		safety("s-Safe0001", "i-Web00001", "Available", "Taken before rolling back");
		safety("s-Safe0002", "v-Data0001", "Available", "Taken before rolling back");
		bcc.stubFor(put(urlPathEqualTo("/v2/snapshot/s-Safe0001")).willReturn(aResponse().withStatus(200)));
		bcc.stubFor(put(urlPathEqualTo("/v2/snapshot/s-Safe0002")).willReturn(aResponse().withStatus(200)));
		bcc.stubFor(put(urlEqualTo(SYSTEM_ROLLBACK)).willReturn(aResponse().withStatus(200)));
		bcc.stubFor(put(urlEqualTo(DATA_ROLLBACK)).willReturn(aResponse().withStatus(200)));
	}

	@AfterEach
	void forget() {
		descriptions.clear();
	}

	@Test
	void theStartTakesASafetySnapshotOfEachDiskUnderItsOwnTokenAndRollsNothingBack() {
		safety("s-Safe0001", "i-Web00001", "Creating", "Taken before rolling back");

		Restore restore = provider().restore(revert("key-1"));

		assertThat(restore.status()).isEqualTo(RestoreStatus.PENDING);
		assertThat(restore.target()).isEqualTo(new RestoreTarget.MachineTarget(RestoreMode.IN_PLACE));
		assertThat(restore.handle().value()).startsWith("m1." + GROUP + ".").endsWith(".s-Safe0001.s-Safe0002");
		List<LoggedRequest> creates = bcc.findAll(postRequestedFor(urlPathEqualTo("/v2/snapshot")));
		assertThat(creates).hasSize(2);
		assertThat(creates).extracting((post) -> post.queryParameter("clientToken").firstValue())
			.doesNotHaveDuplicates()
			.allSatisfy((token) -> assertThat(token).hasSize(32));
		creates.forEach((post) -> BaiduUpstream.assertSignedAt(post, NOW));
		assertThat(writes()).allSatisfy((write) -> assertThat(write).startsWith("POST /v2/snapshot?"));
		assertThat(provider().restoreStatus(restore.handle()).status()).as("a safety snapshot is still Creating")
			.isEqualTo(RestoreStatus.PENDING);
		bcc.verify(0, putRequestedFor(urlPathEqualTo("/v2/volume/v-Sys00001")));
	}

	@Test
	void eachDiskIsRolledBackOnceInTurnAndTheRevertSucceedsWhenTheLastHasSettled() {
		BaiduSnapshotProvider provider = provider();
		RestoreHandle handle = handle(NOW);

		Restore first = provider.restoreStatus(handle);
		Restore tooSoon = provider.restoreStatus(handle);
		this.clock.advance(Duration.ofSeconds(3));
		Restore second = provider.restoreStatus(handle);
		this.clock.advance(Duration.ofSeconds(3));
		Restore done = provider.restoreStatus(handle);

		assertThat(first.status()).isEqualTo(RestoreStatus.RUNNING);
		assertThat(first.detail()).startsWith("Disk 1 of 2");
		assertThat(tooSoon.status()).isEqualTo(RestoreStatus.RUNNING);
		assertThat(second.detail()).startsWith("Disk 2 of 2");
		assertThat(done.status()).isEqualTo(RestoreStatus.SUCCEEDED);
		bcc.verify(1, putRequestedFor(urlEqualTo(DATA_ROLLBACK))
			.withRequestBody(equalToJson("{\"snapshotId\":\"s-Disk0002\"}")));
		bcc.verify(1, putRequestedFor(urlEqualTo(SYSTEM_ROLLBACK))
			.withRequestBody(equalToJson("{\"snapshotId\":\"s-Disk0001\"}")));
		List<String> rollbacks = writes().stream().filter((w) -> w.contains("?rollback")).toList();
		assertThat(rollbacks).containsExactly("PUT " + SYSTEM_ROLLBACK, "PUT " + DATA_ROLLBACK);
		BaiduUpstream.assertSignedAt(bcc.findAll(putRequestedFor(urlEqualTo(DATA_ROLLBACK))).getFirst(),
				NOW.plusSeconds(3));
		assertThat(descriptions.of("s-Safe0002")).contains("[snapgate-step:sent:");
		assertThat(descriptions.of("s-Safe0001")).contains("[snapgate-step:sent:");
	}

	@Test
	void aRevertAbandonedByAReplicaAfterTheFirstDiskIsFinishedByAnotherWithoutRepeatingIt() {
		// the first replica sent the system disk's rollback, claimed the data disk's and
		// stopped before sending it
		safety("s-Safe0001", "i-Web00001", "Available",
				StepMark.sent(NOW.minusSeconds(90)).onto("Taken before rolling back"));
		safety("s-Safe0002", "v-Data0001", "Available",
				StepMark.claimed("0123456789abcdef", NOW.minusSeconds(60)).onto("Taken before rolling back"));

		BaiduSnapshotProvider another = provider();
		Restore finishing = another.restoreStatus(handle(NOW.minusSeconds(120)));
		this.clock.advance(Duration.ofSeconds(3));
		Restore finished = another.restoreStatus(handle(NOW.minusSeconds(120)));

		assertThat(finishing.status()).isEqualTo(RestoreStatus.RUNNING);
		assertThat(finishing.detail()).startsWith("Disk 2 of 2").contains("rolled back already: v-Sys00001");
		assertThat(finished.status()).isEqualTo(RestoreStatus.SUCCEEDED);
		bcc.verify(0, putRequestedFor(urlEqualTo(SYSTEM_ROLLBACK)));
		bcc.verify(1, putRequestedFor(urlEqualTo(DATA_ROLLBACK)));
	}

	@Test
	void aClaimLeftWhileTheDiskRollsBackIsMarkedSentWithoutASecondRollback() {
		safety("s-Safe0001", "i-Web00001", "Available",
				StepMark.claimed("0123456789abcdef", NOW.minusSeconds(60)).onto("Taken before rolling back"));
		bcc.stubFor(get("/v2/volume/v-Sys00001")
			.willReturn(okJson(volumeReply("v-Sys00001", "Recharging", true, "i-Web00001"))));

		Restore restore = provider().restoreStatus(handle(NOW.minusSeconds(90)));

		assertThat(restore.status()).isEqualTo(RestoreStatus.RUNNING);
		assertThat(writes()).containsExactly("PUT /v2/snapshot/s-Safe0001?modifyAttribute");
		assertThat(descriptions.of("s-Safe0001"))
			.contains("[snapgate-step:sent:" + NOW.minusSeconds(60).toEpochMilli());
	}

	@Test
	void aRunningInstanceIsRefusedBeforeAnythingIsWritten() {
		instance("Running");

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> provider().restore(revert("key-2")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INSTANCE_BUSY))
			.withMessageContaining("stop it first");
		assertThat(writes()).isEmpty();
	}

	@Test
	void anAttachedDataDiskIsRefusedBeforeAnythingIsWritten() {
		dataDisk("InUse");

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> provider().restore(revert("key-3")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.VOLUME_BUSY))
			.withMessageContaining("Detach every CDS disk");
		assertThat(writes()).isEmpty();
	}

	@Test
	void aGroupNotActiveOrWithoutASafetySnapshotIsRefusedBeforeAnythingIsWritten() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> provider().restore(new RestoreCommand(GROUP,
					new RestoreTarget.MachineTarget(RestoreMode.IN_PLACE), null, false, null)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UNSUPPORTED_FIELD));
		bcc.stubFor(post(urlEqualTo("/v2/snapshot/insnap/list"))
			.willReturn(okJson(groupPage(false, "", group(GROUP, "i-Web00001", "errorRollback", "2026-11-21T10:00:00Z",
					groupDisk("s-Disk0001", "v-Sys00001", "Available"))))));
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> provider().restore(revert("key-4")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SNAPSHOT_BUSY));
		assertThat(writes()).isEmpty();
	}

	@Test
	void aSafetySnapshotBccRefusesStopsTheStartAndTheOnesTakenAreDeleted() {
		bcc.stubFor(post(urlPathEqualTo("/v2/snapshot"))
			.withRequestBody(matchingJsonPath("$.volumeId", equalTo("v-Data0001")))
			.willReturn(aResponse().withStatus(400).withBody(error("SnapshotQuotaExceeded"))));
		bcc.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete("/v2/snapshot/s-Safe0001")
			.willReturn(aResponse().withStatus(200)));

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> provider().restore(revert("key-5")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED));
		bcc.verify(1, deleteRequestedFor(urlEqualTo("/v2/snapshot/s-Safe0001")));
		bcc.verify(0, putRequestedFor(urlEqualTo(DATA_ROLLBACK)));
	}

	@Test
	void aDiskThatFailsStopsTheRevertAndTheFailureTellsWhatIsLeft() {
		safety("s-Safe0001", "i-Web00001", "Available",
				StepMark.sent(NOW.minusSeconds(30)).onto("Taken before rolling back"));
		bcc.stubFor(get("/v2/volume/v-Sys00001")
			.willReturn(okJson(volumeReply("v-Sys00001", "Error", true, "i-Web00001"))));

		Restore failed = provider().restoreStatus(handle(NOW.minusSeconds(60)));

		assertThat(failed.status()).isEqualTo(RestoreStatus.FAILED);
		assertThat(failed.failureReason()).contains("v-Sys00001 as Error")
			.contains("undo with s-Safe0001")
			.contains("not rolled back: v-Data0001");
		bcc.verify(0, putRequestedFor(urlEqualTo(DATA_ROLLBACK)));
	}

	@Test
	void aRepeatUnderTheSameKeyDrivesTheSameRevert() {
		Restore first = provider().restore(revert("key-6"));
		String token = bcc
			.findAll(postRequestedFor(urlPathEqualTo("/v2/snapshot"))
				.withRequestBody(matchingJsonPath("$.volumeId", equalTo("v-Data0001"))))
			.getFirst()
			.queryParameter("clientToken")
			.firstValue();
		String mark = "[snapgate:"
				+ new IdempotencyKey("key-6", "fingerprint-of-the-request").fingerprint().substring(0, 16) + "]";
		bcc.stubFor(get(urlPathEqualTo("/v2/snapshot")).withQueryParam("volumeId", equalTo("v-Data0001"))
			.willReturn(okJson(page("", false, "",
					snapshot("s-Safe0002", "v-Data0001", "Available", "2026-11-22T10:00:00Z")
						.replace("\"snap_Safe0002\"", "\"snapgate_safety_" + token + "\"")
						.replace("\"desc\":\"\"", "\"desc\":\"" + mark + "\"")))));

		Restore again = provider().restore(revert("key-6"));

		assertThat(again.handle().value()).startsWith("m1." + GROUP + ".");
		assertThat(again.status()).isEqualTo(RestoreStatus.RUNNING);
		assertThat(first.status()).isEqualTo(RestoreStatus.PENDING);
		bcc.verify(1, postRequestedFor(urlPathEqualTo("/v2/snapshot"))
			.withRequestBody(matchingJsonPath("$.volumeId", equalTo("v-Data0001"))));
	}

	@Test
	void thePreviewTellsOneRollbackPerDiskInTurnAndWhatIsLeftIfOneFails() {
		Preview preview = provider().previewRestore(revert("key-7"));

		assertThat(preview.actions()).extracting(Preview.Action::change)
			.containsExactly(Preview.Change.CREATE, Preview.Change.CREATE, Preview.Change.OVERWRITE,
					Preview.Change.OVERWRITE);
		assertThat(preview.actions().get(2).description()).startsWith("Rollback 1 of 2: system disk v-Sys00001");
		assertThat(preview.actions().get(3).description()).startsWith("Rollback 2 of 2: CDS disk v-Data0001");
		assertThat(preview.checks()).extracting(Preview.Check::name)
			.contains("SNAPSHOT_AVAILABLE", "INSTANCE_STOPPED", "DISK_DETACHED", "SYSTEM_DISK_READY",
					"ROOM_FOR_SAFETY_SNAPSHOTS");
		assertThat(preview.warnings()).anySatisfy((w) -> assertThat(w).contains("One rollback per disk, sent in turn"))
			.anySatisfy((w) -> assertThat(w).contains("the disks before it stay rolled back"));
		assertThat(writes()).isEmpty();
	}

	/** Every write: BCC lists instance snapshots by POST, which is a read. */
	private static List<String> writes() {
		return UpstreamJournal.writes(bcc).stream().filter((write) -> !write.endsWith("/insnap/list")).toList();
	}

	private BaiduSnapshotProvider provider() {
		return BaiduUpstream.provider(bcc.baseUrl(), this.clock, Duration.ofSeconds(5), null);
	}

	private static RestoreHandle handle(Instant startedAt) {
		return new BaiduMachineRestoreHandle(GROUP, startedAt, List.of("s-Safe0001", "s-Safe0002")).encode();
	}

	private static RestoreCommand revert(@Nullable String key) {
		return new RestoreCommand(GROUP, new RestoreTarget.MachineTarget(RestoreMode.IN_PLACE), null, true,
				(key != null) ? new IdempotencyKey(key, "fingerprint-of-the-request") : null);
	}

	private static void instance(String status) {
		bcc.stubFor(get("/v2/instance/i-Web00001").willReturn(okJson(instanceReply("i-Web00001", status))));
	}

	private static void dataDisk(String status) {
		bcc.stubFor(get("/v2/volume/v-Data0001").willReturn(okJson(volumeReply("v-Data0001", status, false, ""))));
	}

	private static void safety(String id, String disk, String status, String desc) {
		bcc.stubFor(get("/v2/snapshot/" + id)
			.willReturn(okJson("{\"snapshot\":" + snapshot(id, disk, status, "2026-11-22T09:59:58Z")
				.replace("\"desc\":\"\"", "\"desc\":\"" + desc + "\"") + "}")));
	}

}
