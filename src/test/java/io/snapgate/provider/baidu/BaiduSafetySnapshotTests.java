package io.snapgate.provider.baidu;

import java.time.Clock;
import java.time.Duration;
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
import io.snapgate.application.SafetySnapshotGate;
import io.snapgate.application.SnapshotLocator;
import io.snapgate.application.SnapshotWaiter;
import io.snapgate.application.StartedRestore;
import io.snapgate.domain.ConflictException;
import io.snapgate.domain.DiskType;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.Preview;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.domain.Restore;
import io.snapgate.domain.RestoreStatus;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.SnapshotRef;
import io.snapgate.testing.UpstreamJournal;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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
 * An in-place rollback takes a safety snapshot of the disk first, waits for it to be
 * usable, and only then rolls back; a repeat under the same key finds that snapshot and
 * sends nothing; rolling back to the safety snapshot undoes the restore.
 */
class BaiduSafetySnapshotTests {

	private static final String ROLLBACK = "/v2/volume/v-Data0001?rollback";

	private static final String SAFETY_CREATE_TIME = "2026-11-22T09:59:58Z";

	@RegisterExtension
	static WireMockExtension bcc = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void theSafetySnapshotIsTakenAndUsableBeforeTheRollbackIsSent() {
		detachedDiskWithSnapshot();
		noSnapshotsOfTheDisk();
		safetySnapshotCreated();
		safetySnapshotBecomes("Creating", "Available");
		bcc.stubFor(put(urlEqualTo(ROLLBACK)).willReturn(aResponse().withStatus(200)));

		StartedRestore started = service(null).start(rollback("key-1", null));

		Restore restore = started.restore();
		assertThat(restore.status()).isEqualTo(RestoreStatus.RUNNING);
		assertThat(restore.safetySnapshotId()).isEqualTo("s-Safe0001");
		assertThat(restore.startedAt()).hasToString(SAFETY_CREATE_TIME);
		List<String> requests = UpstreamJournal.requests(bcc);
		int safety = indexOf(requests, "POST /v2/snapshot?clientToken=");
		int usable = requests.lastIndexOf("GET /v2/snapshot/s-Safe0001");
		int rolledBack = requests.indexOf("PUT " + ROLLBACK);
		assertThat(safety).isNotNegative().isLessThan(usable);
		assertThat(usable).isLessThan(rolledBack);
		bcc.verify(postRequestedFor(urlPathEqualTo("/v2/snapshot"))
			.withRequestBody(equalToJson("{\"volumeId\":\"v-Data0001\",\"snapshotName\":\"${json-unit.any-string}\","
					+ "\"desc\":\"${json-unit.any-string}\"}")));
		bcc.verify(
				putRequestedFor(urlEqualTo(ROLLBACK)).withRequestBody(equalToJson("{\"snapshotId\":\"s-Snap0001\"}")));
	}

	@Test
	void aDiskStillBusyFromItsSafetySnapshotIsGivenTimeBeforeTheRollback() {
		bcc.stubFor(get("/v2/snapshot/s-Snap0001")
			.willReturn(okJson(snapshotReply("s-Snap0001", "v-Data0001", "Available"))));
		String state = Scenario.STARTED;
		String[] states = { "Available", "SnapshotProcessing", "Available" };
		for (int i = 0; i < states.length; i++) {
			String next = "disk-" + (i + 1);
			bcc.stubFor(get("/v2/volume/v-Data0001").inScenario("disk")
				.whenScenarioStateIs(state)
				.willReturn(okJson(volumeReply("v-Data0001", states[i], false, "")))
				.willSetStateTo((i + 1 < states.length) ? next : state));
			state = (i + 1 < states.length) ? next : state;
		}
		noSnapshotsOfTheDisk();
		safetySnapshotCreated();
		safetySnapshotBecomes("Available");
		bcc.stubFor(put(urlEqualTo(ROLLBACK)).willReturn(aResponse().withStatus(200)));

		Restore restore = service(null).start(rollback("key-busy", null)).restore();

		assertThat(restore.status()).isEqualTo(RestoreStatus.RUNNING);
		bcc.verify(1, putRequestedFor(urlEqualTo(ROLLBACK)));
	}

	@Test
	void aSafetySnapshotThatFailsStopsTheRollbackBeforeItStarts() {
		detachedDiskWithSnapshot();
		noSnapshotsOfTheDisk();
		safetySnapshotCreated();
		safetySnapshotBecomes("Creating", "CreatedFailed");

		assertThatExceptionOfType(SnapGateException.class)
			.isThrownBy(() -> service(null).start(rollback("key-2", null)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SAFETY_SNAPSHOT_FAILED))
			.withMessageContaining("nothing was rolled back");
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
	void aRepeatUnderTheSameKeyFindsTheSafetySnapshotAndSendsNothing() {
		detachedDiskWithSnapshot();
		bcc.stubFor(get(urlPathEqualTo("/v2/snapshot")).inScenario("disk")
			.whenScenarioStateIs(Scenario.STARTED)
			.withQueryParam("volumeId", equalTo("v-Data0001"))
			.willReturn(okJson(page("", false, ""))));
		safetySnapshotCreated();
		safetySnapshotBecomes("Available");
		bcc.stubFor(put(urlEqualTo(ROLLBACK)).inScenario("disk")
			.willReturn(aResponse().withStatus(200))
			.willSetStateTo("rolled back"));
		RestoreService replica = service(null);
		Restore first = replica.start(rollback("key-6", null)).restore();
		String name = bcc.getAllServeEvents()
			.stream()
			.filter((event) -> event.getRequest().getMethod().getName().equals("POST"))
			.map((event) -> JsonMapper.shared()
				.readTree(event.getRequest().getBodyAsString())
				.get("snapshotName")
				.asString())
			.findFirst()
			.orElseThrow();
		String desc = JsonMapper.shared()
			.readTree(bcc.getAllServeEvents()
				.stream()
				.filter((event) -> event.getRequest().getMethod().getName().equals("POST"))
				.findFirst()
				.orElseThrow()
				.getRequest()
				.getBodyAsString())
			.get("desc")
			.asString();
		bcc.stubFor(get(urlPathEqualTo("/v2/snapshot")).inScenario("disk")
			.whenScenarioStateIs("rolled back")
			.withQueryParam("volumeId", equalTo("v-Data0001"))
			.willReturn(okJson(page("", false, "", safetySnapshotJson(name, desc)))));

		// the disk is busy with the very rollback the repeat asks for
		bcc.stubFor(get("/v2/volume/v-Data0001")
			.willReturn(okJson(volumeReply("v-Data0001", "SnapshotProcessing", false, ""))));

		Restore again = service(null).start(rollback("key-6", null)).restore();

		assertThat(again.handle()).as("the same restore, from another replica").isEqualTo(first.handle());
		assertThat(again.safetySnapshotId()).isEqualTo("s-Safe0001");
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
		assertThat(preview.actions().get(1).id()).isEqualTo("v-Data0001");
		assertThat(preview.actions().get(1).sizeGb()).isEqualTo(40L);
		assertThat(preview.checks()).extracting(Preview.Check::name)
			.contains("IN_PLACE_CONFIRMED", "SNAPSHOT_AVAILABLE", "DISK_DETACHED", "ROOM_FOR_SAFETY_SNAPSHOT");
		assertThat(preview.warnings()).anySatisfy((warning) -> assertThat(warning).contains("is lost"));
		assertThat(UpstreamJournal.writes(bcc)).isEmpty();
	}

	@Test
	void theStatusShowsTheSafetySnapshotsProgressAndFailure() {
		BaiduSnapshotProvider provider = BaiduUpstream.provider(bcc.baseUrl(), BaiduUpstream.fixedClock());
		var handle = new BaiduRestoreHandle("v-Data0001", "s-Snap0001", BaiduUpstream.NOW, DiskType.CDS, "s-Safe0001")
			.encode();
		bcc.stubFor(get("/v2/snapshot/s-Safe0001")
			.willReturn(okJson("{\"snapshot\":" + snapshot("s-Safe0001", "v-Data0001", "Creating", SAFETY_CREATE_TIME)
				.replace("\"progress\":\"100\"", "\"progress\":\"40\"") + "}")));

		Restore pending = provider.restoreStatus(handle);

		assertThat(pending.status()).isEqualTo(RestoreStatus.PENDING);
		assertThat(pending.progress()).isEqualTo(40);
		bcc.stubFor(get("/v2/snapshot/s-Safe0001")
			.willReturn(okJson(snapshotReply("s-Safe0001", "v-Data0001", "CreatedFailed"))));
		Restore failed = provider.restoreStatus(handle);
		assertThat(failed.status()).isEqualTo(RestoreStatus.FAILED);
		assertThat(failed.failureReason()).contains("s-Safe0001").contains("not rolled back");
	}

	private static RestoreService service(@Nullable Integer quota) {
		Clock clock = BaiduUpstream.fixedClock();
		BaiduSnapshotProvider provider = BaiduUpstream.provider(bcc.baseUrl(), clock, Duration.ofSeconds(5), quota);
		ProviderAccess access = ProviderAccess.unrestricted(new ProviderRegistry(List.of(provider)));
		return new RestoreService(access, new SnapshotLocator(access), new AuditLog(CallerIdentity.ANONYMOUS),
				new SafetySnapshotGate(new SnapshotWaiter(Duration.ofSeconds(5), Duration.ofMillis(10)),
						Duration.ofSeconds(5)),
				clock);
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

	private static int indexOf(List<String> requests, String prefix) {
		for (int i = 0; i < requests.size(); i++) {
			if (requests.get(i).startsWith(prefix)) {
				return i;
			}
		}
		return -1;
	}

}
