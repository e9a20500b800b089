package io.snapgate.provider.baidu;

import java.time.Duration;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.snapgate.domain.CreateSnapshot;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.Preview;
import io.snapgate.domain.RestoreCommand;
import io.snapgate.domain.RestoreTarget;
import io.snapgate.domain.SnapGateException;
import io.snapgate.testing.UpstreamJournal;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.snapgate.provider.baidu.BaiduUpstream.error;
import static io.snapgate.provider.baidu.BaiduUpstream.instanceReply;
import static io.snapgate.provider.baidu.BaiduUpstream.page;
import static io.snapgate.provider.baidu.BaiduUpstream.snapshotReply;
import static io.snapgate.provider.baidu.BaiduUpstream.volumeReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every preview of a Baidu write checks what the write checks, from reads alone: it
 * answers the write's own problem where a precondition fails, and BCC is sent no write,
 * whatever the outcome.
 */
class BaiduPreviewTests {

	@RegisterExtension
	static WireMockExtension bcc = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final BaiduSnapshotProvider provider = BaiduUpstream.provider(bcc.baseUrl(), BaiduUpstream.fixedClock());

	@AfterEach
	void nothingWasWritten() {
		assertThat(UpstreamJournal.writes(bcc)).as("the journal shows no write").isEmpty();
	}

	@ParameterizedTest(name = "rollback to a {0} snapshot of a {1} disk on a {2} instance: {3}")
	@CsvSource({ "Creating, Available, -, SNAPSHOT_BUSY", "Available, InUse, -, VOLUME_BUSY",
			"Available, Detaching, -, VOLUME_BUSY", "Available, system, Starting, INSTANCE_BUSY",
			"Available, system, Expired, INSTANCE_BUSY" })
	void aRollbackPreviewFailsAsTheRollbackWould(String snapshot, String disk, String instance, String code) {
		bcc.stubFor(
				get("/v2/snapshot/s-Snap0001").willReturn(okJson(snapshotReply("s-Snap0001", "v-Data0001", snapshot))));
		boolean system = disk.equals("system");
		bcc.stubFor(get("/v2/volume/v-Data0001").willReturn(
				okJson(volumeReply("v-Data0001", system ? "InUse" : disk, system, system ? "i-Web00001" : ""))));
		bcc.stubFor(get("/v2/instance/i-Web00001").willReturn(okJson(instanceReply("i-Web00001", instance))));

		assertFails(() -> this.provider.previewRestore(rollback("s-Snap0001")), code);
		assertFails(() -> this.provider.restore(rollback("s-Snap0001")), code);
	}

	@Test
	void aRollbackPreviewOfAMissingSnapshotIsNotFound() {
		bcc.stubFor(get("/v2/snapshot/s-Gone0001").willReturn(notFound().withBody(error("NoSuchSnapshot"))));

		assertFails(() -> this.provider.previewRestore(rollback("s-Gone0001")), "SNAPSHOT_NOT_FOUND");
	}

	@Test
	void aSystemDiskRollbackPreviewWarnsToStopTheInstance() {
		bcc.stubFor(get("/v2/snapshot/s-Snap0001")
			.willReturn(okJson(snapshotReply("s-Snap0001", "v-Sys00001", "Available"))));
		bcc.stubFor(get("/v2/volume/v-Sys00001")
			.willReturn(okJson(volumeReply("v-Sys00001", "InUse", true, "i-Web00001"))));
		bcc.stubFor(get("/v2/instance/i-Web00001").willReturn(okJson(instanceReply("i-Web00001", "Running"))));
		bcc.stubFor(get(urlPathEqualTo("/v2/snapshot")).withQueryParam("volumeId", equalTo("v-Sys00001"))
			.willReturn(okJson(page("", false, ""))));

		Preview preview = this.provider.previewRestore(rollback("s-Snap0001"));

		assertThat(preview.checks()).extracting(Preview.Check::name).contains("INSTANCE_READY");
		assertThat(preview.warnings()).anySatisfy((warning) -> assertThat(warning).contains("stop the instance"));
	}

	@ParameterizedTest(name = "delete of a {0} snapshot: {1}")
	@CsvSource({ "Creating, SNAPSHOT_BUSY", "NotAvailable, SNAPSHOT_BUSY" })
	void aDeletePreviewFailsAsTheDeleteWould(String status, String code) {
		bcc.stubFor(
				get("/v2/snapshot/s-Snap0001").willReturn(okJson(snapshotReply("s-Snap0001", "v-Data0001", status))));

		assertFails(() -> this.provider.previewDelete("s-Snap0001"), code);
		assertFails(() -> this.provider.delete("s-Snap0001"), code);
	}

	@Test
	void aDeletePreviewTellsWhatGoes() {
		bcc.stubFor(get("/v2/snapshot/s-Snap0001")
			.willReturn(okJson(snapshotReply("s-Snap0001", "v-Data0001", "Available"))));

		Preview preview = this.provider.previewDelete("s-Snap0001");

		assertThat(preview.actions()).singleElement().satisfies((action) -> {
			assertThat(action.change()).isEqualTo(Preview.Change.DELETE);
			assertThat(action.id()).isEqualTo("baidu-bj:s-Snap0001");
			assertThat(action.sizeGb()).isEqualTo(40L);
		});
	}

	@ParameterizedTest(name = "snapshot of {0} ({1}): {2}")
	@CsvSource({ "v-Data0001, Attaching, VOLUME_BUSY", "v-Data0001, Error, VOLUME_BUSY",
			"i-Web00001, Stopping, INSTANCE_BUSY" })
	void aCreatePreviewFailsAsTheCreateWould(String diskId, String status, String code) {
		bcc.stubFor(get("/v2/volume/v-Data0001").willReturn(okJson(volumeReply("v-Data0001", status, false, ""))));
		bcc.stubFor(get("/v2/instance/i-Web00001").willReturn(okJson(instanceReply("i-Web00001", status))));

		assertFails(() -> this.provider.previewCreate(create("pre_upgrade", diskId)), code);
		assertFails(() -> this.provider.create(create("pre_upgrade", diskId)), code);
	}

	@Test
	void aCreatePreviewRefusesWhatBccRefusesBeforeAsking() {
		assertFails(() -> this.provider.previewCreate(create("pre-upgrade", "v-Data0001")), "VALIDATION_FAILED");
		bcc.stubFor(get("/v2/volume/v-Gone0001").willReturn(notFound().withBody(error("NoSuchVolume"))));
		assertFails(() -> this.provider.previewCreate(create("pre_upgrade", "v-Gone0001")), "VOLUME_NOT_FOUND");
	}

	@Test
	void aCreatePreviewTellsTheSnapshotItWouldTake() {
		bcc.stubFor(get("/v2/volume/v-Data0001").willReturn(okJson(volumeReply("v-Data0001", "InUse", false, ""))));

		Preview preview = this.provider.previewCreate(create("pre_upgrade", "v-Data0001"));

		assertThat(preview.actions()).singleElement().satisfies((action) -> {
			assertThat(action.change()).isEqualTo(Preview.Change.CREATE);
			assertThat(action.name()).isEqualTo("pre_upgrade");
		});
		assertThat(preview.checks()).extracting(Preview.Check::outcome).contains(Preview.Outcome.UNKNOWN);
	}

	@Test
	void aCreatePreviewTellsHowLongTheSnapshotIsKept() {
		bcc.stubFor(get("/v2/volume/v-Data0001").willReturn(okJson(volumeReply("v-Data0001", "InUse", false, ""))));

		Preview kept = this.provider.previewCreate(
				new CreateSnapshot("pre_upgrade", null, "v-Data0001", Duration.ofDays(7), false, false, false, null));
		Preview forever = this.provider.previewCreate(create("pre_upgrade", "v-Data0001"));

		assertThat(kept.actions()).singleElement()
			.satisfies((action) -> assertThat(action.description())
				.contains("kept 7 days, until about " + BaiduUpstream.NOW.plus(Duration.ofDays(7))));
		assertThat(forever.actions()).singleElement()
			.satisfies((action) -> assertThat(action.description()).contains("kept until it is deleted"));
	}

	@Test
	void aCreatePreviewRefusesARetentionBccCannotKeep() {
		assertFails(() -> this.provider.previewCreate(
				new CreateSnapshot("pre_upgrade", null, "v-Data0001", Duration.ofHours(12), false, false, false, null)),
				"UNSUPPORTED_FIELD");
	}

	private static void assertFails(ThrowingCallable call, String code) {
		Consumer<SnapGateException> hasCode = (ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.valueOf(code));
		assertThatExceptionOfType(SnapGateException.class).isThrownBy(call).satisfies(hasCode);
	}

	private static RestoreCommand rollback(String snapshotId) {
		return new RestoreCommand(snapshotId, new RestoreTarget.VolumeTarget(), null, true, null);
	}

	private static CreateSnapshot create(String name, String diskId) {
		return new CreateSnapshot(name, null, diskId, null, false, false, false, null);
	}

}
