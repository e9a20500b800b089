package io.snapgate.provider.baidu;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.snapgate.domain.ConflictException;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.PolicyProvider;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.Preview;
import io.snapgate.testing.UpstreamJournal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.snapgate.provider.baidu.BaiduPoliciesTests.daily;
import static io.snapgate.provider.baidu.BaiduPoliciesTests.key;
import static io.snapgate.provider.baidu.BaiduUpstream.volumeReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A preview of a Baidu policy checks the spec and the disks as the create does, and sends
 * BCC no write.
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
	void aRuleBccCannotRunIsRefusedAsOnCreate() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.policies.previewCreate(daily(2, PolicyTarget.SYSTEM), null))
			.satisfies((ex) -> assertThat(ex.code()).isIn(ErrorCode.UNSUPPORTED_FIELD, ErrorCode.VALIDATION_FAILED));
	}

}
