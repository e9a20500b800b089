package io.snapgate.provider.baidu;

import io.snapgate.testing.MutableClock;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Scope;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.SnapshotQuery;
import io.snapgate.domain.UpstreamAuthException;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.domain.UpstreamThrottledException;
import io.snapgate.domain.UpstreamTimeoutException;
import io.snapgate.domain.UpstreamUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.snapgate.provider.baidu.BaiduUpstream.NOW;
import static io.snapgate.provider.baidu.BaiduUpstream.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * BCC's refusals and the transport's failures become the domain's errors, by code first
 * and status second, keeping BCC's code and request id.
 */
class BaiduErrorMappingTests {

	@RegisterExtension
	static WireMockExtension bcc = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static Stream<Arguments> refusals() {
		return Stream.of(
				Arguments.of(403, "SignatureDoesNotMatch", UpstreamAuthException.class, ErrorCode.UPSTREAM_AUTH_FAILED),
				Arguments.of(400, "SignatureDoesNotMatch", UpstreamAuthException.class, ErrorCode.UPSTREAM_AUTH_FAILED),
				Arguments.of(403, "InvalidAccessKeyId", UpstreamAuthException.class, ErrorCode.UPSTREAM_AUTH_FAILED),
				Arguments.of(403, "AccessDenied", UpstreamAuthException.class, ErrorCode.UPSTREAM_AUTH_FAILED),
				Arguments.of(400, "InvalidHTTPAuthHeader", UpstreamAuthException.class, ErrorCode.UPSTREAM_AUTH_FAILED),
				Arguments.of(401, null, UpstreamAuthException.class, ErrorCode.UPSTREAM_AUTH_FAILED),
				Arguments.of(429, null, UpstreamThrottledException.class, ErrorCode.UPSTREAM_THROTTLED),
				Arguments.of(400, "Throttling", UpstreamThrottledException.class, ErrorCode.UPSTREAM_THROTTLED),
				Arguments.of(503, "RequestThrottled", UpstreamThrottledException.class, ErrorCode.UPSTREAM_THROTTLED),
				Arguments.of(404, null, NotFoundException.class, ErrorCode.NOT_FOUND),
				Arguments.of(400, "NoSuchObject", NotFoundException.class, ErrorCode.NOT_FOUND),
				Arguments.of(400, "MalformedJSON", InvalidRequestException.class, ErrorCode.UPSTREAM_REJECTED_REQUEST),
				Arguments.of(400, "InvalidHTTPRequest", InvalidRequestException.class,
						ErrorCode.UPSTREAM_REJECTED_REQUEST),
				Arguments.of(400, "InvalidURI", InvalidRequestException.class, ErrorCode.UPSTREAM_REJECTED_REQUEST),
				Arguments.of(500, "InternalError", UpstreamUnavailableException.class, ErrorCode.UPSTREAM_UNAVAILABLE),
				Arguments.of(502, null, UpstreamUnavailableException.class, ErrorCode.UPSTREAM_UNAVAILABLE),
				Arguments.of(503, null, UpstreamUnavailableException.class, ErrorCode.UPSTREAM_UNAVAILABLE));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("refusals")
	void aRefusalBecomesTheMatchingDomainError(int status, String code, Class<? extends SnapGateException> kind,
			ErrorCode expected) {
		bcc.stubFor(get(urlPathEqualTo("/v2/snapshot")).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-bce-request-id", "hdr-1")
			.withBody((code != null) ? error(code) : "<html>no</html>")));

		SnapGateException ex = catchThrowableOfType(kind, () -> provider().list(SnapshotQuery.ALL, null, 10));

		assertThat(ex.code()).isEqualTo(expected);
		assertThat(ex.upstream().code()).isEqualTo(code);
		assertThat(ex.upstream().requestId()).isEqualTo((code != null) ? "req-" + code : "hdr-1");
		assertThat(ex.getMessage()).doesNotContain("upstream says");
	}

	@Test
	void refusedCredentialsTellTheOperatorWhatToCheck() {
		bcc.stubFor(get(urlPathEqualTo("/v2/snapshot"))
			.willReturn(aResponse().withStatus(403).withBody(error("SignatureDoesNotMatch"))));

		assertThatExceptionOfType(UpstreamAuthException.class)
			.isThrownBy(() -> provider().list(SnapshotQuery.ALL, null, 10))
			.withMessageContaining("provider baidu-bj")
			.withMessageContaining("check its access-key-id and secret-access-key");
	}

	@Test
	void anExpiredSignatureIsSentOnceMoreWithAFreshTimestamp() {
		bcc.stubFor(get(urlPathEqualTo("/v2/snapshot")).inScenario("expiry")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(400).withBody(error("RequestExpired")))
			.willSetStateTo("fresh"));
		bcc.stubFor(get(urlPathEqualTo("/v2/snapshot")).inScenario("expiry")
			.whenScenarioStateIs("fresh")
			.willReturn(okJson(BaiduUpstream.page("", false, ""))));

		assertThat(provider(MutableClock.ticking(NOW, Duration.ofSeconds(1)))
			.list(new SnapshotQuery(Set.of(), Scope.VOLUME, null, null, null, null, false, null), null, 10)
			.entries()).isEmpty();

		List<LoggedRequest> requests = bcc.getAllServeEvents().reversed().stream().map(ServeEvent::getRequest).toList();
		assertThat(requests).hasSize(2);
		Instant first = BceV1Signer.parseTimestamp(requests.get(0).getHeader("x-bce-date"));
		Instant second = BceV1Signer.parseTimestamp(requests.get(1).getHeader("x-bce-date"));
		assertThat(second).isAfter(first);
		BaiduUpstream.assertSignedAt(requests.get(0), first);
		BaiduUpstream.assertSignedAt(requests.get(1), second);
	}

	@Test
	void anExpiredSignatureOnACreateSendsTheSameBodyAgain() {
		bcc.stubFor(get("/v2/volume/v-Data0001")
			.willReturn(okJson(BaiduUpstream.volumeReply("v-Data0001", "Available", false, ""))));
		bcc.stubFor(post(urlPathEqualTo("/v2/snapshot")).inScenario("expiry")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(400).withBody(error("RequestExpired")))
			.willSetStateTo("fresh"));
		bcc.stubFor(post(urlPathEqualTo("/v2/snapshot")).inScenario("expiry")
			.whenScenarioStateIs("fresh")
			.willReturn(okJson("{\"snapshotId\":\"s-New00001\"}")));
		bcc.stubFor(get("/v2/snapshot/s-New00001")
			.willReturn(okJson(BaiduUpstream.snapshotReply("s-New00001", "v-Data0001", "Creating"))));

		provider(MutableClock.ticking(NOW, Duration.ofSeconds(1)))
			.create(BaiduSnapshotProviderTests.command("nightly", null, "v-Data0001", "key-1"));

		List<LoggedRequest> posts = bcc.findAll(postRequestedFor(urlPathEqualTo("/v2/snapshot")));
		assertThat(posts).hasSize(2);
		assertThat(posts).extracting(LoggedRequest::getBodyAsString)
			.containsOnly("{\"volumeId\":\"v-Data0001\",\"snapshotName\":\"nightly\"}");
		posts.forEach((p) -> BaiduUpstream.assertSignedAt(p, BceV1Signer.parseTimestamp(p.getHeader("x-bce-date"))));
	}

	@Test
	void anExpiredSignatureIsRetriedOnlyOnce() {
		bcc.stubFor(get(urlPathEqualTo("/v2/snapshot"))
			.willReturn(aResponse().withStatus(400).withBody(error("RequestExpired"))));

		assertThatExceptionOfType(UpstreamAuthException.class)
			.isThrownBy(
					() -> provider(MutableClock.ticking(NOW, Duration.ofSeconds(1))).list(SnapshotQuery.ALL, null, 10))
			.withMessageContaining("clock")
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UPSTREAM_AUTH_FAILED));
		bcc.verify(2, getRequestedFor(urlPathEqualTo("/v2/snapshot")));
	}

	@Test
	void aRefusalOtherThanExpiryIsNotRetried() {
		bcc.stubFor(get(urlPathEqualTo("/v2/snapshot"))
			.willReturn(aResponse().withStatus(400).withBody(error("MalformedJSON"))));

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> provider().list(SnapshotQuery.ALL, null, 10));
		bcc.verify(1, getRequestedFor(urlPathEqualTo("/v2/snapshot")));
	}

	@Test
	void throttlingCarriesRetryAfterInSecondsOrAsADate() {
		bcc.stubFor(get(urlPathEqualTo("/v2/snapshot"))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
		assertThatExceptionOfType(UpstreamThrottledException.class)
			.isThrownBy(() -> provider().list(SnapshotQuery.ALL, null, 10))
			.satisfies((ex) -> assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(7)));

		bcc.stubFor(get(urlPathEqualTo("/v2/snapshot"))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "Sun, 22 Nov 2026 10:00:30 GMT")));
		assertThatExceptionOfType(UpstreamThrottledException.class)
			.isThrownBy(() -> provider().list(SnapshotQuery.ALL, null, 10))
			.satisfies((ex) -> assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
	}

	@Test
	void anUnreadableAnswerIsAnUpstreamError() {
		bcc.stubFor(get("/v2/snapshot/s-8kQ2x1Zv")
			.willReturn(okJson("{\"snapshot\": {\"id\": ").withHeader("x-bce-request-id", "r-9")));

		assertThatExceptionOfType(UpstreamErrorException.class).isThrownBy(() -> provider().get("s-8kQ2x1Zv"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.UPSTREAM_ERROR);
				assertThat(ex.upstream().requestId()).isEqualTo("r-9");
			});
	}

	@Test
	void anAnswerOfAnotherShapeIsAnUpstreamError() {
		bcc.stubFor(get("/v2/snapshot/s-8kQ2x1Zv").willReturn(okJson("{\"snapshot\": null}")));
		bcc.stubFor(get("/v2/snapshot/s-8kQ2x1Zw").willReturn(okJson("[1, 2]")));

		assertThatExceptionOfType(UpstreamErrorException.class).isThrownBy(() -> provider().get("s-8kQ2x1Zv"));
		assertThatExceptionOfType(UpstreamErrorException.class).isThrownBy(() -> provider().get("s-8kQ2x1Zw"));
	}

	@Test
	void aSlowAnswerTimesOut() {
		bcc.stubFor(get(urlPathEqualTo("/v2/snapshot"))
			.willReturn(okJson(BaiduUpstream.page("", false, "")).withFixedDelay(3000)));
		BaiduSnapshotProvider impatient = BaiduUpstream.provider(bcc.baseUrl(), BaiduUpstream.fixedClock(),
				Duration.ofMillis(300));

		assertThatExceptionOfType(UpstreamTimeoutException.class)
			.isThrownBy(() -> impatient.list(SnapshotQuery.ALL, null, 10))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UPSTREAM_TIMEOUT));
	}

	@Test
	void aResetConnectionIsUnavailableAndMayHaveBeenSent() {
		bcc.stubFor(
				get(urlPathEqualTo("/v2/snapshot")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		assertThatExceptionOfType(UpstreamUnavailableException.class)
			.isThrownBy(() -> provider().list(SnapshotQuery.ALL, null, 10))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
				assertThat(ex.requestSent()).isTrue();
			});
	}

	@Test
	void aRefusedConnectionIsUnavailableAndNeverSent() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		BaiduSnapshotProvider unreachable = BaiduUpstream.provider("http://127.0.0.1:" + closedPort,
				BaiduUpstream.fixedClock());

		assertThatExceptionOfType(UpstreamUnavailableException.class)
			.isThrownBy(() -> unreachable.list(SnapshotQuery.ALL, null, 10))
			.satisfies((ex) -> assertThat(ex.requestSent()).isFalse());
	}

	@Test
	void aHandleOfAnotherShapeIsRefused() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> provider().restoreStatus(new io.snapgate.domain.RestoreHandle("v1.12.34")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_RESTORE_ID));
	}

	private static BaiduSnapshotProvider provider() {
		return BaiduUpstream.provider(bcc.baseUrl(), BaiduUpstream.fixedClock());
	}

	private static BaiduSnapshotProvider provider(Clock clock) {
		return BaiduUpstream.provider(bcc.baseUrl(), clock);
	}

}
