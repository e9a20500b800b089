package io.snapgate.provider.vergeos;

import java.time.Instant;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.snapgate.domain.ConflictException;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.Preview;
import io.snapgate.domain.Restore;
import io.snapgate.domain.RestoreCommand;
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
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.snapgate.provider.vergeos.VergeosFixtures.NOW;
import static io.snapgate.provider.vergeos.VergeosFixtures.NOW_EPOCH;
import static io.snapgate.provider.vergeos.VergeosMachineSnapshotTests.row;
import static io.snapgate.provider.vergeos.VergeosMachineSnapshotTests.vm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Restoring a VM snapshot: as a new VM cloned from the snapshot's own VM, or reverting
 * the VM in place, only while it is powered off and after a safety snapshot; a keyed
 * revert that a replica left before its writes is finished, once, by the next read.
 */
class VergeosMachineRestoresTests {

	private static final String SNAPSHOTS = "/api/v4/machine_snapshots";

	private static final String ACTIONS = "/api/v4/vm_actions";

	private static final String PROFILES = "/api/v4/snapshot_profiles";

	private static final RememberedText descriptions = RememberedText.vergeosProfileDescriptions();

	@RegisterExtension
	static final WireMockExtension vergeos = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().extensions(descriptions))
		.build();

	private final VergeosSnapshotProvider provider = VergeosFixtures.provider(VergeosFixtures.basic(vergeos.baseUrl()));

	@BeforeEach
	void dbSnapshot() {
		vergeos.stubFor(get(urlPathEqualTo(PROFILES)).atPriority(10).willReturn(okJson("[]")));
		vergeos.stubFor(get(urlPathEqualTo(SNAPSHOTS + "/21"))
			.willReturn(okJson(row(21, "before-upgrade", "", NOW_EPOCH - 86400, 0, 503, 601))));
		vergeos.stubFor(get(urlPathEqualTo(SNAPSHOTS)).atPriority(10).willReturn(okJson("[]")));
		vergeos.stubFor(post(urlPathEqualTo(SNAPSHOTS)).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"$key\":\"30\"}")));
		vergeos.stubFor(post(urlPathEqualTo(ACTIONS)).willReturn(okJson("{}")));
	}

	@AfterEach
	void forget() {
		descriptions.clear();
	}

	@Test
	void aRevertOfARunningVmIsRefusedWithMachineRunningAndNothingIsWritten() {
		vmOfMachine("running");

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.provider.restore(revert(true, null)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.MACHINE_RUNNING))
			.withMessageContaining("powered off");
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.provider.previewRestore(revert(true, null)));
		assertThat(UpstreamJournal.writes(vergeos)).isEmpty();
	}

	@Test
	void aRevertTakesASafetySnapshotOfTheVmThenRestoresTheVmToTheSnapshot() {
		vmOfMachine("stopped");
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/vms/3")).willReturn(okJson(vm(3, "db-01", 503, "stopped"))));

		Restore restore = this.provider.restore(revert(true, null));

		assertThat(UpstreamJournal.writes(vergeos)).containsExactly("POST " + SNAPSHOTS, "POST " + ACTIONS);
		vergeos.verify(postRequestedFor(urlPathEqualTo(SNAPSHOTS))
			.withRequestBody(matchingJsonPath("$.machine", equalTo("503")))
			.withRequestBody(matchingJsonPath("$.name",
					com.github.tomakehurst.wiremock.client.WireMock
						.matching(VergeosMachineRestores.SAFETY_PREFIX + "21-[0-9]+")))
			.withRequestBody(matchingJsonPath("$.expires", equalTo(Long.toString(NOW_EPOCH + 7 * 86400)))));
		vergeos.verify(postRequestedFor(urlPathEqualTo(ACTIONS)).withRequestBody(equalToJson("""
				{"vm":3,"action":"restore","params":{"snapshot":21}}""")));
		assertThat(restore.status()).isEqualTo(RestoreStatus.SUCCEEDED);
		assertThat(restore.safetySnapshotId()).isEqualTo("m30");
		assertThat(restore.restoredName()).isEqualTo("db-01");
		assertThat(this.provider.restoreStatus(restore.handle()).safetySnapshotId()).isEqualTo("m30");
	}

	@Test
	void aRevertWithoutASafetySnapshotSendsTheRestoreAlone() {
		vmOfMachine("stopped");
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/vms/3")).willReturn(okJson(vm(3, "db-01", 503, "stopped"))));

		this.provider.restore(revert(false, null));

		assertThat(UpstreamJournal.writes(vergeos)).containsExactly("POST " + ACTIONS);
	}

	@Test
	void aCloneIsSentOnTheSnapshotsOwnVmUnderTheNewNameAndDoneOnceTheVmIsThere() {
		vmOfMachine("running");
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/vms"))
			.withQueryParam("filter", equalTo("machine eq 601 and is_snapshot eq true"))
			.willReturn(okJson("{\"$key\":9,\"name\":\"before-upgrade\",\"machine\":601,\"is_snapshot\":true}")));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/vms")).inScenario("clone")
			.withQueryParam("filter", equalTo("name eq 'db-copy' and is_snapshot eq false"))
			.willReturn(okJson("[]"))
			.willSetStateTo("made"));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/vms")).inScenario("clone")
			.whenScenarioStateIs("made")
			.withQueryParam("filter", equalTo("name eq 'db-copy' and is_snapshot eq false"))
			.willReturn(okJson("[" + vm(12, "db-copy", 612, "stopped") + "]")));

		Restore restore = this.provider.restore(new RestoreCommand("m21",
				new RestoreTarget.MachineTarget(RestoreMode.NEW_COPY), "db-copy", false, null));

		vergeos.verify(postRequestedFor(urlPathEqualTo(ACTIONS)).withRequestBody(equalToJson("""
				{"vm":9,"action":"clone","params":{"name":"db-copy"}}""")));
		assertThat(restore.status()).isEqualTo(RestoreStatus.SUCCEEDED);
		assertThat(restore.restoredName()).isEqualTo("db-copy");
	}

	@Test
	void aRevertPreviewNamesTheSafetySnapshotAndTheVmAndWritesNothing() {
		vmOfMachine("stopped");

		Preview preview = this.provider.previewRestore(revert(true, null));

		assertThat(preview.actions()).extracting(Preview.Action::change)
			.containsExactly(Preview.Change.CREATE, Preview.Change.OVERWRITE);
		assertThat(preview.checks()).extracting(Preview.Check::name).contains("MACHINE_POWERED_OFF");
		assertThat(UpstreamJournal.writes(vergeos)).isEmpty();
	}

	@Test
	void aKeyedRevertThatAReplicaLeftBeforeItsWritesIsFinishedOnceByTheNextRead() {
		IdempotencyKey key = new IdempotencyKey("rv-1", IdempotencyKey.sha256Hex("revert rv-1"));
		String token = key.token(VergeosFixtures.PROVIDER);
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/vms/3")).willReturn(okJson(vm(3, "db-01", 503, "stopped"))));
		vergeos.stubFor(get(urlPathEqualTo(PROFILES))
			.withQueryParam("filter", equalTo("name eq '" + VergeosRestoreLedger.PREFIX + token + "'"))
			.willReturn(okJson("[" + recordRow(key.fingerprint().substring(0, 12), NOW.minusSeconds(60)) + "]")));
		vergeos.stubFor(get(urlPathEqualTo(PROFILES + "/40"))
			.willReturn(okJson(recordRow(key.fingerprint().substring(0, 12), NOW.minusSeconds(60)))));
		vergeos.stubFor(put(urlPathEqualTo(PROFILES + "/40")).willReturn(okJson("{}")));
		VergeosMachineRestoreHandle handle = new VergeosMachineRestoreHandle(true, "21", "3", null, token, null, true,
				null);

		Restore first = this.provider.restoreStatus(handle.encode());
		Restore second = this.provider.restoreStatus(handle.encode());

		assertThat(first.status()).isEqualTo(RestoreStatus.SUCCEEDED);
		assertThat(second.status()).isEqualTo(RestoreStatus.SUCCEEDED);
		assertThat(UpstreamJournal.writes(vergeos)).containsExactly("PUT " + PROFILES + "/40", "POST " + SNAPSHOTS,
				"POST " + ACTIONS, "PUT " + PROFILES + "/40");
		vergeos.verify(postRequestedFor(urlPathEqualTo(SNAPSHOTS))
			.withRequestBody(matchingJsonPath("$.name", equalTo(VergeosMachineRestores.SAFETY_PREFIX + token))));
		assertThat(descriptions.of("40")).contains("[snapgate-step:sent:");
	}

	@Test
	void aKeyedRevertLeftPastTheDeadlineFailsAndNothingIsSent() {
		IdempotencyKey key = new IdempotencyKey("rv-2", IdempotencyKey.sha256Hex("revert rv-2"));
		String token = key.token(VergeosFixtures.PROVIDER);
		vergeos.stubFor(get(urlPathEqualTo(PROFILES))
			.withQueryParam("filter", equalTo("name eq '" + VergeosRestoreLedger.PREFIX + token + "'"))
			.willReturn(okJson("[" + recordRow(key.fingerprint().substring(0, 12), NOW.minusSeconds(3600)) + "]")));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/vms/3")).willReturn(okJson(vm(3, "db-01", 503, "stopped"))));

		Restore restore = this.provider
			.restoreStatus(new VergeosMachineRestoreHandle(true, "21", "3", null, token, null, true, null).encode());

		assertThat(restore.status()).isEqualTo(RestoreStatus.FAILED);
		assertThat(restore.failureReason()).contains("stopped before it sent the restore");
		assertThat(UpstreamJournal.writes(vergeos)).isEmpty();
	}

	@Test
	void aMachineRestoreOfACloudSnapshotIsRefusedByField() {
		assertThatExceptionOfType(io.snapgate.domain.InvalidRequestException.class)
			.isThrownBy(() -> this.provider.restore(
					new RestoreCommand("12", new RestoreTarget.MachineTarget(RestoreMode.IN_PLACE), null, true, null)))
			.satisfies((ex) -> assertThat(ex.fieldErrors()).extracting("field").containsExactly("target.type"));
		assertThat(UpstreamJournal.requests(vergeos)).isEmpty();
	}

	private static RestoreCommand revert(boolean safety, @Nullable IdempotencyKey key) {
		return new RestoreCommand("m21", new RestoreTarget.MachineTarget(RestoreMode.IN_PLACE), null, safety, key);
	}

	private static void vmOfMachine(String status) {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/vms"))
			.withQueryParam("filter", equalTo("(machine eq 503) and is_snapshot eq false"))
			.willReturn(okJson("[" + vm(3, "db-01", 503, status) + "]")));
	}

	private static String recordRow(String fingerprint, Instant askedAt) {
		String description = "SnapGate's record of a restore [snapgate-restore:" + fingerprint + ":"
				+ askedAt.toEpochMilli() + "]";
		return "{\"$key\":40,\"name\":\"" + VergeosRestoreLedger.PREFIX + "x\",\"description\":\"" + description
				+ "\"}";
	}

}
