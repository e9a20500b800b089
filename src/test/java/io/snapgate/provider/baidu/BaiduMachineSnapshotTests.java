package io.snapgate.provider.baidu;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.snapgate.domain.ConflictException;
import io.snapgate.domain.CreateSnapshot;
import io.snapgate.domain.DeleteOutcome;
import io.snapgate.domain.DiskType;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.MachineSource;
import io.snapgate.domain.MachineSource.MachineDisk;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Preview;
import io.snapgate.domain.Scope;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotChanges;
import io.snapgate.domain.SnapshotStatus;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.domain.UpstreamThrottledException;
import io.snapgate.domain.UpstreamUnavailableException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.snapgate.provider.baidu.BaiduSnapshotProviderTests.token;
import static io.snapgate.provider.baidu.BaiduUpstream.NOW;
import static io.snapgate.provider.baidu.BaiduUpstream.error;
import static io.snapgate.provider.baidu.BaiduUpstream.group;
import static io.snapgate.provider.baidu.BaiduUpstream.groupDisk;
import static io.snapgate.provider.baidu.BaiduUpstream.groupPage;
import static io.snapgate.provider.baidu.BaiduUpstream.instanceReply;
import static io.snapgate.provider.baidu.BaiduUpstream.volume;
import static io.snapgate.provider.baidu.BaiduUpstream.volumePage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A machine snapshot is one BCC instance snapshot of the instance with all its disks:
 * checked against BCC's rules before the POST, made once under the caller's key, one id
 * and one status, and deleted as one.
 */
class BaiduMachineSnapshotTests {

	@RegisterExtension
	static WireMockExtension bcc = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final String CREATE = "/v2/snapshot/insnap/create";

	static final String LIST = "/v2/snapshot/insnap/list";

	static final String DELETE = "/v2/snapshot/insnap/delete";

	static final String DISKS_OF_WEB = "/v2/volume?maxKeys=100&instanceId=i-Web00001";

	private final BaiduSnapshotProvider provider = BaiduUpstream.provider(bcc.baseUrl(), BaiduUpstream.fixedClock());

	@BeforeEach
	void stubBcc() {
		bcc.stubFor(get("/v2/instance/i-Web00001").willReturn(okJson(instanceReply("i-Web00001", "Running"))));
		stubDisks("InUse", "InUse");
		bcc.stubFor(post(urlPathEqualTo(CREATE)).willReturn(
				okJson("{\"inSnapshotId\":\"insnap-New00001\",\"snapshotIds\":[\"s-Disk0001\",\"s-Disk0002\"]}")));
		stubGroup(group("insnap-New00001", "i-Web00001", "creating", "2026-11-22T10:00:00Z",
				groupDisk("s-Disk0001", "v-Sys00001", "Creating"), groupDisk("s-Disk0002", "v-Data0001", "Creating")));
		bcc.stubFor(get("/v2/volume/v-Sys00001")
			.willReturn(okJson(BaiduUpstream.volumeReply("v-Sys00001", "InUse", true, "i-Web00001"))));
		bcc.stubFor(get("/v2/volume/v-Data0001")
			.willReturn(okJson(BaiduUpstream.volumeReply("v-Data0001", "InUse", false, "i-Web00001"))));
	}

	@Test
	void aMachineSnapshotIsOneSignedInstanceSnapshotUnderTheCallersToken() {
		Snapshot created = this.provider.create(machine("before_patch", "key-1", Duration.ofDays(7)));

		LoggedRequest post = bcc.findAll(postRequestedFor(urlPathEqualTo(CREATE))).getFirst();
		assertThat(post.getUrl()).isEqualTo(CREATE + "?clientToken=" + token("key-1"));
		assertThat(post.getHeader("Content-Type")).isEqualToIgnoringCase(BaiduClient.JSON_UTF8);
		assertThat(post.getBodyAsString()).isEqualToIgnoringWhitespace(
				"{\"instanceId\":\"i-Web00001\",\"name\":\"before_patch\",\"desc\":\"before the patch\","
						+ "\"retentionInDays\":7}");
		BaiduUpstream.assertSignedAt(post, NOW);
		bcc.verify(postRequestedFor(urlEqualTo(LIST))
			.withRequestBody(equalToJson("{\"maxKeys\":1,\"instanceSnapshotIds\":[\"insnap-New00001\"]}")));
		assertThat(created.nativeId()).isEqualTo("insnap-New00001");
		assertThat(created.scope()).isEqualTo(Scope.MACHINE);
		assertThat(created.status()).isEqualTo(SnapshotStatus.CREATING);
		assertThat(created.providerStatus()).isEqualTo("creating");
		MachineSource source = (MachineSource) created.source();
		assertThat(source.machine()).isEqualTo("i-Web00001");
		assertThat(source.disks()).containsExactly(
				new MachineDisk("v-Sys00001", DiskType.SYSTEM, "s-Disk0001", SnapshotStatus.CREATING),
				new MachineDisk("v-Data0001", DiskType.CDS, "s-Disk0002", SnapshotStatus.CREATING));
	}

	@Test
	void withoutARetentionBccIsToldToKeepItAndWithoutAKeyEachCreateHasItsOwnToken() {
		this.provider.create(machine("kept", null, null));
		this.provider.create(machine("kept", null, null));

		List<LoggedRequest> posts = bcc.findAll(postRequestedFor(urlPathEqualTo(CREATE)));
		assertThat(posts).extracting((p) -> p.queryParameter("clientToken").firstValue())
			.doesNotHaveDuplicates()
			.allSatisfy((t) -> assertThat(t).hasSizeLessThan(64));
		bcc.verify(postRequestedFor(urlPathEqualTo(CREATE)).withRequestBody(equalToJson(
				"{\"instanceId\":\"i-Web00001\",\"name\":\"kept\",\"desc\":\"before the patch\",\"retentionInDays\":-1}")));
	}

	@Test
	void aKeyReusedForAnotherRequestIsRefusedAsBccRefusesIt() {
		bcc.stubFor(post(urlPathEqualTo(CREATE))
			.willReturn(aResponse().withStatus(409).withBody(error("IdempotentParameterMismatch"))));

		assertThatExceptionOfType(IdempotencyKeyReusedException.class)
			.isThrownBy(() -> this.provider.create(machine("other", "key-1", null)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Starting", "Stopping", "Scaling", "Error" })
	void aBusyInstanceIsRefusedBeforeThePost(String status) {
		bcc.stubFor(get("/v2/instance/i-Web00001").willReturn(okJson(instanceReply("i-Web00001", status))));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.provider.create(machine("busy", "key-1", null)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INSTANCE_BUSY));
		bcc.verify(0, postRequestedFor(anyUrl()));
	}

	@Test
	void aDiskNotInUseIsRefusedBeforeThePost() {
		stubDisks("InUse", "Detaching");

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.provider.create(machine("detaching", "key-1", null)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.VOLUME_BUSY))
			.withMessageContaining("v-Data0001");
		bcc.verify(0, postRequestedFor(anyUrl()));
	}

	@Test
	void anInstanceWithALocalDiskCannotBeSnapshottedWhole() {
		bcc.stubFor(get(urlEqualTo(DISKS_OF_WEB))
			.willReturn(okJson(volumePage(false, "", volume("v-Sys00001", "InUse", true, "i-Web00001", null),
					volume("v-Local001", "InUse", false, "i-Web00001", null).replace("\"hp1\"", "\"local-ssd\"")))));

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.provider.create(machine("local", "key-1", null)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UNSUPPORTED_FIELD))
			.withMessageContaining("v-Local001");
		bcc.verify(0, postRequestedFor(anyUrl()));
	}

	@Test
	void aDiskWithoutRoomIsRefusedBeforeThePostWhenTheQuotaIsKnown() {
		BaiduSnapshotProvider quoted = BaiduUpstream.provider(bcc.baseUrl(), BaiduUpstream.fixedClock(),
				Duration.ofSeconds(5), 2);
		bcc.stubFor(get(urlEqualTo("/v2/snapshot?maxKeys=1000&volumeId=v-Sys00001"))
			.willReturn(okJson(BaiduUpstream.page("", false, ""))));
		bcc.stubFor(get(urlEqualTo("/v2/snapshot?maxKeys=1000&volumeId=v-Data0001"))
			.willReturn(okJson(BaiduUpstream.page("", false, "",
					BaiduUpstream.snapshot("s-Old00001", "v-Data0001", "Available", "2026-11-01T00:00:00Z"),
					BaiduUpstream.snapshot("s-Old00002", "v-Data0001", "Available", "2026-11-02T00:00:00Z")))));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> quoted.create(machine("full", "key-1", null)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED))
			.withMessageContaining("v-Data0001");
		bcc.verify(0, postRequestedFor(anyUrl()));
	}

	@Test
	void bccsOwnRefusalsKeepTheirMeaning() {
		bcc.stubFor(post(urlPathEqualTo(CREATE))
			.willReturn(aResponse().withStatus(400).withBody(error("SnapshotQuotaExceeded"))));
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.provider.create(machine("quota", "key-1", null)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED));

		bcc.stubFor(post(urlPathEqualTo(CREATE))
			.willReturn(aResponse().withStatus(409).withBody(error("InstanceStatusConflict"))));
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.provider.create(machine("busy", "key-1", null)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INSTANCE_BUSY));
	}

	@Test
	void anIdOfAShapeSnapGateDoesNotKnowIsRefusedLoudly() {
		bcc.stubFor(post(urlPathEqualTo(CREATE)).willReturn(okJson("{\"inSnapshotId\":\"IS_1\",\"snapshotIds\":[]}")));

		assertThatExceptionOfType(UpstreamErrorException.class)
			.isThrownBy(() -> this.provider.create(machine("odd", "key-1", null)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UPSTREAM_ERROR))
			.withMessageContaining("inSnapshotId");
	}

	@Test
	void theNameAndTheMachineAreCheckedAgainstBccsShapesBeforeAnythingIsAsked() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.provider.create(machine("1st-patch", "key-1", null)))
			.satisfies((ex) -> assertThat(ex.fieldErrors()).extracting("field").containsExactly("name"));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.provider
				.create(new CreateSnapshot("ok", null, null, null, false, false, false, null, "web-01", false)))
			.satisfies((ex) -> assertThat(ex.fieldErrors()).extracting("field").containsExactly("machine"));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.provider.create(machine("kept", "key-1", Duration.ofHours(36))))
			.satisfies((ex) -> assertThat(ex.fieldErrors()).extracting("field").containsExactly("retention"));
		bcc.verify(0, postRequestedFor(anyUrl()));
	}

	@Test
	void aGroupIsAvailableOnlyWhenActiveAndEveryDiskSnapshotIsAvailable() {
		stubGroup(group("insnap-New00001", "i-Web00001", "active", "2026-11-22T10:00:00Z",
				groupDisk("s-Disk0001", "v-Sys00001", "Available"), groupDisk("s-Disk0002", "v-Data0001", "Creating")));
		assertThat(this.provider.get("insnap-New00001"))
			.hasValueSatisfying((s) -> assertThat(s.status()).isEqualTo(SnapshotStatus.CREATING));

		stubGroup(group("insnap-New00001", "i-Web00001", "active", "2026-11-22T10:00:00Z",
				groupDisk("s-Disk0001", "v-Sys00001", "Available"),
				groupDisk("s-Disk0002", "v-Data0001", "Available")));
		assertThat(this.provider.get("insnap-New00001")).hasValueSatisfying((s) -> {
			assertThat(s.status()).isEqualTo(SnapshotStatus.AVAILABLE);
			assertThat(s.sizeGb()).isEqualTo(80);
			assertThat(s.attributes()).doesNotContainKey("failureReason");
		});

		stubGroup(group("insnap-New00001", "i-Web00001", "rollback", "2026-11-22T10:00:00Z",
				groupDisk("s-Disk0001", "v-Sys00001", "Available")));
		assertThat(this.provider.get("insnap-New00001"))
			.hasValueSatisfying((s) -> assertThat(s.status()).isEqualTo(SnapshotStatus.UNAVAILABLE));

		stubGroup(group("insnap-New00001", "i-Web00001", "deleted", "2026-11-22T10:00:00Z"));
		assertThat(this.provider.get("insnap-New00001")).isEmpty();
	}

	@Test
	void aGroupThatEndsInErrorIsFailedWithAReasonAndItsDeleteTakesItsDisksSnapshotsAlong() {
		stubGroup(group("insnap-New00001", "i-Web00001", "error", "2026-11-22T10:00:00Z",
				groupDisk("s-Disk0001", "v-Sys00001", "CreatedFailed"),
				groupDisk("s-Disk0002", "v-Data0001", "Available")));
		bcc.stubFor(post(urlEqualTo(DELETE)).willReturn(aResponse().withStatus(200)));

		Snapshot failed = this.provider.get("insnap-New00001").orElseThrow();
		DeleteOutcome deleted = this.provider.delete("insnap-New00001");

		assertThat(failed.status()).isEqualTo(SnapshotStatus.FAILED);
		assertThat(failed.attributes().get("failureReason")).contains("s-Disk0001 of disk v-Sys00001 is CreatedFailed")
			.contains("s-Disk0002 of disk v-Data0001 is Available")
			.contains("SnapGate cleaned up nothing")
			.contains("until it is deleted");
		assertThat(deleted).isEqualTo(DeleteOutcome.ACCEPTED);
		LoggedRequest delete = bcc.findAll(postRequestedFor(urlEqualTo(DELETE))).getFirst();
		assertThat(delete.getBodyAsString()).isEqualToIgnoringWhitespace("{\"deleteInsnapIds\":[\"insnap-New00001\"]}");
		BaiduUpstream.assertSignedAt(delete, NOW);
	}

	@ParameterizedTest
	@ValueSource(strings = { "creating", "deleting", "rollback", "error_deleting", "somethingNew" })
	void aGroupIsDeletedOnlyWhileBccDeletesItAndNothingIsSentOtherwise(String status) {
		stubGroup(group("insnap-New00001", "i-Web00001", status, "2026-11-22T10:00:00Z",
				groupDisk("s-Disk0001", "v-Sys00001", "Available")));

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.provider.delete("insnap-New00001"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SNAPSHOT_BUSY))
			.withMessageContaining(status);
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.provider.previewDelete("insnap-New00001"));
		bcc.verify(0, postRequestedFor(urlEqualTo(DELETE)));
	}

	@Test
	void bccsRefusalOfTheDeleteIsBusyAndAGroupItNoLongerHasIsNotFound() {
		stubGroup(group("insnap-New00001", "i-Web00001", "active", "2026-11-22T10:00:00Z",
				groupDisk("s-Disk0001", "v-Sys00001", "Available")));
		bcc.stubFor(
				post(urlEqualTo(DELETE)).willReturn(aResponse().withStatus(409).withBody(error("OperationDenied"))));
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.provider.delete("insnap-New00001"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SNAPSHOT_BUSY));

		bcc.stubFor(post(urlEqualTo(LIST)).willReturn(okJson(groupPage(false, ""))));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.provider.delete("insnap-New00001"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SNAPSHOT_NOT_FOUND));
		assertThat(this.provider.get("insnap-New00001")).isEmpty();
	}

	@Test
	void aDeletePreviewNamesEveryDiskSnapshotItTakesAlong() {
		stubGroup(group("insnap-New00001", "i-Web00001", "active", "2026-11-22T10:00:00Z",
				groupDisk("s-Disk0001", "v-Sys00001", "Available"),
				groupDisk("s-Disk0002", "v-Data0001", "Available")));

		Preview preview = this.provider.previewDelete("insnap-New00001");

		assertThat(preview.actions()).extracting(Preview.Action::change, Preview.Action::id)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Preview.Change.DELETE, "baidu-bj:insnap-New00001"),
					org.assertj.core.groups.Tuple.tuple(Preview.Change.DELETE, "baidu-bj:s-Disk0001"),
					org.assertj.core.groups.Tuple.tuple(Preview.Change.DELETE, "baidu-bj:s-Disk0002"));
		bcc.verify(0, postRequestedFor(urlEqualTo(DELETE)));
	}

	@Test
	void aCreatePreviewNamesTheDisksTheInstancesStateAndTheRoomOnEachDisk() {
		BaiduSnapshotProvider quoted = BaiduUpstream.provider(bcc.baseUrl(), BaiduUpstream.fixedClock(),
				Duration.ofSeconds(5), 8);
		bcc.stubFor(get(urlPathEqualTo("/v2/snapshot")).willReturn(okJson(BaiduUpstream.page("", false, ""))));

		Preview preview = quoted.previewCreate(machine("before_patch", "key-1", Duration.ofDays(7)));

		assertThat(preview.checks()).extracting(Preview.Check::name)
			.containsExactly("REQUEST_VALID", "INSTANCE_READY", "DISKS_IN_USE", "QUOTA", "SAME_REQUEST");
		assertThat(preview.checks().get(1).detail()).contains("Running");
		assertThat(preview.checks().get(2).detail()).contains("v-Sys00001 (system)", "v-Data0001 (CDS)");
		assertThat(preview.checks().get(3).detail()).contains("v-Sys00001 holds 0 of 8", "v-Data0001 holds 0 of 8");
		assertThat(preview.actions()).hasSize(3);
		assertThat(preview.actions().get(0).description()).contains("with its 2 disk(s)", "kept 7 days");
		bcc.verify(0, postRequestedFor(anyUrl()).withUrl(CREATE));
		bcc.verify(0, putRequestedFor(anyUrl()));
	}

	@Test
	void aMachineSnapshotCannotBeChanged() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(
					() -> this.provider.update("insnap-New00001", new SnapshotChanges("new_name", null, null, false)))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.UNSUPPORTED_FIELD);
				assertThat(ex.fieldErrors()).extracting("field").containsExactly("name");
			});
	}

	@Test
	void idsAreRoutedByTheirShape() {
		assertThat(this.provider.isValidNativeId("insnap-New00001")).isTrue();
		assertThat(this.provider.isValidNativeId("s-Disk0001")).isTrue();
		for (String other : List.of("v-Data0001", "i-Web00001", "asp-Abc", "insnap_x", "x", "IS-1", "../x")) {
			assertThat(this.provider.isValidNativeId(other)).as(other).isFalse();
		}
	}

	@Test
	void faultsOfTheGroupListingAreTheUpstreamsAndAnUnreadableBodyNamesItsField() {
		bcc.stubFor(
				post(urlEqualTo(LIST)).willReturn(aResponse().withStatus(503).withBody(error("ServiceUnavailable"))));
		assertThatExceptionOfType(UpstreamUnavailableException.class)
			.isThrownBy(() -> this.provider.get("insnap-New00001"));

		bcc.stubFor(post(urlEqualTo(LIST)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")));
		assertThatExceptionOfType(UpstreamThrottledException.class)
			.isThrownBy(() -> this.provider.get("insnap-New00001"));

		bcc.stubFor(post(urlEqualTo(LIST)).willReturn(okJson("{\"instanceSnapshots\":\"none\"}")));
		assertThatExceptionOfType(UpstreamErrorException.class).isThrownBy(() -> this.provider.get("insnap-New00001"))
			.withMessageContaining("instanceSnapshots");

		bcc.stubFor(post(urlEqualTo(LIST)).willReturn(aResponse().withStatus(404).withBody(error("NoSuchKey"))));
		assertThatExceptionOfType(UpstreamErrorException.class).as("an unconfirmed path fails loudly")
			.isThrownBy(() -> this.provider.get("insnap-New00001"))
			.withMessageContaining("/v2/snapshot/insnap/list");

		bcc.stubFor(post(urlEqualTo(LIST)).willReturn(okJson("{\"instanceSnapshots\":[")));
		assertThatExceptionOfType(UpstreamErrorException.class).isThrownBy(() -> this.provider.get("insnap-New00001"));

		stubGroup(group("insnap-New00001", "i-Web00001", "active", "yesterday"));
		assertThatExceptionOfType(UpstreamErrorException.class).isThrownBy(() -> this.provider.get("insnap-New00001"))
			.withMessageContaining("createdTime");
	}

	static CreateSnapshot machine(String name, String key, Duration retention) {
		return new CreateSnapshot(name, "before the patch", null, retention, false, false, false,
				(key != null) ? new IdempotencyKey(key, "fingerprint") : null, "i-Web00001", false);
	}

	private static void stubDisks(String system, String data) {
		bcc.stubFor(get(urlEqualTo(DISKS_OF_WEB))
			.willReturn(okJson(volumePage(false, "", volume("v-Sys00001", system, true, "i-Web00001", null),
					volume("v-Data0001", data, false, "i-Web00001", null)))));
	}

	private static void stubGroup(String group) {
		bcc.stubFor(post(urlEqualTo(LIST)).willReturn(okJson(groupPage(false, "", group))));
	}

}
