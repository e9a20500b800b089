package io.snapgate.provider.baidu;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.snapgate.domain.ConflictException;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.UpstreamAuthException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.snapgate.provider.baidu.BaiduUpstream.error;
import static io.snapgate.provider.baidu.BaiduUpstream.snapshotReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Deleting: only Available or CreatedFailed snapshots; BCC's 403 for a busy one is a
 * conflict, not an authorization failure.
 */
class BaiduDeleteTests {

	@RegisterExtension
	static WireMockExtension bcc = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final BaiduSnapshotProvider provider = BaiduUpstream.provider(bcc.baseUrl(), BaiduUpstream.fixedClock());

	@ParameterizedTest
	@ValueSource(strings = { "Creating", "NotAvailable" })
	void aBusySnapshotIsRefusedBeforeTheDelete(String status) {
		bcc.stubFor(
				get("/v2/snapshot/s-Snap0001").willReturn(okJson(snapshotReply("s-Snap0001", "v-Data0001", status))));

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.provider.delete("s-Snap0001"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SNAPSHOT_BUSY));
		bcc.verify(0, deleteRequestedFor(anyUrl()));
	}

	@Test
	void bccs403ForABusySnapshotIsAConflict() {
		bcc.stubFor(get("/v2/snapshot/s-Snap0001")
			.willReturn(okJson(snapshotReply("s-Snap0001", "v-Data0001", "Available"))));
		bcc.stubFor(delete("/v2/snapshot/s-Snap0001")
			.willReturn(aResponse().withStatus(403).withBody(error("OperationNotAllowed"))));

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.provider.delete("s-Snap0001"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.SNAPSHOT_BUSY);
				assertThat(ex.upstream().code()).isEqualTo("OperationNotAllowed");
				assertThat(ex.upstream().requestId()).isEqualTo("req-OperationNotAllowed");
			});
	}

	@Test
	void aRefusalOfTheCredentialsOnDeleteIsStillAnAuthFailure() {
		bcc.stubFor(get("/v2/snapshot/s-Snap0001")
			.willReturn(okJson(snapshotReply("s-Snap0001", "v-Data0001", "Available"))));
		bcc.stubFor(delete("/v2/snapshot/s-Snap0001")
			.willReturn(aResponse().withStatus(403).withBody(error("AccessDenied"))));

		assertThatExceptionOfType(UpstreamAuthException.class).isThrownBy(() -> this.provider.delete("s-Snap0001"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UPSTREAM_AUTH_FAILED));
	}

	@Test
	void deletingWhatIsGoneIsNotFound() {
		bcc.stubFor(
				get("/v2/snapshot/s-Snap0001").willReturn(aResponse().withStatus(404).withBody(error("NoSuchObject"))));

		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.provider.delete("s-Snap0001"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SNAPSHOT_NOT_FOUND));
		bcc.verify(0, deleteRequestedFor(anyUrl()));
	}

	@Test
	void aSnapshotGoneBetweenTheReadAndTheDeleteIsNotFound() {
		bcc.stubFor(get("/v2/snapshot/s-Snap0001")
			.willReturn(okJson(snapshotReply("s-Snap0001", "v-Data0001", "Available"))));
		bcc.stubFor(delete("/v2/snapshot/s-Snap0001")
			.willReturn(aResponse().withStatus(404).withBody(error("NoSuchObject"))));

		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.provider.delete("s-Snap0001"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SNAPSHOT_NOT_FOUND));
	}

}
