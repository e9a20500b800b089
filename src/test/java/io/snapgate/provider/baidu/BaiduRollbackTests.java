package io.snapgate.provider.baidu;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.snapgate.domain.ConflictException;
import io.snapgate.domain.DiskType;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.MemberType;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Restore;
import io.snapgate.domain.RestoreCommand;
import io.snapgate.domain.RestoreStatus;
import io.snapgate.domain.RestoreTarget;
import io.snapgate.domain.UpstreamErrorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.snapgate.provider.baidu.BaiduSnapshotProviderTests.volumeRollback;
import static io.snapgate.provider.baidu.BaiduUpstream.error;
import static io.snapgate.provider.baidu.BaiduUpstream.instanceReply;
import static io.snapgate.provider.baidu.BaiduUpstream.snapshotReply;
import static io.snapgate.provider.baidu.BaiduUpstream.volumeReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Rolling back: the snapshot's own disk, a CDS disk only while detached, a system disk
 * only while its instance is Running or Stopped, all checked before the PUT; its progress
 * is read from the disk.
 */
class BaiduRollbackTests {

	@RegisterExtension
	static WireMockExtension bcc = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final BaiduSnapshotProvider provider = BaiduUpstream.provider(bcc.baseUrl(), BaiduUpstream.fixedClock());

	@Test
	void anAttachedCdsDiskIsNotRolledBack() {
		snapshotOf("v-Data0001", "Available");
		bcc.stubFor(get("/v2/volume/v-Data0001")
			.willReturn(okJson(volumeReply("v-Data0001", "InUse", false, "i-Web00001"))));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.provider.restore(volumeRollback("s-Snap0001")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.VOLUME_BUSY))
			.withMessageContaining("detached");
		bcc.verify(0, putRequestedFor(anyUrl()));
	}

	@Test
	void aSystemDiskIsRolledBackWhileItsInstanceIsStopped() {
		snapshotOf("v-Sys00001", "Available");
		bcc.stubFor(get("/v2/volume/v-Sys00001")
			.willReturn(okJson(volumeReply("v-Sys00001", "InUse", true, "i-Web00001"))));
		bcc.stubFor(get("/v2/instance/i-Web00001").willReturn(okJson(instanceReply("i-Web00001", "Stopped"))));
		bcc.stubFor(put(urlEqualTo("/v2/volume/v-Sys00001?rollback")).willReturn(aResponse().withStatus(200)));

		Restore restore = this.provider.restore(volumeRollback("s-Snap0001"));

		bcc.verify(1, putRequestedFor(urlEqualTo("/v2/volume/v-Sys00001?rollback")));
		assertThat(BaiduRestoreHandle.decode(restore.handle()).diskType()).isEqualTo(DiskType.SYSTEM);
		assertThat(restore.detail()).contains("system disk v-Sys00001");
	}

	@Test
	void aSystemDiskIsNotRolledBackWhileItsInstanceIsBusy() {
		snapshotOf("v-Sys00001", "Available");
		bcc.stubFor(get("/v2/volume/v-Sys00001")
			.willReturn(okJson(volumeReply("v-Sys00001", "InUse", true, "i-Web00001"))));
		bcc.stubFor(get("/v2/instance/i-Web00001").willReturn(okJson(instanceReply("i-Web00001", "Starting"))));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.provider.restore(volumeRollback("s-Snap0001")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INSTANCE_BUSY));
		bcc.verify(0, putRequestedFor(anyUrl()));
	}

	@Test
	void aSnapshotNamingItsInstanceRollsBackTheInstancesSystemDisk() {
		snapshotOf("i-Web00001", "Available");
		bcc.stubFor(get("/v2/instance/i-Web00001").willReturn(okJson("""
				{"instance":{"id":"i-Web00001","status":"Running","volumes":[
				 {"id":"v-Data0001","isSystemVolume":false,"status":"InUse"},
				 {"id":"v-Sys00001","isSystemVolume":true,"status":"InUse"}]}}""")));
		bcc.stubFor(put(urlEqualTo("/v2/volume/v-Sys00001?rollback")).willReturn(aResponse().withStatus(200)));

		Restore restore = this.provider.restore(volumeRollback("s-Snap0001"));

		assertThat(restore.handle().value()).startsWith("b1.v-Sys00001.s-Snap0001.");
		bcc.verify(1, putRequestedFor(urlEqualTo("/v2/volume/v-Sys00001?rollback")));
	}

	@Test
	void anInstanceThatListsNoDisksCannotBeRolledBack() {
		snapshotOf("i-Web00001", "Available");
		bcc.stubFor(get("/v2/instance/i-Web00001").willReturn(okJson(instanceReply("i-Web00001", "Running"))));

		assertThatExceptionOfType(UpstreamErrorException.class)
			.isThrownBy(() -> this.provider.restore(volumeRollback("s-Snap0001")));
		bcc.verify(0, putRequestedFor(anyUrl()));
	}

	@Test
	void onlyAnAvailableSnapshotIsRolledBackTo() {
		snapshotOf("v-Data0002", "Creating");

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.provider.restore(volumeRollback("s-Snap0001")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SNAPSHOT_BUSY));
		bcc.verify(0, putRequestedFor(anyUrl()));
	}

	@Test
	void aMissingSnapshotOrDiskIsNotFound() {
		bcc.stubFor(
				get(urlPathMatching("/v2/.*")).willReturn(aResponse().withStatus(404).withBody(error("NoSuchObject"))));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.provider.restore(volumeRollback("s-Snap0001")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SNAPSHOT_NOT_FOUND));

		snapshotOf("v-Data0002", "Available");
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.provider.restore(volumeRollback("s-Snap0001")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.VOLUME_NOT_FOUND));
		bcc.verify(0, putRequestedFor(anyUrl()));
	}

	@Test
	void bccsOwnRefusalOfTheRollbackKeepsItsMeaning() {
		snapshotOf("v-Data0002", "Available");
		bcc.stubFor(get("/v2/volume/v-Data0002").willReturn(okJson(volumeReply("v-Data0002", "Available", false, ""))));
		bcc.stubFor(put(urlEqualTo("/v2/volume/v-Data0002?rollback"))
			.willReturn(aResponse().withStatus(409).withBody(error("VolumeStatusConflict"))));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.provider.restore(volumeRollback("s-Snap0001")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.VOLUME_BUSY));
	}

	@Test
	void onlyTheVolumeCanBeTheTarget() {
		RestoreCommand vm = new RestoreCommand("s-Snap0001", new RestoreTarget.MemberTarget(MemberType.VM, "web"), null,
				false, null);

		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> this.provider.restore(vm))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UNSUPPORTED_FIELD));
		bcc.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aDiskStillSettledRightAfterTheRequestCountsAsNotStartedYet() {
		assertThat(BaiduRollbackSteps.progress("Available", Duration.ofMillis(500))).isEqualTo(RestoreStatus.RUNNING);
		assertThat(BaiduRollbackSteps.progress("InUse", Duration.ofSeconds(3))).isEqualTo(RestoreStatus.SUCCEEDED);
		assertThat(BaiduRollbackSteps.progress("Attaching", Duration.ofMinutes(3))).isEqualTo(RestoreStatus.RUNNING);
		assertThat(BaiduRollbackSteps.progress("SomethingNew", Duration.ofMinutes(3))).isEqualTo(RestoreStatus.RUNNING);
	}

	private static void snapshotOf(String diskId, String status) {
		bcc.stubFor(get("/v2/snapshot/s-Snap0001").willReturn(okJson(snapshotReply("s-Snap0001", diskId, status))));
	}

}
