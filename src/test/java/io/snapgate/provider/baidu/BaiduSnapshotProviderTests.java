package io.snapgate.provider.baidu;

import io.snapgate.application.ProviderAccess;
import io.snapgate.application.ProviderScope;
import io.snapgate.testing.MutableClock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.snapgate.application.SnapshotLocator;
import io.snapgate.domain.CreateSnapshot;
import io.snapgate.domain.DeleteOutcome;
import io.snapgate.domain.DiskType;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.MemberType;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.ProviderHealth;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.domain.Restore;
import io.snapgate.domain.RestoreCommand;
import io.snapgate.domain.RestoreMode;
import io.snapgate.domain.RestoreStatus;
import io.snapgate.domain.RestoreTarget;
import io.snapgate.domain.Scope;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotRef;
import io.snapgate.domain.SnapshotStatus;
import io.snapgate.domain.VolumeSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.snapgate.provider.baidu.BaiduUpstream.NOW;
import static io.snapgate.provider.baidu.BaiduUpstream.PROVIDER;
import static io.snapgate.provider.baidu.BaiduUpstream.instanceReply;
import static io.snapgate.provider.baidu.BaiduUpstream.snapshotReply;
import static io.snapgate.provider.baidu.BaiduUpstream.volumeReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each operation sends exactly the BCC request it should, signed, and reads BCC's answer.
 */
class BaiduSnapshotProviderTests {

	@RegisterExtension
	static WireMockExtension bcc = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final MutableClock clock = new MutableClock(NOW);

	private BaiduSnapshotProvider provider() {
		return BaiduUpstream.provider(bcc.baseUrl(), this.clock);
	}

	@AfterEach
	void everyRequestWasSigned() {
		for (ServeEvent event : bcc.getAllServeEvents()) {
			BaiduUpstream.assertSignedAt(event.getRequest(), NOW);
		}
	}

	@Test
	void getReadsOneSnapshotAndTellsWhatDiskItWasTakenOf() {
		bcc.stubFor(get("/v2/snapshot/s-8kQ2x1Zv")
			.willReturn(okJson(snapshotReply("s-8kQ2x1Zv", "v-Ab3dE5gH", "Available"))));
		bcc.stubFor(get("/v2/volume/v-Ab3dE5gH")
			.willReturn(okJson(volumeReply("v-Ab3dE5gH", "InUse", false, "i-Z9y8X7w6"))));

		Snapshot snapshot = provider().get("s-8kQ2x1Zv").orElseThrow();

		assertThat(snapshot.nativeId()).isEqualTo("s-8kQ2x1Zv");
		assertThat(snapshot.name()).isEqualTo("snap_8kQ2x1Zv");
		assertThat(snapshot.description()).isNull();
		assertThat(snapshot.scope()).isEqualTo(Scope.VOLUME);
		assertThat(snapshot.status()).isEqualTo(SnapshotStatus.AVAILABLE);
		assertThat(snapshot.providerStatus()).isEqualTo("Available");
		assertThat(snapshot.createdAt()).isEqualTo("2026-11-22T09:00:00Z");
		assertThat(snapshot.expiresAt()).isNull();
		assertThat(snapshot.sizeGb()).isEqualTo(40);
		assertThat(snapshot.source()).isEqualTo(new VolumeSource("v-Ab3dE5gH", DiskType.CDS, null));
		assertThat(snapshot.attributes()).containsExactlyInAnyOrderEntriesOf(
				Map.of("createMethod", "MANUAL", "encrypted", "false", "progress", "100"));
		bcc.verify(1, getRequestedFor(urlEqualTo("/v2/snapshot/s-8kQ2x1Zv")));
	}

	@Test
	void aSnapshotOfASystemVolumeNamesTheInstanceAndTheVolumeIsAskedOnlyOnce() {
		bcc.stubFor(get("/v2/snapshot/s-8kQ2x1Zv")
			.willReturn(okJson(snapshotReply("s-8kQ2x1Zv", "v-Sys00001", "Creating"))));
		bcc.stubFor(get("/v2/volume/v-Sys00001")
			.willReturn(okJson(volumeReply("v-Sys00001", "InUse", true, "i-Z9y8X7w6"))));
		BaiduSnapshotProvider provider = provider();

		Snapshot first = provider.get("s-8kQ2x1Zv").orElseThrow();
		Snapshot second = provider.get("s-8kQ2x1Zv").orElseThrow();

		assertThat(first.source()).isEqualTo(new VolumeSource("v-Sys00001", DiskType.SYSTEM, "i-Z9y8X7w6"));
		assertThat(second.source()).isEqualTo(first.source());
		assertThat(first.status()).isEqualTo(SnapshotStatus.CREATING);
		bcc.verify(1, getRequestedFor(urlEqualTo("/v2/volume/v-Sys00001")));
	}

	@Test
	void aSnapshotNamingAnInstanceIsOfItsSystemDisk() {
		bcc.stubFor(get("/v2/snapshot/s-8kQ2x1Zv")
			.willReturn(okJson(snapshotReply("s-8kQ2x1Zv", "i-Z9y8X7w6", "CreatedFailed"))));

		Snapshot snapshot = provider().get("s-8kQ2x1Zv").orElseThrow();

		assertThat(snapshot.source()).isEqualTo(new VolumeSource("i-Z9y8X7w6", DiskType.SYSTEM, "i-Z9y8X7w6"));
		assertThat(snapshot.status()).isEqualTo(SnapshotStatus.FAILED);
	}

	@Test
	void getOfAMissingSnapshotIsEmpty() {
		bcc.stubFor(get("/v2/snapshot/s-gone0001").willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody(BaiduUpstream.error("NoSuchObject"))));

		assertThat(provider().get("s-gone0001")).isEmpty();
	}

	@Test
	void anIdOfAnotherShapeNeverTravels() {
		BaiduSnapshotProvider provider = provider();

		assertThat(provider.isValidNativeId("s-8kQ2x1Zv")).isTrue();
		assertThat(provider.isValidNativeId("12")).isFalse();
		assertThat(provider.isValidNativeId("s-../../v2")).isFalse();
		assertThat(provider.isValidNativeId("s-a b")).isFalse();
		SnapshotLocator locator = new SnapshotLocator(
				ProviderAccess.unrestricted(new ProviderRegistry(List.of(provider))));
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(
				() -> locator.locate(SnapshotRef.parse(provider.id() + ":s-..%2Fx"), ProviderScope.SNAPSHOTS_READ));
		assertThat(bcc.getAllServeEvents()).isEmpty();
	}

	@Test
	void membersOfAVolumeSnapshotAreNone() {
		bcc.stubFor(get("/v2/snapshot/s-8kQ2x1Zv")
			.willReturn(okJson(snapshotReply("s-8kQ2x1Zv", "i-Z9y8X7w6", "Available"))));
		bcc.stubFor(get("/v2/snapshot/s-gone0001").willReturn(aResponse().withStatus(404)));

		assertThat(provider().members("s-8kQ2x1Zv", EnumSet.allOf(MemberType.class))).isEmpty();
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> provider().members("s-gone0001", EnumSet.allOf(MemberType.class)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SNAPSHOT_NOT_FOUND));
	}

	@Test
	void createOfACdsSnapshotChecksTheDiskThenPostsWithTheKeysClientToken() {
		bcc.stubFor(get("/v2/volume/v-Ab3dE5gH")
			.willReturn(okJson(volumeReply("v-Ab3dE5gH", "InUse", false, "i-Z9y8X7w6"))));
		bcc.stubFor(post(urlEqualTo("/v2/snapshot?clientToken=" + token("key-1")))
			.willReturn(okJson("{\"snapshotId\":\"s-New00001\"}")));
		bcc.stubFor(get("/v2/snapshot/s-New00001")
			.willReturn(okJson(snapshotReply("s-New00001", "v-Ab3dE5gH", "Creating"))));

		Snapshot created = provider().create(command("pre_upgrade", "before upgrade", "v-Ab3dE5gH", "key-1"));

		assertThat(created.nativeId()).isEqualTo("s-New00001");
		assertThat(created.status()).isEqualTo(SnapshotStatus.CREATING);
		bcc.verify(postRequestedFor(urlEqualTo("/v2/snapshot?clientToken=" + token("key-1")))
			.withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
			.withRequestBody(equalToJson(
					"{\"volumeId\":\"v-Ab3dE5gH\",\"snapshotName\":\"pre_upgrade\",\"desc\":\"before upgrade\"}", false,
					false)));
		List<String> calls = bcc.getAllServeEvents()
			.reversed()
			.stream()
			.map((e) -> e.getRequest().getMethod() + " " + e.getRequest().getUrl())
			.toList();
		assertThat(calls).containsExactly("GET /v2/volume/v-Ab3dE5gH",
				"POST /v2/snapshot?clientToken=" + token("key-1"), "GET /v2/snapshot/s-New00001");
	}

	@Test
	void createOfASystemDiskSnapshotNamesTheInstanceAndSendsNoEmptyDescription() {
		bcc.stubFor(get("/v2/instance/i-Z9y8X7w6").willReturn(okJson(instanceReply("i-Z9y8X7w6", "Stopped"))));
		bcc.stubFor(post(urlEqualTo("/v2/snapshot?clientToken=" + token("key-2")))
			.willReturn(okJson("{\"snapshotId\":\"s-New00002\"}")));
		bcc.stubFor(get("/v2/snapshot/s-New00002").willReturn(aResponse().withStatus(404)));

		Snapshot created = provider().create(command("sys_disk", null, "i-Z9y8X7w6", "key-2"));

		assertThat(created.nativeId()).isEqualTo("s-New00002");
		assertThat(created.status()).isEqualTo(SnapshotStatus.CREATING);
		assertThat(created.source()).isEqualTo(new VolumeSource("i-Z9y8X7w6", DiskType.SYSTEM, "i-Z9y8X7w6"));
		assertThat(created.createdAt()).isEqualTo(NOW);
		bcc.verify(postRequestedFor(urlEqualTo("/v2/snapshot?clientToken=" + token("key-2")))
			.withRequestBody(equalToJson("{\"volumeId\":\"i-Z9y8X7w6\",\"snapshotName\":\"sys_disk\"}", false, false)));
	}

	@Test
	void deleteChecksTheStatusThenDeletes() {
		bcc.stubFor(get("/v2/snapshot/s-8kQ2x1Zv")
			.willReturn(okJson(snapshotReply("s-8kQ2x1Zv", "v-Ab3dE5gH", "CreatedFailed"))));
		bcc.stubFor(delete("/v2/snapshot/s-8kQ2x1Zv").willReturn(aResponse().withStatus(200)));

		assertThat(provider().delete("s-8kQ2x1Zv")).isEqualTo(DeleteOutcome.DELETED);

		bcc.verify(1, deleteRequestedFor(urlEqualTo("/v2/snapshot/s-8kQ2x1Zv")));
	}

	@Test
	void restoreRollsADetachedCdsDiskBackWithAValuelessParameter() {
		bcc.stubFor(get("/v2/snapshot/s-8kQ2x1Zv")
			.willReturn(okJson(snapshotReply("s-8kQ2x1Zv", "v-Ab3dE5gH", "Available"))));
		bcc.stubFor(get("/v2/volume/v-Ab3dE5gH").willReturn(okJson(volumeReply("v-Ab3dE5gH", "Available", false, ""))));
		bcc.stubFor(put(urlEqualTo("/v2/volume/v-Ab3dE5gH?rollback")).willReturn(aResponse().withStatus(200)));

		Restore restore = provider().restore(volumeRollback("s-8kQ2x1Zv"));

		bcc.verify(putRequestedFor(urlEqualTo("/v2/volume/v-Ab3dE5gH?rollback"))
			.withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
			.withRequestBody(equalToJson("{\"snapshotId\":\"s-8kQ2x1Zv\"}", false, false)));
		assertThat(restore.status()).isEqualTo(RestoreStatus.RUNNING);
		assertThat(restore.mode()).isEqualTo(RestoreMode.IN_PLACE);
		assertThat(restore.startedAt()).isEqualTo(NOW);
		assertThat(restore.restoredName()).isEqualTo("disk_Ab3dE5gH");
		assertThat(restore.handle().value()).isEqualTo("b1.v-Ab3dE5gH.s-8kQ2x1Zv." + NOW.toEpochMilli() + ".CDS");
	}

	@Test
	void restoreStatusIsReadFromTheDiskAlone() {
		bcc.stubFor(get("/v2/volume/v-Ab3dE5gH")
			.willReturn(okJson(volumeReply("v-Ab3dE5gH", "SnapshotProcessing", false, ""))));
		BaiduSnapshotProvider provider = provider();
		var handle = new BaiduRestoreHandle("v-Ab3dE5gH", "s-8kQ2x1Zv", NOW.minusSeconds(30), DiskType.CDS, null)
			.encode();

		Restore running = provider.restoreStatus(handle);

		assertThat(running.status()).isEqualTo(RestoreStatus.RUNNING);
		assertThat(running.snapshotNativeId()).isEqualTo("s-8kQ2x1Zv");
		assertThat(running.target()).isInstanceOf(RestoreTarget.VolumeTarget.class);
		assertThat(running.startedAt()).isEqualTo(NOW.minusSeconds(30));
		assertThat(running.detail()).isEqualTo("CDS disk v-Ab3dE5gH is SnapshotProcessing");

		bcc.stubFor(get("/v2/volume/v-Ab3dE5gH").willReturn(okJson(volumeReply("v-Ab3dE5gH", "Available", false, ""))));
		assertThat(provider.restoreStatus(handle).status()).isEqualTo(RestoreStatus.SUCCEEDED);

		bcc.stubFor(get("/v2/volume/v-Ab3dE5gH").willReturn(okJson(volumeReply("v-Ab3dE5gH", "Error", false, ""))));
		assertThat(provider.restoreStatus(handle).status()).isEqualTo(RestoreStatus.FAILED);

		bcc.stubFor(get("/v2/volume/v-Ab3dE5gH").willReturn(aResponse().withStatus(404)));
		assertThat(provider.restoreStatus(handle).status()).isEqualTo(RestoreStatus.FAILED);
	}

	@Test
	void healthIsACheapListing() {
		bcc.stubFor(get(urlEqualTo("/v2/snapshot?maxKeys=1")).willReturn(okJson(BaiduUpstream.page("", false, ""))));
		assertThat(provider().health()).isEqualTo(ProviderHealth.UP);

		bcc.stubFor(get(urlEqualTo("/v2/snapshot?maxKeys=1")).willReturn(aResponse().withStatus(503)));
		assertThat(provider().health()).isEqualTo(ProviderHealth.DOWN);
	}

	static String token(String key) {
		return new IdempotencyKey(key, "fingerprint").token(PROVIDER);
	}

	static CreateSnapshot command(String name, String description, String volumeId, String key) {
		return new CreateSnapshot(name, description, volumeId, null, false, false, false,
				(key != null) ? new IdempotencyKey(key, "fingerprint") : null);
	}

	static RestoreCommand volumeRollback(String snapshotId) {
		return new RestoreCommand(snapshotId, new RestoreTarget.VolumeTarget(), null, false, null);
	}

}
