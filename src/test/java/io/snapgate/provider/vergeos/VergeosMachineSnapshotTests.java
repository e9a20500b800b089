package io.snapgate.provider.vergeos;

import java.time.Duration;
import java.util.Set;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.snapgate.domain.CreateSnapshot;
import io.snapgate.domain.Cursor;
import io.snapgate.domain.DeleteOutcome;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.MachineSource;
import io.snapgate.domain.Page;
import io.snapgate.domain.Preview;
import io.snapgate.domain.Scope;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotChanges;
import io.snapgate.domain.SnapshotQuery;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.testing.UpstreamJournal;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.snapgate.provider.vergeos.VergeosFixtures.NOW_EPOCH;
import static io.snapgate.provider.vergeos.VergeosFixtures.snapshotRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * VM snapshots: taken of a VM's machine, read with their VM, listed among the cloud
 * snapshots newest first with a cursor that stands in both, filtered by VM, and deleted
 * by key.
 */
class VergeosMachineSnapshotTests {

	static final String SNAPSHOTS = "/api/v4/machine_snapshots";

	static final String SNAPSHOT_FIELDS = "$key,name,description,created,expires,quiesced,created_manually,machine,"
			+ "snap_machine,snapshot_period";

	@RegisterExtension
	static final WireMockExtension vergeos = VergeosFixtures.wireMock();

	private final VergeosSnapshotProvider provider = VergeosFixtures.provider(VergeosFixtures.basic(vergeos.baseUrl()));

	@Test
	void aSnapshotIsTakenOfTheVmsMachineWithAnAbsoluteExpiryAndReadBack() {
		vmByKey(3, "db-01", 503, "stopped");
		long expires = NOW_EPOCH + 7 * 86400;
		vergeos.stubFor(post(urlPathEqualTo(SNAPSHOTS)).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"location\":\"/v4/machine_snapshots/9\",\"$key\":\"9\"}")));
		vergeos.stubFor(get(urlPathEqualTo(SNAPSHOTS + "/9")).withQueryParam("fields", equalTo(SNAPSHOT_FIELDS))
			.willReturn(okJson(row(9, "pre-upgrade", "", NOW_EPOCH, expires, 503, 601))));

		Snapshot snapshot = this.provider.create(machineSnapshot("pre-upgrade", "3", null, Duration.ofDays(7), true));

		vergeos.verify(postRequestedFor(urlPathEqualTo(SNAPSHOTS)).withRequestBody(equalToJson("""
				{"machine":503,"name":"pre-upgrade","expires":%d,"quiesce":true,"created_manually":true}"""
			.formatted(expires))));
		assertThat(snapshot.nativeId()).isEqualTo("m9");
		assertThat(snapshot.scope()).isEqualTo(Scope.MACHINE);
		assertThat(snapshot.source()).isInstanceOfSatisfying(MachineSource.class, (source) -> {
			assertThat(source.machine()).isEqualTo("3");
			assertThat(source.name()).isEqualTo("db-01");
		});
		assertThat(snapshot.attributes()).containsEntry("snapMachine", "601").containsEntry("machineKey", "503");
	}

	@Test
	void aVmNamedRatherThanKeyedIsLookedUpAmongVmsThatAreNoSnapshotAndNeverExpiringLeavesExpiresOut() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/vms"))
			.withQueryParam("filter", equalTo("name eq 'db-01' and is_snapshot eq false"))
			.willReturn(okJson("[" + vm(3, "db-01", 503, "stopped") + "]")));
		vergeos.stubFor(post(urlPathEqualTo(SNAPSHOTS)).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"$key\":\"9\"}")));
		vergeos.stubFor(
				get(urlPathEqualTo(SNAPSHOTS + "/9")).willReturn(okJson(row(9, "keep", "", NOW_EPOCH, 0, 503, 601))));

		Snapshot snapshot = this.provider.create(machineSnapshot("keep", "db-01", null, null, false, true));

		vergeos.verify(postRequestedFor(urlPathEqualTo(SNAPSHOTS)).withRequestBody(equalToJson("""
				{"machine":503,"name":"keep","quiesce":false,"created_manually":true}""")));
		assertThat(snapshot.expiresAt()).isNull();
	}

	@Test
	void aServerErrorOnCreateIsNotRetriedWithoutAKey() {
		vmByKey(3, "db-01", 503, "stopped");
		vergeos.stubFor(post(urlPathEqualTo(SNAPSHOTS)).willReturn(aResponse().withStatus(500)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"err\":\"internal\"}")));

		assertThatExceptionOfType(UpstreamErrorException.class)
			.isThrownBy(() -> this.provider.create(machineSnapshot("x", "3", null, Duration.ofDays(1), false)));

		vergeos.verify(1, postRequestedFor(urlPathEqualTo(SNAPSHOTS)));
	}

	@Test
	void anUnknownVmIsNotFoundAndNothingIsWritten() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/vms/77")).willReturn(aResponse().withStatus(404)));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/vms")).willReturn(okJson("[]")));

		assertThatExceptionOfType(io.snapgate.domain.NotFoundException.class)
			.isThrownBy(() -> this.provider.create(machineSnapshot("x", "77", null, Duration.ofDays(1), false)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.MACHINE_NOT_FOUND));
		assertThat(UpstreamJournal.writes(vergeos)).isEmpty();
	}

	@Test
	void aKeyedCreateFindsTheSnapshotAnEarlierCallMadeByItsMarkerAndSendsNothing() {
		IdempotencyKey key = new IdempotencyKey("m-1", IdempotencyKey.sha256Hex("machine snapshot m-1"));
		VergeosIdempotencyMarker marker = VergeosIdempotencyMarker.of(key, VergeosFixtures.PROVIDER);
		vmByKey(3, "db-01", 503, "stopped");
		vergeos.stubFor(get(urlPathEqualTo(SNAPSHOTS)).withQueryParam("filter", containing(marker.token()))
			.willReturn(okJson("[" + row(9, "pre", marker.appendTo(null), NOW_EPOCH, 0, 503, 601) + "]")));

		Snapshot snapshot = this.provider
			.create(new CreateSnapshot("pre", null, null, null, true, false, false, key, "3", false));

		assertThat(snapshot.nativeId()).isEqualTo("m9");
		assertThat(snapshot.description()).isNull();
		assertThat(UpstreamJournal.writes(vergeos)).isEmpty();
	}

	@Test
	void aPreviewNamesTheVmItsDrivesItsPowerStateAndTheQuiesceAndWritesNothing() {
		vmByKey(2, "web-01", 502, "running");
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/machine_drives"))
			.withQueryParam("filter", equalTo("machine eq 502"))
			.willReturn(okJson("[{\"$key\":1,\"name\":\"web-01-os\",\"media\":\"disk\",\"interface\":\"virtio-scsi\","
					+ "\"disksize\":21474836480}]")));

		Preview preview = this.provider.previewCreate(machineSnapshot("pre", "2", null, Duration.ofDays(1), true));

		assertThat(preview.checks()).extracting(Preview.Check::name)
			.contains("MACHINE_FOUND", "POWER_STATE", "GUEST_AGENT");
		assertThat(preview.actions()).singleElement()
			.satisfies((action) -> assertThat(action.description()).contains("web-01-os (20 GiB)"));
		assertThat(UpstreamJournal.writes(vergeos)).isEmpty();
	}

	@Test
	void aListingMergesCloudAndVmSnapshotsNewestFirstAndItsCursorStandsInBoth() {
		cloudPage(0, "[" + cloud(11, "c1", 3600) + "," + cloud(12, "c2", 3 * 3600) + "]");
		cloudPage(1, "[" + cloud(12, "c2", 3 * 3600) + "]");
		vmPage(0, "[" + row(21, "v1", "", NOW_EPOCH - 2 * 3600, 0, 503, 601) + ","
				+ row(22, "v2", "", NOW_EPOCH - 4 * 3600, 0, 503, 602) + "]");
		vmPage(1, "[" + row(22, "v2", "", NOW_EPOCH - 4 * 3600, 0, 503, 602) + "]");
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/vms"))
			.withQueryParam("filter", equalTo("(machine eq 503) and is_snapshot eq false"))
			.willReturn(okJson("[" + vm(3, "db-01", 503, "stopped") + "]")));

		Page<Snapshot> first = this.provider.list(SnapshotQuery.ALL, null, 2);
		Page<Snapshot> second = this.provider.list(SnapshotQuery.ALL, first.next(), 2);

		assertThat(first.items()).extracting(Snapshot::nativeId).containsExactly("11", "m21");
		assertThat(first.next()).isEqualTo(new Cursor("1.1"));
		assertThat(second.items()).extracting(Snapshot::nativeId).containsExactly("12", "m22");
		assertThat(second.next()).isNull();
		vergeos.verify(getRequestedFor(urlPathEqualTo(SNAPSHOTS)).withQueryParam("sort", equalTo("-created"))
			.withQueryParam("fields", equalTo(SNAPSHOT_FIELDS)));
	}

	@Test
	void aListingOfOneVmAsksForItsMachinesSnapshotsAlone() {
		vmByKey(3, "db-01", 503, "stopped");
		vergeos.stubFor(get(urlPathEqualTo(SNAPSHOTS)).withQueryParam("filter", containing("machine eq 503"))
			.willReturn(okJson("[" + row(21, "v1", "", NOW_EPOCH - 3600, 0, 503, 601) + "]")));

		Page<Snapshot> page = this.provider
			.list(new SnapshotQuery(Set.of(), Scope.MACHINE, null, null, null, null, false, null, "3"), null, 10);

		assertThat(page.items()).extracting(Snapshot::nativeId).containsExactly("m21");
		vergeos.verify(0, getRequestedFor(urlPathEqualTo("/api/v4/cloud_snapshots")));
	}

	@Test
	void aPolicysVmSnapshotsAreThoseOfItsPeriods() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profile_periods"))
			.withQueryParam("filter", equalTo("profile eq 7"))
			.willReturn(okJson("[" + VergeosFixtures.periodRow(70, 7, "daily", "daily", 0, 2, "any", 0, 86400, 1, false)
					+ "," + VergeosFixtures.periodRow(71, 7, "hourly", "hourly", 0, 0, "any", 0, 3600, 1, false)
					+ "]")));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots")).willReturn(okJson("[]")));
		vergeos.stubFor(get(urlPathEqualTo(SNAPSHOTS))
			.withQueryParam("filter", containing("(snapshot_period eq 70 or snapshot_period eq 71)"))
			.willReturn(okJson("[" + row(21, "daily_x", "", NOW_EPOCH - 3600, 0, 503, 601)
				.replace("\"snapshot_period\":null", "\"snapshot_period\":70") + "]")));
		vergeos
			.stubFor(get(urlPathEqualTo("/api/v4/vms")).willReturn(okJson("[" + vm(3, "db-01", 503, "stopped") + "]")));

		Page<Snapshot> page = this.provider
			.list(new SnapshotQuery(Set.of(), null, null, null, null, null, false, "7", null), null, 10);

		assertThat(page.items()).singleElement().satisfies((snapshot) -> {
			assertThat(snapshot.nativeId()).isEqualTo("m21");
			assertThat(snapshot.policy()).isEqualTo("7");
		});
	}

	@Test
	void aVmSnapshotIsDeletedByItsKey() {
		vergeos.stubFor(get(urlPathEqualTo(SNAPSHOTS + "/21"))
			.willReturn(okJson(row(21, "v1", "", NOW_EPOCH - 3600, 0, 503, 601))));
		vergeos.stubFor(delete(urlPathEqualTo(SNAPSHOTS + "/21")).willReturn(aResponse().withStatus(200)));

		assertThat(this.provider.delete("m21")).isEqualTo(DeleteOutcome.DELETED);

		vergeos.verify(1, deleteRequestedFor(urlPathEqualTo(SNAPSHOTS + "/21")));
	}

	@Test
	void aMalformedAnswerIsAnUpstreamErrorNotAServerError() {
		vergeos.stubFor(get(urlPathEqualTo(SNAPSHOTS + "/21")).willReturn(okJson("{\"$key\":21,")));

		assertThatExceptionOfType(UpstreamErrorException.class).isThrownBy(() -> this.provider.get("m21"));
	}

	@Test
	void aChangeOfAVmSnapshotIsRefusedBeforeAnythingIsSent() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.provider.update("m21", new SnapshotChanges(null, "new", null, false)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UNSUPPORTED_FIELD));
		assertThat(UpstreamJournal.requests(vergeos)).isEmpty();
	}

	static CreateSnapshot machineSnapshot(String name, String machine, @Nullable String description,
			@Nullable Duration retention, boolean quiesce) {
		return machineSnapshot(name, machine, description, retention, quiesce, false);
	}

	static CreateSnapshot machineSnapshot(String name, String machine, @Nullable String description,
			@Nullable Duration retention, boolean quiesce, boolean never) {
		return new CreateSnapshot(name, description, null, retention, never, false, false, null, machine, quiesce);
	}

	static void vmByKey(long key, String name, long machine, String status) {
		vergeos.stubFor(
				get(urlPathEqualTo("/api/v4/vms/" + key)).withQueryParam("fields", equalTo(VergeosFixtures.VM_FIELDS))
					.willReturn(okJson(vm(key, name, machine, status))));
	}

	static String vm(long key, String name, long machine, String status) {
		return """
				{"$key":%d,"name":"%s","machine":%d,"is_snapshot":false,"guest_agent":true,"running":%s,\
				"status":"%s","snapshot_profile":null}""".formatted(key, name, machine, status.equals("running"),
				status);
	}

	static String row(long key, String name, String description, long created, long expires, long machine,
			long snapMachine) {
		return """
				{"$key":%d,"name":"%s","description":"%s","created":%d,"expires":%d,"quiesced":false,\
				"created_manually":true,"machine":%d,"snap_machine":%d,"snapshot_period":null}""".formatted(key, name,
				description, created, expires, machine, snapMachine);
	}

	private static String cloud(long key, String name, long age) {
		return snapshotRow(key, name, "", NOW_EPOCH - age, NOW_EPOCH + 86400, false, "unlocked", 0, "normal", null);
	}

	private static void cloudPage(int offset, String body) {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots")).withQueryParam("offset", equalTo("" + offset))
			.willReturn(okJson(body)));
	}

	private static void vmPage(int offset, String body) {
		vergeos.stubFor(
				get(urlPathEqualTo(SNAPSHOTS)).withQueryParam("offset", equalTo("" + offset)).willReturn(okJson(body)));
	}

}
