package io.snapgate.provider.baidu;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.snapgate.application.AuditLog;
import io.snapgate.application.CallerIdentity;
import io.snapgate.application.NewRestore;
import io.snapgate.application.PreviewResult;
import io.snapgate.application.ProviderAccess;
import io.snapgate.application.RestoreService;
import io.snapgate.application.RestoreTargetType;
import io.snapgate.application.RestoreFollower;
import io.snapgate.application.SnapshotLocator;
import io.snapgate.domain.ConflictException;
import io.snapgate.domain.DiskType;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Preview;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.domain.Restore;
import io.snapgate.domain.RestoreHandle;
import io.snapgate.domain.RestoreStatus;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.SnapshotRef;
import io.snapgate.provider.StepMark;
import io.snapgate.testing.MutableClock;
import io.snapgate.testing.RememberedText;
import io.snapgate.testing.UpstreamJournal;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.snapgate.provider.baidu.BaiduUpstream.error;
import static io.snapgate.provider.baidu.BaiduUpstream.page;
import static io.snapgate.provider.baidu.BaiduUpstream.snapshot;
import static io.snapgate.provider.baidu.BaiduUpstream.snapshotReply;
import static io.snapgate.provider.baidu.BaiduUpstream.volumeReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An in-place rollback takes a safety snapshot of the disk first, kept for a retention,
 * and answers at once; the rollback is sent by the first read once the safety snapshot is
 * usable, once, and marked sent on the safety snapshot; a repeat under the same key finds
 * that snapshot and drives the same restore; rolling back to the safety snapshot undoes
 * the restore.
 */
class BaiduSafetySnapshotTests {

	private static final String ROLLBACK = "/v2/volume/v-Data0001?rollback";

	private static final String MODIFY = "/v2/snapshot/s-Safe0001?modifyAttribute";

	private static final String SAFETY_CREATE_TIME = "2026-11-22T09:59:58Z";

	private static final RememberedText descriptions = RememberedText.bccDescriptions();

	@RegisterExtension
	static WireMockExtension bcc = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().extensions(descriptions))
		.build();

	private final MutableClock clock = new MutableClock(BaiduUpstream.NOW);

	@AfterEach
	void forget() {
		descriptions.clear();
	}

	@Test
	void theStartTakesTheSafetySnapshotWithItsRetentionAndAnswersAtOnce() {
		detachedDiskWithSnapshot();
		noSnapshotsOfTheDisk();
		safetySnapshotCreated();
		safetySnapshotBecomes("Creating");

		Restore restore = service(null).start(rollback("key-1", null)).restore();

		assertThat(restore.status()).isEqualTo(RestoreStatus.PENDING);
		assertThat(restore.safetySnapshotId()).isEqualTo("s-Safe0001");
		assertThat(restore.startedAt()).hasToString(SAFETY_CREATE_TIME);
		bcc.verify(postRequestedFor(urlPathEqualTo("/v2/snapshot"))
			.withRequestBody(equalToJson("{\"volumeId\":\"v-Data0001\",\"snapshotName\":\"${json-unit.any-string}\","
					+ "\"desc\":\"${json-unit.any-string}\",\"retentionInDays\":7}")));
		assertThat(UpstreamJournal.writes(bcc)).singleElement().asString().startsWith("POST /v2/snapshot?clientToken=");
	}

	@Test
	void theFirstReadOnceTheSafetySnapshotIsUsableSendsTheRollbackOnceAndMarksItSent() {
		detachedDiskWithSnapshot();
		safetySnapshotBecomes("Available");
		modifyAccepted();
		bcc.stubFor(put(urlEqualTo(ROLLBACK)).willReturn(aResponse().withStatus(200)));
		BaiduSnapshotProvider provider = provider();
		RestoreHandle handle = handle(BaiduUpstream.NOW);

		Restore sent = provider.restoreStatus(handle);

		assertThat(sent.status()).isEqualTo(RestoreStatus.RUNNING);
		assertThat(UpstreamJournal.writes(bcc)).containsExactly("PUT " + MODIFY, "PUT " + ROLLBACK, "PUT " + MODIFY);
		assertThat(descriptions.of("s-Safe0001")).contains("[snapgate-step:sent:" + BaiduUpstream.NOW.toEpochMilli());
		bcc.verify(
				putRequestedFor(urlEqualTo(ROLLBACK)).withRequestBody(equalToJson("{\"snapshotId\":\"s-Snap0001\"}")));
		assertThat(provider.restoreStatus(handle).status()).as("settled too soon after the rollback to tell")
			.isEqualTo(RestoreStatus.RUNNING);
		this.clock.advance(Duration.ofSeconds(3));
		assertThat(provider.restoreStatus(handle).status()).isEqualTo(RestoreStatus.SUCCEEDED);
		bcc.verify(1, putRequestedFor(urlEqualTo(ROLLBACK)));
	}

	@Test
	void aRollbackRefusedForNowIsNeverReportedDoneAndIsSentByALaterRead() {
		detachedDiskWithSnapshot();
		safetySnapshotBecomes("Available");
		modifyAccepted();
		bcc.stubFor(put(urlEqualTo(ROLLBACK)).inScenario("refused")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(409).withBody(error("VolumeStatusConflict")))
			.willSetStateTo("accepted"));
		bcc.stubFor(put(urlEqualTo(ROLLBACK)).inScenario("refused")
			.whenScenarioStateIs("accepted")
			.willReturn(aResponse().withStatus(200)));
		BaiduSnapshotProvider provider = provider();
		RestoreHandle handle = handle(BaiduUpstream.NOW);

		Restore refused = provider.restoreStatus(handle);
		this.clock.advance(Duration.ofMinutes(1));
		Restore stillDue = provider.restoreStatus(handle);

		assertThat(refused.status()).isEqualTo(RestoreStatus.PENDING);
		assertThat(refused.detail()).startsWith("Waiting to roll back");
		assertThat(stillDue.status()).isEqualTo(RestoreStatus.RUNNING);
		bcc.verify(2, putRequestedFor(urlEqualTo(ROLLBACK)));
		assertThat(descriptions.of("s-Safe0001")).contains("[snapgate-step:sent:");
	}

	@Test
	void aClaimLeftByAReplicaThatStoppedWhileTheDiskRollsBackIsMarkedSentWithoutASecondRollback() {
		detachedDiskWithSnapshot();
		safetySnapshotWithDescription(StepMark.claimed("0123456789abcdef", BaiduUpstream.NOW.minusSeconds(60))
			.onto("Taken before rolling back"));
		modifyAccepted();
		bcc.stubFor(get("/v2/volume/v-Data0001")
			.willReturn(okJson(volumeReply("v-Data0001", "SnapshotProcessing", false, ""))));

		Restore restore = provider().restoreStatus(handle(BaiduUpstream.NOW.minusSeconds(90)));

		assertThat(restore.status()).isEqualTo(RestoreStatus.RUNNING);
		assertThat(UpstreamJournal.writes(bcc)).containsExactly("PUT " + MODIFY);
		assertThat(descriptions.of("s-Safe0001"))
			.endsWith("[snapgate-step:sent:" + BaiduUpstream.NOW.minusSeconds(60).toEpochMilli() + "]");
	}

	@Test
	void aClaimLeftByAReplicaThatStoppedWithTheDiskSettledIsSentAgainWithinTheDeadline() {
		detachedDiskWithSnapshot();
		safetySnapshotWithDescription(StepMark.claimed("0123456789abcdef", BaiduUpstream.NOW.minusSeconds(60))
			.onto("Taken before rolling back"));
		modifyAccepted();
		bcc.stubFor(put(urlEqualTo(ROLLBACK)).willReturn(aResponse().withStatus(200)));

		Restore restore = provider().restoreStatus(handle(BaiduUpstream.NOW.minusSeconds(90)));

		assertThat(restore.status()).isEqualTo(RestoreStatus.RUNNING);
		bcc.verify(1, putRequestedFor(urlEqualTo(ROLLBACK)));
	}

	@Test
	void pastTheDeadlineAClaimLeftBehindIsReportedAsUnknownAndNothingIsSent() {
		detachedDiskWithSnapshot();
		safetySnapshotWithDescription(StepMark.claimed("0123456789abcdef", BaiduUpstream.NOW.minusSeconds(600))
			.onto("Taken before rolling back"));

		Restore restore = provider().restoreStatus(handle(BaiduUpstream.NOW.minus(Duration.ofMinutes(11))));

		assertThat(restore.status()).isEqualTo(RestoreStatus.FAILED);
		assertThat(restore.failureReason()).contains("cannot tell whether BCC received it")
			.contains("roll back to the safety snapshot s-Safe0001");
		assertThat(UpstreamJournal.writes(bcc)).isEmpty();
	}

	@Test
	void pastTheDeadlineARollbackNeverSentIsFailedAndNeverSent() {
		detachedDiskWithSnapshot();
		safetySnapshotBecomes("Available");

		Restore restore = provider().restoreStatus(handle(BaiduUpstream.NOW.minus(Duration.ofMinutes(11))));

		assertThat(restore.status()).isEqualTo(RestoreStatus.FAILED);
		assertThat(restore.failureReason()).contains("not sent within PT10M").contains("not rolled back");
		assertThat(UpstreamJournal.writes(bcc)).isEmpty();
	}

	@Test
	void aRestoreWhoseSafetySnapshotIsGoneIsNoLongerFound() {
		bcc.stubFor(
				get("/v2/snapshot/s-Safe0001").willReturn(aResponse().withStatus(404).withBody(error("NoSuchObject"))));

		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> provider().restoreStatus(handle(BaiduUpstream.NOW)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.RESTORE_NOT_FOUND))
			.withMessageContaining("no longer exists");
	}

	@Test
	void aSafetySnapshotThatFailsStopsTheRollbackBeforeItStarts() {
		detachedDiskWithSnapshot();
		safetySnapshotBecomes("CreatedFailed");

		Restore restore = provider().restoreStatus(handle(BaiduUpstream.NOW));

		assertThat(restore.status()).isEqualTo(RestoreStatus.FAILED);
		assertThat(restore.failureReason()).contains("s-Safe0001").contains("not rolled back");
		bcc.verify(0, putRequestedFor(anyUrl()));
	}

	@Test
	void aSafetySnapshotRefusedByBccStopsTheRollback() {
		detachedDiskWithSnapshot();
		noSnapshotsOfTheDisk();
		bcc.stubFor(post(urlPathEqualTo("/v2/snapshot")).willReturn(aResponse().withStatus(500)
			.withHeader("Content-Type", "application/json")
			.withBody(error("InternalError"))));

		assertThatExceptionOfType(SnapGateException.class)
			.isThrownBy(() -> service(null).start(rollback("key-3", null)));
		bcc.verify(0, putRequestedFor(anyUrl()));
	}

	@Test
	void aQuotaRefusalOfTheSafetySnapshotIsAConflictThatSaysWhatToDo() {
		detachedDiskWithSnapshot();
		noSnapshotsOfTheDisk();
		bcc.stubFor(post(urlPathEqualTo("/v2/snapshot")).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody(error("SnapshotQuotaExceeded"))));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> service(null).start(rollback("key-4", null)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED))
			.withMessageContaining("\"safetySnapshot\": false")
			.withMessageContaining("nothing was rolled back");
		bcc.verify(0, putRequestedFor(anyUrl()));
	}

	@Test
	void aKnownQuotaWithoutRoomIsRefusedBeforeAnythingIsSentAndThePreviewSaysTheSame() {
		detachedDiskWithSnapshot();
		bcc.stubFor(
				get(urlPathEqualTo("/v2/snapshot")).withQueryParam("volumeId", equalTo("v-Data0001"))
					.willReturn(okJson(
							page("", false, "", snapshot("s-Snap0001", "v-Data0001", "Available", SAFETY_CREATE_TIME),
									snapshot("s-Snap0002", "v-Data0001", "Available", SAFETY_CREATE_TIME)))));
		RestoreService service = service(2);

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> service.start(rollback("key-5", null)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED));
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> service.preview(rollback("key-5", null)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED));
		assertThat(UpstreamJournal.writes(bcc)).isEmpty();
	}

	@Test
	void aRepeatUnderTheSameKeyFindsTheSafetySnapshotAndDrivesTheSameRestore() {
		detachedDiskWithSnapshot();
		bcc.stubFor(get(urlPathEqualTo("/v2/snapshot")).withQueryParam("volumeId", equalTo("v-Data0001"))
			.willReturn(okJson(page("", false, ""))));
		safetySnapshotCreated();
		safetySnapshotBecomes("Creating");
		modifyAccepted();
		bcc.stubFor(put(urlEqualTo(ROLLBACK)).willReturn(aResponse().withStatus(200)));
		Restore first = service(null).start(rollback("key-6", null)).restore();
		JsonNode asked = JsonMapper.shared()
			.readTree(bcc.findAll(postRequestedFor(urlPathEqualTo("/v2/snapshot"))).getFirst().getBodyAsString());
		String name = asked.get("snapshotName").asString();
		String desc = asked.get("desc").asString();
		bcc.stubFor(get(urlPathEqualTo("/v2/snapshot")).withQueryParam("volumeId", equalTo("v-Data0001"))
			.willReturn(okJson(page("", false, "", safetySnapshotJson(name, desc)))));
		safetySnapshotWithDescription(desc);

		Restore again = service(null).start(rollback("key-6", null)).restore();
		Restore thrice = service(null).start(rollback("key-6", null)).restore();

		assertThat(first.status()).isEqualTo(RestoreStatus.PENDING);
		assertThat(again.handle()).as("the same restore, from another replica").isEqualTo(first.handle());
		assertThat(again.status()).isEqualTo(RestoreStatus.RUNNING);
		assertThat(thrice.handle()).isEqualTo(first.handle());
		bcc.verify(1, postRequestedFor(urlPathEqualTo("/v2/snapshot")));
		bcc.verify(1, putRequestedFor(urlEqualTo(ROLLBACK)));
		bcc.stubFor(get("/v2/snapshot/s-Snap0002")
			.willReturn(okJson(snapshotReply("s-Snap0002", "v-Data0001", "Available"))));
		assertThatExceptionOfType(IdempotencyKeyReusedException.class).as("the same key with another body")
			.isThrownBy(() -> service(null).start(new NewRestore(SnapshotRef.parse("baidu-bj:s-Snap0002"),
					RestoreTargetType.VOLUME, null, null, true, null, "key-6")));
		bcc.verify(1, putRequestedFor(urlEqualTo(ROLLBACK)));
	}

	@Test
	void rollingBackToTheSafetySnapshotIsTheUndo() {
		bcc.stubFor(get("/v2/snapshot/s-Safe0001")
			.willReturn(okJson(snapshotReply("s-Safe0001", "v-Data0001", "Available"))));
		bcc.stubFor(get("/v2/volume/v-Data0001").willReturn(okJson(volumeReply("v-Data0001", "Available", false, ""))));
		bcc.stubFor(put(urlEqualTo(ROLLBACK)).willReturn(aResponse().withStatus(200)));

		service(null).start(new NewRestore(SnapshotRef.parse("baidu-bj:s-Safe0001"), RestoreTargetType.VOLUME, null,
				null, true, false, null));

		bcc.verify(
				putRequestedFor(urlEqualTo(ROLLBACK)).withRequestBody(equalToJson("{\"snapshotId\":\"s-Safe0001\"}")));
		bcc.verify(0, postRequestedFor(anyUrl()));
	}

	@Test
	void aKeyWithoutASafetySnapshotIsRefusedForNothingWouldTellARepeatApart() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> service(null).start(rollback("key-7", false)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UNSUPPORTED_FIELD));
		assertThat(UpstreamJournal.requests(bcc)).isEmpty();
	}

	@Test
	void aPreviewTellsTheSafetySnapshotAndTheOverwriteAndWritesNothing() {
		detachedDiskWithSnapshot();
		noSnapshotsOfTheDisk();

		PreviewResult result = service(null).preview(rollback("key-8", null));

		Preview preview = result.preview();
		assertThat(preview.actions()).extracting(Preview.Action::change)
			.containsExactly(Preview.Change.CREATE, Preview.Change.OVERWRITE);
		assertThat(preview.actions().get(0).description()).contains("kept 7 days");
		assertThat(preview.actions().get(1).id()).isEqualTo("v-Data0001");
		assertThat(preview.actions().get(1).sizeGb()).isEqualTo(40L);
		assertThat(preview.checks()).extracting(Preview.Check::name)
			.contains("IN_PLACE_CONFIRMED", "SNAPSHOT_AVAILABLE", "DISK_DETACHED", "ROOM_FOR_SAFETY_SNAPSHOT");
		assertThat(preview.warnings()).anySatisfy((warning) -> assertThat(warning).contains("is lost"));
		assertThat(UpstreamJournal.writes(bcc)).isEmpty();
	}

	@Test
	void theStatusShowsTheSafetySnapshotsProgress() {
		bcc.stubFor(get("/v2/snapshot/s-Safe0001")
			.willReturn(okJson("{\"snapshot\":" + snapshot("s-Safe0001", "v-Data0001", "Creating", SAFETY_CREATE_TIME)
				.replace("\"progress\":\"100\"", "\"progress\":\"40\"") + "}")));

		Restore pending = provider().restoreStatus(handle(BaiduUpstream.NOW));

		assertThat(pending.status()).isEqualTo(RestoreStatus.PENDING);
		assertThat(pending.progress()).isEqualTo(40);
		assertThat(UpstreamJournal.writes(bcc)).isEmpty();
	}

	private BaiduSnapshotProvider provider() {
		return BaiduUpstream.provider(bcc.baseUrl(), this.clock, Duration.ofSeconds(5), null);
	}

	private static RestoreHandle handle(Instant startedAt) {
		return new BaiduRestoreHandle("v-Data0001", "s-Snap0001", startedAt, DiskType.CDS, "s-Safe0001").encode();
	}

	private static void modifyAccepted() {
		bcc.stubFor(put(urlEqualTo(MODIFY)).willReturn(aResponse().withStatus(200)));
	}

	private static void safetySnapshotWithDescription(String desc) {
		bcc.stubFor(get("/v2/snapshot/s-Safe0001")
			.willReturn(okJson("{\"snapshot\":" + safetySnapshotJson("snapgate_safety_x", desc) + "}")));
	}

	private RestoreService service(@Nullable Integer quota) {
		BaiduSnapshotProvider provider = BaiduUpstream.provider(bcc.baseUrl(), this.clock, Duration.ofSeconds(5),
				quota);
		ProviderAccess access = ProviderAccess.unrestricted(new ProviderRegistry(List.of(provider)));
		return new RestoreService(access, new SnapshotLocator(access), new AuditLog(CallerIdentity.ANONYMOUS),
				RestoreFollower.NONE, this.clock);
	}

	private static NewRestore rollback(@Nullable String key, @Nullable Boolean safetySnapshot) {
		return new NewRestore(SnapshotRef.parse("baidu-bj:s-Snap0001"), RestoreTargetType.VOLUME, null, null, true,
				safetySnapshot, key);
	}

	private static void detachedDiskWithSnapshot() {
		bcc.stubFor(get("/v2/snapshot/s-Snap0001")
			.willReturn(okJson(snapshotReply("s-Snap0001", "v-Data0001", "Available"))));
		bcc.stubFor(get("/v2/volume/v-Data0001").willReturn(okJson(volumeReply("v-Data0001", "Available", false, ""))));
	}

	private static void noSnapshotsOfTheDisk() {
		bcc.stubFor(get(urlPathEqualTo("/v2/snapshot")).withQueryParam("volumeId", equalTo("v-Data0001"))
			.willReturn(okJson(page("", false, ""))));
	}

	private static void safetySnapshotCreated() {
		bcc.stubFor(post(urlPathEqualTo("/v2/snapshot")).willReturn(okJson("{\"snapshotId\":\"s-Safe0001\"}")));
	}

	private static void safetySnapshotBecomes(String... statuses) {
		String state = Scenario.STARTED;
		for (int i = 0; i < statuses.length; i++) {
			String next = (i + 1 < statuses.length) ? "safety-" + (i + 1) : state;
			bcc.stubFor(get("/v2/snapshot/s-Safe0001").inScenario("safety")
				.whenScenarioStateIs(state)
				.willReturn(okJson(
						"{\"snapshot\":" + snapshot("s-Safe0001", "v-Data0001", statuses[i], SAFETY_CREATE_TIME) + "}"))
				.willSetStateTo(next));
			state = next;
		}
	}

	private static String safetySnapshotJson(String name, String desc) {
		return snapshot("s-Safe0001", "v-Data0001", "Available", SAFETY_CREATE_TIME)
			.replace("\"name\":\"snap_Safe0001\"", "\"name\":\"" + name + "\"")
			.replace("\"desc\":\"\"", "\"desc\":" + JsonMapper.shared().writeValueAsString(desc));
	}

}
