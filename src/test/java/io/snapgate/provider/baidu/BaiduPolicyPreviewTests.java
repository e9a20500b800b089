package io.snapgate.provider.baidu;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.snapgate.domain.ConflictException;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.PolicyProvider;
import io.snapgate.domain.PolicySchedule;
import io.snapgate.domain.PolicySpec;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.Preview;
import io.snapgate.domain.ScheduleRule;
import io.snapgate.testing.UpstreamJournal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.snapgate.provider.baidu.BaiduPoliciesTests.EVERY_DAY;
import static io.snapgate.provider.baidu.BaiduPoliciesTests.daily;
import static io.snapgate.provider.baidu.BaiduPoliciesTests.key;
import static io.snapgate.provider.baidu.BaiduPoliciesTests.week;
import static io.snapgate.provider.baidu.BaiduUpstream.SHANGHAI;
import static io.snapgate.provider.baidu.BaiduUpstream.asp;
import static io.snapgate.provider.baidu.BaiduUpstream.aspReply;
import static io.snapgate.provider.baidu.BaiduUpstream.error;
import static io.snapgate.provider.baidu.BaiduUpstream.volume;
import static io.snapgate.provider.baidu.BaiduUpstream.volumePage;
import static io.snapgate.provider.baidu.BaiduUpstream.volumeReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A preview of each Baidu policy write checks the spec, the policy and the disks as the
 * write does, names the disks it would attach or detach, and sends BCC no write.
 */
class BaiduPolicyPreviewTests {

	@RegisterExtension
	static WireMockExtension bcc = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final PolicyProvider policies = BaiduUpstream.provider(bcc.baseUrl(), BaiduUpstream.fixedClock())
		.policies()
		.orElseThrow();

	@AfterEach
	void nothingWasWritten() {
		assertThat(UpstreamJournal.writes(bcc)).as("the journal shows no write").isEmpty();
	}

	@Test
	void aPreviewTellsThePolicyAndTheDisksThatWouldJoinIt() {
		bcc.stubFor(get("/v2/volume/v-Data0001").willReturn(okJson(volumeReply("v-Data0001", "InUse", false, "i-1"))));

		Preview preview = this.policies.previewCreate(daily(2, PolicyTarget.volume("v-Data0001")), null);

		assertThat(preview.actions()).extracting(Preview.Action::change)
			.containsExactly(Preview.Change.CREATE, Preview.Change.ATTACH);
		assertThat(preview.actions().get(1).id()).isEqualTo("v-Data0001");
	}

	@Test
	void aDetachedDiskIsTheCreatesConflict() {
		bcc.stubFor(get("/v2/volume/v-Data0001").willReturn(okJson(volumeReply("v-Data0001", "Available", false, ""))));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.policies.previewCreate(daily(2, PolicyTarget.volume("v-Data0001")), null))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.VOLUME_BUSY));
	}

	@Test
	void aDiskInAnotherPolicyIsAConflictWithoutAKeyAndUnknownWithOne() {
		bcc.stubFor(get("/v2/volume/v-Data0001")
			.willReturn(okJson(volumeReply("v-Data0001", "InUse", false, "i-1", "asp-Other001"))));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.policies.previewCreate(daily(2, PolicyTarget.volume("v-Data0001")), null))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.VOLUME_BUSY));
		Preview keyed = this.policies.previewCreate(daily(2, PolicyTarget.volume("v-Data0001")), key("k-1"));
		assertThat(keyed.checks()).filteredOn((check) -> check.name().equals("DISK_FREE"))
			.singleElement()
			.satisfies((check) -> assertThat(check.outcome()).isEqualTo(Preview.Outcome.UNKNOWN));
	}

	@Test
	void aDeletePreviewNamesTheDisksItDetachesFirst() {
		bcc.stubFor(get("/v2/asp/asp-Old00001")
			.willReturn(okJson(aspReply(asp("asp-Old00001", "nightly", "[2]", EVERY_DAY, "7", 2)))));
		bcc.stubFor(get(urlPathEqualTo("/v2/volume"))
			.willReturn(okJson(volumePage(false, "", volume("v-Data0002", "InUse", false, "i-1", "asp-Old00001"),
					volume("v-Data0003", "InUse", false, "i-1", "asp-Other001"),
					volume("v-Data0001", "InUse", false, "i-1", "asp-Old00001")))));

		Preview preview = this.policies.previewDelete("asp-Old00001");

		assertThat(preview.actions()).extracting((action) -> action.change() + " " + action.kind() + " " + action.id())
			.containsExactly("DETACH VOLUME v-Data0001", "DETACH VOLUME v-Data0002",
					"DELETE POLICY baidu-bj:asp-Old00001");
		assertThat(preview.actions().getFirst().name()).isEqualTo("disk_Data0001");
		assertThat(preview.actions().getFirst().sizeGb()).isEqualTo(40);
		assertThat(preview.warnings()).anySatisfy((warning) -> assertThat(warning).contains("snapshots it made stay"));
	}

	@Test
	void aDeletePreviewSaysWhenNotEveryDiskBccCountsWasFound() {
		bcc.stubFor(get("/v2/asp/asp-Old00001")
			.willReturn(okJson(aspReply(asp("asp-Old00001", "nightly", "[2]", EVERY_DAY, "7", 3)))));
		bcc.stubFor(get(urlPathEqualTo("/v2/volume"))
			.willReturn(okJson(volumePage(false, "", volume("v-Data0001", "InUse", false, "i-1", "asp-Old00001")))));

		Preview preview = this.policies.previewDelete("asp-Old00001");

		assertThat(preview.checks()).filteredOn((check) -> check.name().equals("ALL_DISKS_FOUND"))
			.singleElement()
			.satisfies((check) -> assertThat(check.outcome()).isEqualTo(Preview.Outcome.UNKNOWN));
	}

	@Test
	void aPreviewOfAMissingPolicyIsNotFoundAsItsWriteIs() {
		bcc.stubFor(
				get("/v2/asp/asp-Gone0001").willReturn(aResponse().withStatus(404).withBody(error("NoSuchObject"))));

		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.policies.previewDelete("asp-Gone0001"));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.policies.previewReplace("asp-Gone0001", daily(2)));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.policies.previewAttach("asp-Gone0001", List.of(PolicyTarget.volume("v-Data0001"))));
	}

	@Test
	void aReplacePreviewOverwritesThePolicyAndKeepsItsDisks() {
		bcc.stubFor(get("/v2/asp/asp-Old00001")
			.willReturn(okJson(aspReply(asp("asp-Old00001", "nightly", "[2]", EVERY_DAY, "7", 1)))));

		Preview preview = this.policies.previewReplace("asp-Old00001", daily(3));

		assertThat(preview.actions()).singleElement().satisfies((action) -> {
			assertThat(action.change()).isEqualTo(Preview.Change.OVERWRITE);
			assertThat(action.id()).isEqualTo("baidu-bj:asp-Old00001");
		});
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.policies.previewReplace("asp-Old00001",
					new PolicySpec("x", new PolicySchedule(SHANGHAI, List.of(new ScheduleRule.Hourly(15))), week(),
							false, List.of())))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UNSUPPORTED_FIELD));
	}

	@Test
	void anAttachPreviewTellsTheDisksThatJoinAndThoseInAlready() {
		bcc.stubFor(get("/v2/asp/asp-Old00001")
			.willReturn(okJson(aspReply(asp("asp-Old00001", "nightly", "[2]", EVERY_DAY, "7", 1)))));
		bcc.stubFor(get("/v2/volume/v-Data0001")
			.willReturn(okJson(volumeReply("v-Data0001", "InUse", false, "i-1", "asp-Old00001"))));
		bcc.stubFor(get("/v2/volume/v-Data0002").willReturn(okJson(volumeReply("v-Data0002", "InUse", false, "i-1"))));
		bcc.stubFor(get("/v2/volume/v-Data0003")
			.willReturn(okJson(volumeReply("v-Data0003", "InUse", false, "i-1", "asp-Other001"))));

		Preview preview = this.policies.previewAttach("asp-Old00001",
				List.of(PolicyTarget.volume("v-Data0001"), PolicyTarget.volume("v-Data0002")));

		assertThat(preview.actions()).extracting((action) -> action.change() + " " + action.id())
			.containsExactly("NONE v-Data0001", "ATTACH v-Data0002");
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.policies.previewAttach("asp-Old00001", List.of(PolicyTarget.volume("v-Data0003"))))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.VOLUME_BUSY));
	}

	@Test
	void aDetachPreviewNamesTheDiskAndWarnsWhenItIsThePoliciesLast() {
		bcc.stubFor(get("/v2/asp/asp-Old00001")
			.willReturn(okJson(aspReply(asp("asp-Old00001", "nightly", "[2]", EVERY_DAY, "7", 1)))));
		bcc.stubFor(get("/v2/volume/v-Data0001")
			.willReturn(okJson(volumeReply("v-Data0001", "InUse", false, "i-1", "asp-Old00001"))));
		bcc.stubFor(get("/v2/volume/v-Data0002").willReturn(okJson(volumeReply("v-Data0002", "InUse", false, "i-1"))));

		Preview preview = this.policies.previewDetach("asp-Old00001", "v-Data0001");

		assertThat(preview.actions()).extracting((action) -> action.change() + " " + action.id())
			.containsExactly("DETACH v-Data0001");
		assertThat(preview.warnings()).singleElement()
			.satisfies((warning) -> assertThat(warning).contains("NOT_ASSIGNED"));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.policies.previewDetach("asp-Old00001", "v-Data0002"));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.policies.previewDetach("asp-Old00001", "i-Web00001"));
	}

	@Test
	void aRuleBccCannotRunIsRefusedAsOnCreate() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.policies.previewCreate(daily(2, PolicyTarget.SYSTEM), null))
			.satisfies((ex) -> assertThat(ex.code()).isIn(ErrorCode.UNSUPPORTED_FIELD, ErrorCode.VALIDATION_FAILED));
	}

}
