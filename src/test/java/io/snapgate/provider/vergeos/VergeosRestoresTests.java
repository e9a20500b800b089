package io.snapgate.provider.vergeos;

import java.time.Instant;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.snapgate.domain.ConflictException;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.MemberType;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Preview;
import io.snapgate.domain.Restore;
import io.snapgate.domain.RestoreCommand;
import io.snapgate.domain.RestoreHandle;
import io.snapgate.domain.RestoreMode;
import io.snapgate.domain.RestoreStatus;
import io.snapgate.domain.RestoreTarget;
import io.snapgate.testing.RememberedText;
import io.snapgate.testing.UpstreamJournal;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.snapgate.provider.vergeos.VergeosFixtures.NOW;
import static io.snapgate.provider.vergeos.VergeosFixtures.vmRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Restoring VMs and tenants as copies, recognising a repeat of a keyed restore from what
 * VergeOS keeps, previewing one without a write, and following a restore on its member
 * row.
 */
class VergeosRestoresTests {

	private static final String VM_ROW = "/api/v4/cloud_snapshot_vms/100";

	private static final String VM_RECOVER = "/api/v4/cloud_snapshot_vm_actions";

	private static final String PROFILES = "/api/v4/snapshot_profiles";

	private static final RememberedText descriptions = RememberedText.vergeosProfileDescriptions();

	@RegisterExtension
	static final WireMockExtension vergeos = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().extensions(descriptions))
		.build();

	@BeforeEach
	void noRecords() {
		vergeos.stubFor(get(urlPathEqualTo(PROFILES)).atPriority(10).willReturn(okJson("[]")));
	}

	@AfterEach
	void forget() {
		descriptions.clear();
	}

	private final VergeosSnapshotProvider provider = VergeosFixtures.provider(VergeosFixtures.basic(vergeos.baseUrl()));

	@Test
	void aVmIsRecoveredAsANamedCopyAndFollowedOnItsMemberRow() {
		memberRow("idle", "");
		noVmNamed("web-01-restored");
		vergeos.stubFor(post(urlPathEqualTo(VM_RECOVER))
			.withRequestBody(
					equalToJson("{\"action\":\"recover\",\"params\":{\"rows\":[100],\"name\":\"web-01-restored\"}}"))
			.willReturn(aResponse().withStatus(201).withBody("{\"$key\":\"5\"}")));

		Restore restore = this.provider.restore(vm("web-01-restored", null));

		assertThat(restore.status()).isEqualTo(RestoreStatus.PENDING);
		assertThat(restore.mode()).isEqualTo(RestoreMode.NEW_COPY);
		assertThat(restore.startedAt()).isEqualTo(NOW);
		assertThat(restore.restoredName()).isEqualTo("web-01-restored");
		assertThat(restore.handle().value()).hasSizeLessThanOrEqualTo(RestoreHandle.MAX_LENGTH);

		for (String[] step : new String[][] { { "idle", "PENDING" }, { "importing", "RUNNING" },
				{ "complete", "SUCCEEDED" }, { "error", "FAILED" } }) {
			vergeos.stubFor(get(urlPathEqualTo(VM_ROW))
				.withQueryParam("fields", equalTo("$key,cloud_snapshot,name,status,status_info"))
				.willReturn(okJson(vmRow(100, 12, "web-01", step[0]))));

			Restore status = this.provider.restoreStatus(restore.handle());

			assertThat(status.status()).isEqualTo(RestoreStatus.valueOf(step[1]));
			assertThat(status.snapshotNativeId()).isEqualTo("12");
			assertThat(status.target()).isEqualTo(new RestoreTarget.MemberTarget(MemberType.VM, "100"));
			assertThat(status.startedAt()).isEqualTo(NOW);
			assertThat(status.restoredName()).isEqualTo("web-01-restored");
		}
	}

	@Test
	void aFailedRecoveryCarriesVergeosOwnWordsBoundedAndPrintable() {
		memberRow("error", "Import failed:\u0007 disk\u0000 unreadable " + "x".repeat(900));

		Restore status = this.provider
			.restoreStatus(new VergeosRestoreHandle(MemberType.VM, "100", "12", NOW, "web-01-restored", null).encode());

		assertThat(status.status()).isEqualTo(RestoreStatus.FAILED);
		assertThat(status.failureReason()).startsWith("Import failed: disk unreadable xxx")
			.doesNotContainPattern("\\p{Cntrl}")
			.hasSizeLessThanOrEqualTo(500);
	}

	@Test
	void aTenantIsRecoveredUnderTheNameVergeosChooses() {
		vergeos.stubFor(post(urlPathEqualTo("/api/v4/cloud_snapshot_tenant_actions"))
			.withRequestBody(equalToJson("{\"action\":\"recover\",\"params\":{\"rows\":[200]}}"))
			.willReturn(aResponse().withStatus(200)));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshot_tenants/200")).willReturn(okJson(
				"{\"$key\":200,\"cloud_snapshot\":12,\"name\":\"acme\",\"status\":\"complete\",\"status_info\":\"Restored to: acme (1)\"}")));

		Restore restore = this.provider.restore(
				new RestoreCommand("12", new RestoreTarget.MemberTarget(MemberType.TENANT, "200"), null, false, null));
		Restore status = this.provider.restoreStatus(restore.handle());

		assertThat(status.status()).isEqualTo(RestoreStatus.SUCCEEDED);
		assertThat(status.restoredName()).isEqualTo("acme (1)");
		vergeos.verify(1, postRequestedFor(urlPathEqualTo("/api/v4/cloud_snapshot_tenant_actions")));
	}

	@Test
	void aKeyedRestoreIsRecordedBeforeItsRecoveryAndARepeatFindsTheRecordAndSendsNothing() {
		IdempotencyKey key = key("k-1");
		vergeos.stubFor(get(urlPathEqualTo(VM_ROW)).inScenario("recovery")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(vmRow(100, 12, "web-01", "idle"))));
		noVmNamed("web-01-restored");
		noRecordYet(key);
		vergeos.stubFor(post(urlPathEqualTo(PROFILES))
			.withRequestBody(
					equalToJson("{\"name\":\"" + recordName(key) + "\",\"description\":\"${json-unit.any-string}\"}"))
			.willReturn(aResponse().withStatus(201).withBody("{\"$key\":\"40\"}")));
		vergeos.stubFor(get(urlPathEqualTo(PROFILES)).withQueryParam("filter", equalTo("name ct 'snapgate-restore-'"))
			.willReturn(okJson("[]")));
		vergeos.stubFor(post(urlPathEqualTo(VM_RECOVER)).inScenario("recovery")
			.willReturn(aResponse().withStatus(201).withBody("{\"$key\":\"5\"}"))
			.willSetStateTo("recovering"));
		vergeos.stubFor(put(urlPathEqualTo(PROFILES + "/40")).willReturn(okJson("{}")));
		vergeos.stubFor(get(urlPathEqualTo(VM_ROW)).inScenario("recovery")
			.whenScenarioStateIs("recovering")
			.willReturn(okJson(row("importing", "Restored to: web-01-restored"))));

		Restore first = this.provider.restore(vm("web-01-restored", key));
		recorded(key, key.fingerprint().substring(0, 12), true);
		Restore again = this.provider.restore(vm("web-01-restored", key));

		assertThat(UpstreamJournal.writes(vergeos)).containsExactly("POST /api/v4/snapshot_profiles",
				"POST " + VM_RECOVER, "PUT /api/v4/snapshot_profiles/40");
		vergeos.verify(putRequestedFor(urlPathEqualTo(PROFILES + "/40"))
			.withRequestBody(matchingJsonPath("$.description", containing("[snapgate-step:sent:"))));
		assertThat(again.handle()).isEqualTo(first.handle());
		assertThat(again.status()).isEqualTo(RestoreStatus.RUNNING);
		assertThat(first.startedAt()).isEqualTo(NOW);
		assertThat(this.provider.restoreStatus(first.handle()).restoredName()).isEqualTo("web-01-restored");
	}

	@Test
	void theSameKeyWithAnotherRequestIsRefusedWhateverItAsksFor() {
		IdempotencyKey first = key("k-5");
		IdempotencyKey other = new IdempotencyKey("k-5", IdempotencyKey.sha256Hex("another request"));
		memberRow("idle", "");
		recorded(first, first.fingerprint().substring(0, 12), true);

		assertThatExceptionOfType(IdempotencyKeyReusedException.class)
			.isThrownBy(() -> this.provider.restore(vm("another-name", other)));
		assertThatExceptionOfType(IdempotencyKeyReusedException.class).as("the preview answers the same problem")
			.isThrownBy(() -> this.provider.previewRestore(vm("another-name", other)));
		assertThat(UpstreamJournal.writes(vergeos)).isEmpty();
	}

	@Test
	void aRecordLeftUnsentByAReplicaThatStoppedIsSentByTheNextReadOnce() {
		IdempotencyKey key = key("k-6");
		memberRow("idle", "");
		noVmNamed("web-01-restored");
		vergeos.stubFor(
				get(urlPathEqualTo(PROFILES)).withQueryParam("filter", equalTo("name eq '" + recordName(key) + "'"))
					.willReturn(okJson(record(key.fingerprint().substring(0, 12), NOW.minusSeconds(60), null))));
		vergeos.stubFor(get(urlPathEqualTo(PROFILES + "/40"))
			.willReturn(okJson(recordRow(key.fingerprint().substring(0, 12), NOW.minusSeconds(60), null))));
		vergeos.stubFor(put(urlPathEqualTo(PROFILES + "/40")).willReturn(okJson("{}")));
		vergeos.stubFor(post(urlPathEqualTo(VM_RECOVER)).willReturn(aResponse().withStatus(201)));
		RestoreHandle handle = new VergeosRestoreHandle(MemberType.VM, "100", "12", null, "web-01-restored",
				key.token(VergeosFixtures.PROVIDER))
			.encode();

		Restore restore = this.provider.restoreStatus(handle);

		assertThat(restore.status()).isEqualTo(RestoreStatus.PENDING);
		assertThat(restore.detail()).isEqualTo("Recovery requested");
		vergeos.verify(1, postRequestedFor(urlPathEqualTo(VM_RECOVER)));
		assertThat(UpstreamJournal.writes(vergeos)).containsExactly("PUT /api/v4/snapshot_profiles/40",
				"POST " + VM_RECOVER, "PUT /api/v4/snapshot_profiles/40");
		assertThat(descriptions.of("40")).contains("[snapgate-step:sent:");
	}

	@Test
	void aRecordLeftUnsentPastTheDeadlineIsFailedAndNothingIsSent() {
		IdempotencyKey key = key("k-7");
		memberRow("idle", "");
		noVmNamed("web-01-restored");
		vergeos.stubFor(
				get(urlPathEqualTo(PROFILES)).withQueryParam("filter", equalTo("name eq '" + recordName(key) + "'"))
					.willReturn(okJson(record(key.fingerprint().substring(0, 12), NOW.minusSeconds(3600), null))));

		Restore restore = this.provider.restoreStatus(new VergeosRestoreHandle(MemberType.VM, "100", "12", null,
				"web-01-restored", key.token(VergeosFixtures.PROVIDER))
			.encode());

		assertThat(restore.status()).isEqualTo(RestoreStatus.FAILED);
		assertThat(restore.failureReason()).contains("stopped before it sent the recovery");
		assertThat(UpstreamJournal.writes(vergeos)).isEmpty();
	}

	@Test
	void aRecordLeftUnsentWhoseCopyExistsWasSentAndIsNotSentAgain() {
		IdempotencyKey key = key("k-8");
		memberRow("idle", "");
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/vms"))
			.withQueryParam("filter", equalTo("name eq 'web-01-restored' and is_snapshot eq false"))
			.willReturn(okJson("[{\"$key\":7,\"name\":\"web-01-restored\"}]")));
		vergeos.stubFor(
				get(urlPathEqualTo(PROFILES)).withQueryParam("filter", equalTo("name eq '" + recordName(key) + "'"))
					.willReturn(okJson(record(key.fingerprint().substring(0, 12), NOW.minusSeconds(60), null))));
		vergeos.stubFor(put(urlPathEqualTo(PROFILES + "/40")).willReturn(okJson("{}")));

		Restore restore = this.provider.restoreStatus(new VergeosRestoreHandle(MemberType.VM, "100", "12", null,
				"web-01-restored", key.token(VergeosFixtures.PROVIDER))
			.encode());

		assertThat(restore.status()).isEqualTo(RestoreStatus.PENDING);
		assertThat(UpstreamJournal.writes(vergeos)).containsExactly("PUT /api/v4/snapshot_profiles/40");
		assertThat(descriptions.of("40")).contains("[snapgate-step:sent:");
	}

	@Test
	void aKeyedRestoreWithoutANameNamesTheCopyAfterTheKey() {
		memberRow("idle", "");
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/vms")).willReturn(okJson("[]")));
		vergeos.stubFor(
				post(urlPathEqualTo(PROFILES)).willReturn(aResponse().withStatus(201).withBody("{\"$key\":\"41\"}")));
		vergeos.stubFor(put(urlPathEqualTo(PROFILES + "/41")).willReturn(okJson("{}")));
		vergeos.stubFor(post(urlPathEqualTo(VM_RECOVER)).willReturn(aResponse().withStatus(201)));
		IdempotencyKey key = key("k-2");

		Restore restore = this.provider.restore(vm(null, key));

		String expected = VergeosCopyNames.keyed("web-01", key);
		assertThat(expected).startsWith("web-01 restored ").hasSize("web-01 restored ".length() + 8);
		assertThat(restore.restoredName()).isEqualTo(expected);
		vergeos.verify(postRequestedFor(urlPathEqualTo(VM_RECOVER)).withRequestBody(
				equalToJson("{\"action\":\"recover\",\"params\":{\"rows\":[100],\"name\":\"" + expected + "\"}}")));
	}

	@Test
	void aVmSnapshotNamedLikeTheCopyIsNoCopyOfThatName() {
		memberRow("idle", "");
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/vms")).atPriority(10)
			.willReturn(okJson("[{\"$key\":9,\"name\":\"web-01-restored\",\"is_snapshot\":true}]")));
		noVmNamed("web-01-restored");
		vergeos.stubFor(post(urlPathEqualTo(VM_RECOVER)).willReturn(aResponse().withStatus(201)));

		Restore restore = this.provider.restore(vm("web-01-restored", null));

		assertThat(restore.status()).isEqualTo(RestoreStatus.PENDING);
		vergeos.verify(postRequestedFor(urlPathEqualTo(VM_RECOVER)));
	}

	@Test
	void aCopyNameThatAVmHasIsRefusedBeforeAnythingIsSent() {
		memberRow("complete", "Restored to: something else");
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/vms"))
			.withQueryParam("filter", equalTo("name eq 'web-01-restored' and is_snapshot eq false"))
			.willReturn(okJson("[{\"$key\":7,\"name\":\"web-01-restored\"}]")));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.provider.restore(vm("web-01-restored", key("k-3"))))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.NAME_TAKEN));
		assertThatExceptionOfType(ConflictException.class).as("the preview answers the same problem")
			.isThrownBy(() -> this.provider.previewRestore(vm("web-01-restored", key("k-3"))))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.NAME_TAKEN));
		vergeos.verify(0, postRequestedFor(anyUrl()));
	}

	@Test
	void aTwinThatMadeItsRecordAndTheCopyMeanwhileIsAnsweredAsTheSameRestoreNotANameTaken() {
		IdempotencyKey key = key("k-twin");
		memberRow("recovering", "");
		// the twin under the same key made its record and the copy between this request's
		// look at the record and its look at the name
		vergeos.stubFor(get(urlPathEqualTo(PROFILES)).inScenario("twin")
			.whenScenarioStateIs(Scenario.STARTED)
			.withQueryParam("filter", equalTo("name eq '" + recordName(key) + "'"))
			.willSetStateTo("made")
			.willReturn(okJson("[]")));
		vergeos.stubFor(get(urlPathEqualTo(PROFILES)).inScenario("twin")
			.whenScenarioStateIs("made")
			.withQueryParam("filter", equalTo("name eq '" + recordName(key) + "'"))
			.willReturn(okJson(record(key.fingerprint().substring(0, 12), NOW, NOW))));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/vms"))
			.withQueryParam("filter", equalTo("name eq 'web-01-restored' and is_snapshot eq false"))
			.willReturn(okJson("[{\"$key\":7,\"name\":\"web-01-restored\"}]")));

		Restore restore = this.provider.restore(vm("web-01-restored", key));

		assertThat(restore.status()).isNotEqualTo(RestoreStatus.FAILED);
		assertThat(restore.restoredName()).isEqualTo("web-01-restored");
		vergeos.verify(0, postRequestedFor(anyUrl()));
	}

	@Test
	void aPreviewTellsTheCopyItWouldMakeAndWritesNothing() {
		memberRow("idle", "");
		noVmNamed("web-01-restored");

		Preview preview = this.provider.previewRestore(vm("web-01-restored", key("k-4")));

		assertThat(preview.actions()).singleElement().satisfies((action) -> {
			assertThat(action.change()).isEqualTo(Preview.Change.CREATE);
			assertThat(action.kind()).isEqualTo("VM");
			assertThat(action.name()).isEqualTo("web-01-restored");
		});
		assertThat(preview.checks()).extracting(Preview.Check::name)
			.containsExactly("MEMBER_IN_SNAPSHOT", "NAME_FREE", "NEW_KEY");
		assertThat(preview.warnings()).isNotEmpty();
		assertThat(UpstreamJournal.writes(vergeos)).isEmpty();
	}

	@Test
	void aMemberOfAnotherSnapshotIsNotFoundAndNothingIsSent() {
		vergeos.stubFor(get(urlPathEqualTo(VM_ROW)).willReturn(okJson(vmRow(100, 99, "web-01", "idle"))));

		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.provider.restore(vm(null, null)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.MEMBER_NOT_FOUND));
		vergeos.verify(0, postRequestedFor(anyUrl()));
	}

	@Test
	void aRestoreWhoseMemberRowIsGoneIsNotFound() {
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.provider
				.restoreStatus(new VergeosRestoreHandle(MemberType.VM, "100", "12", NOW, null, null).encode()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.RESTORE_NOT_FOUND));
	}

	@Test
	void aHandleThisAdapterDidNotWriteIsRefused() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.provider.restoreStatus(new RestoreHandle("v1.vm.100.12.x.")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_RESTORE_ID));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.provider.restoreStatus(new RestoreHandle("v1.disk.100.12.1.")));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.provider.restoreStatus(new RestoreHandle("v2.vm.100.12.1.")));
	}

	@Test
	void aMemberMissingFromTheSnapshotIsNotFound() {
		vergeos.stubFor(get(urlPathEqualTo(VM_ROW)).willReturn(notFound().withBody("{\"err\":\"Row not found\"}")));

		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.provider.restore(vm(null, null)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.MEMBER_NOT_FOUND));
	}

	@Test
	void aVolumeTargetIsNotSomethingVergeosRestores() {
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> this.provider
			.restore(new RestoreCommand("12", new RestoreTarget.VolumeTarget(), null, false, null)));
	}

	private static RestoreCommand vm(@Nullable String newName, @Nullable IdempotencyKey key) {
		return new RestoreCommand("12", new RestoreTarget.MemberTarget(MemberType.VM, "100"), newName, false, key);
	}

	private static IdempotencyKey key(String key) {
		return new IdempotencyKey(key, IdempotencyKey.sha256Hex("request of " + key));
	}

	private static void memberRow(String status, String statusInfo) {
		vergeos.stubFor(get(urlPathEqualTo(VM_ROW)).willReturn(okJson(row(status, statusInfo))));
	}

	private static String row(String status, String statusInfo) {
		return """
				{"$key":100,"cloud_snapshot":12,"name":"web-01","status":"%s","status_info":"%s"}""".formatted(status,
				statusInfo.replace("\u0007", "\\u0007").replace("\u0000", "\\u0000"));
	}

	private static String recordName(IdempotencyKey key) {
		return VergeosRestoreLedger.PREFIX + key.token(VergeosFixtures.PROVIDER);
	}

	private static void noRecordYet(IdempotencyKey key) {
		vergeos.stubFor(get(urlPathEqualTo(PROFILES)).inScenario("recovery")
			.whenScenarioStateIs(Scenario.STARTED)
			.withQueryParam("filter", equalTo("name eq '" + recordName(key) + "'"))
			.willReturn(okJson("[]")));
	}

	/** The key's record, as VergeOS answers a listing by its name. */
	private static void recorded(IdempotencyKey key, String fingerprint, boolean sent) {
		vergeos.stubFor(
				get(urlPathEqualTo(PROFILES)).withQueryParam("filter", equalTo("name eq '" + recordName(key) + "'"))
					.willReturn(okJson(record(fingerprint, NOW, sent ? NOW : null))));
	}

	private static String record(String fingerprint, Instant askedAt, @Nullable Instant sentAt) {
		return "[" + recordRow(fingerprint, askedAt, sentAt) + "]";
	}

	private static String recordRow(String fingerprint, Instant askedAt, @Nullable Instant sentAt) {
		String description = "SnapGate's record of a restore [snapgate-restore:" + fingerprint + ":"
				+ askedAt.toEpochMilli() + "]"
				+ ((sentAt != null) ? " [snapgate-step:sent:" + sentAt.toEpochMilli() + "]" : "");
		return "{\"$key\":40,\"name\":\"" + VergeosRestoreLedger.PREFIX + "x\",\"description\":\"" + description
				+ "\"}";
	}

	private static void noVmNamed(String name) {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/vms"))
			.withQueryParam("filter", equalTo("name eq '" + name + "' and is_snapshot eq false"))
			.willReturn(okJson("[]")));
	}

}
