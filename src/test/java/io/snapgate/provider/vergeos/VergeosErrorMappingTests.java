package io.snapgate.provider.vergeos;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.snapgate.domain.ConflictException;
import io.snapgate.domain.CreateSnapshot;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.SnapshotQuery;
import io.snapgate.domain.UpstreamAuthException;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.domain.UpstreamThrottledException;
import io.snapgate.domain.UpstreamTimeoutException;
import io.snapgate.domain.UpstreamUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.snapgate.provider.vergeos.VergeosFixtures.USER;
import static io.snapgate.provider.vergeos.VergeosFixtures.snapshotRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every way VergeOS can fail, and what it becomes. Upstream messages reach the details
 * for the logs, never the caller's message.
 */
class VergeosErrorMappingTests {

	@RegisterExtension
	static final WireMockExtension vergeos = VergeosFixtures.wireMock();

	private final VergeosSnapshotProvider provider = VergeosFixtures.provider(VergeosFixtures.basic(vergeos.baseUrl()));

	@Test
	void refusedCredentialsAreAnUpstreamAuthFailure() {
		answer(401, "{\"err\":\"Login failed\"}");
		assertThatExceptionOfType(UpstreamAuthException.class).isThrownBy(this::list).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(ErrorCode.UPSTREAM_AUTH_FAILED);
			assertThat(ex.upstream().message()).isEqualTo("Login failed");
			assertThat(ex.upstream().code()).isEqualTo("401");
			assertThat(ex.getMessage()).doesNotContain("Login failed");
		});

		answer(403, "{\"err\":true,\"message\":\"Permission denied\"}");
		assertThatExceptionOfType(UpstreamAuthException.class).isThrownBy(this::list)
			.satisfies((ex) -> assertThat(ex.upstream().message()).isEqualTo("Permission denied"));
	}

	@Test
	void aMissingTableIsNotFound() {
		answer(404, "{\"error\":{\"message\":\"No such table\"}}");
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(this::list)
			.satisfies((ex) -> assertThat(ex.upstream().message()).isEqualTo("No such table"));
	}

	@Test
	void aTakenNameIsAConflict() {
		vergeos.stubFor(post(urlPathEqualTo("/api/v4/cloud_snapshots"))
			.willReturn(aResponse().withStatus(409).withBody("{\"err\":\"Row exists\"}")));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(
					() -> this.provider.create(new CreateSnapshot("n", null, null, null, false, false, false, null)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.NAME_TAKEN));
	}

	@Test
	void aValidationRefusalIsAnInvalidRequest() {
		answer(422, "{\"err\":\"Validation error on field: 'name' - 'fails validation test'\"}");
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(this::list).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(ErrorCode.UPSTREAM_REJECTED_REQUEST);
			assertThat(ex.getMessage()).doesNotContain("fails validation");
		});
	}

	@Test
	void throttlingCarriesRetryAfter() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots"))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

		assertThatExceptionOfType(UpstreamThrottledException.class).isThrownBy(this::list).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(ErrorCode.UPSTREAM_THROTTLED);
			assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(7));
		});
	}

	@Test
	void serverErrorsAreMappedEachTimeAndNeverRetriedHere() {
		answer(500, "{\"err\":\"Unhandled error\"}");
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(UpstreamErrorException.class).isThrownBy(this::list)
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UPSTREAM_ERROR));
		}
		vergeos.verify(3, getRequestedFor(urlPathEqualTo("/api/v4/cloud_snapshots")));

		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots"))
			.willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2").withBody("<html>busy</html>")));
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(UpstreamUnavailableException.class).isThrownBy(this::list).satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
				assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(2));
			});
		}
		vergeos.verify(6, getRequestedFor(urlPathEqualTo("/api/v4/cloud_snapshots")));
	}

	@Test
	void malformedJsonIsAnUpstreamError() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots")).willReturn(okJson("[{\"$key\":1,")));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots/1")).willReturn(okJson("\"just a string\"")));

		assertThatExceptionOfType(UpstreamErrorException.class).isThrownBy(this::list)
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UPSTREAM_ERROR));
		assertThatExceptionOfType(UpstreamErrorException.class).isThrownBy(() -> this.provider.get("1"));
	}

	@Test
	void aSlowAnswerIsATimeout() {
		VergeosSnapshotProvider impatient = VergeosFixtures
			.provider(VergeosFixtures.settings(vergeos.baseUrl(), USER, "p", null, true, null, Duration.ofMillis(300)));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots/1"))
			.willReturn(okJson(snapshotRow(1, "s")).withFixedDelay(2000)));

		assertThatExceptionOfType(UpstreamTimeoutException.class).isThrownBy(() -> impatient.get("1"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UPSTREAM_TIMEOUT));
	}

	@Test
	void aResetConnectionIsUnavailableAndMayHaveBeenSent() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		assertThatExceptionOfType(UpstreamUnavailableException.class).isThrownBy(this::list).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
			assertThat(ex.requestSent()).isTrue();
		});
	}

	@Test
	void aRefusedConnectionIsUnavailableAndProvablyNotSent() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		VergeosSnapshotProvider unreachable = VergeosFixtures
			.provider(VergeosFixtures.basic("http://127.0.0.1:" + port));

		assertThatExceptionOfType(UpstreamUnavailableException.class).isThrownBy(() -> unreachable.get("1"))
			.satisfies((ex) -> assertThat(ex.requestSent()).isFalse());
	}

	@Test
	void everyFailureIsADomainError() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots")).withQueryParam("limit", equalTo("1"))
			.willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

		assertThatExceptionOfType(SnapGateException.class)
			.isThrownBy(() -> this.provider.list(SnapshotQuery.ALL, null, 1));
	}

	private void list() {
		this.provider.list(SnapshotQuery.ALL, null, 10);
	}

	private static void answer(int status, String body) {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots"))
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
	}

}
