package io.snapgate.provider;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.domain.UpstreamTimeoutException;
import io.snapgate.domain.UpstreamUnavailableException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One policy for every upstream: only a failure before the request could be written
 * counts as never sent.
 */
class UpstreamTransportErrorsTests {

	private static final Upstream UPSTREAM = new Upstream("Example", null, "application/json", "check the trust");

	@Test
	void aRefusedConnectionWasNeverSent() {
		assertThat(map(new ConnectException("Connection refused"))).isInstanceOfSatisfying(
				UpstreamUnavailableException.class, (error) -> assertThat(error.requestSent()).isFalse());
	}

	@Test
	void aConnectTimeoutWasNeverSent() {
		assertThat(map(new ConnectTimeoutException("connection timed out"))).isInstanceOfSatisfying(
				UpstreamUnavailableException.class, (error) -> assertThat(error.requestSent()).isFalse());
	}

	@Test
	void aFailedHandshakeWasNeverSentAndSaysWhatToCheck() {
		assertThat(map(new SSLHandshakeException("PKIX path building failed")))
			.isInstanceOfSatisfying(UpstreamUnavailableException.class, (error) -> {
				assertThat(error.requestSent()).isFalse();
				assertThat(error.getMessage()).contains("TLS").contains("check the trust");
			});
	}

	@Test
	void aTlsFailureAfterTheHandshakeMayHaveBeenSent() {
		assertThat(map(new SSLException("closing inbound before receiving peer's close_notify")))
			.isInstanceOfSatisfying(UpstreamUnavailableException.class,
					(error) -> assertThat(error.requestSent()).isTrue());
	}

	@Test
	void aResetConnectionMayHaveBeenSent() {
		assertThat(map(new IOException("Connection reset by peer"))).isInstanceOfSatisfying(
				UpstreamUnavailableException.class, (error) -> assertThat(error.requestSent()).isTrue());
	}

	@Test
	void readTimeoutsOfNettyAndOfReactorAreTimeouts() {
		assertThat(map(ReadTimeoutException.INSTANCE)).isInstanceOf(UpstreamTimeoutException.class);
		assertThat(UpstreamTransportErrors.map(UPSTREAM, "read", new RuntimeException(new TimeoutException())))
			.isInstanceOf(UpstreamTimeoutException.class);
	}

	@Test
	void anUnknownClientFailureIsAnUpstreamError() {
		assertThat(map(new IllegalStateException("odd"))).isInstanceOfSatisfying(UpstreamErrorException.class,
				(error) -> assertThat(error.code()).isEqualTo(ErrorCode.UPSTREAM_ERROR));
	}

	@Test
	void aFailureOutsideTheClientIsLeftAlone() {
		IllegalArgumentException bug = new IllegalArgumentException("not a template");
		assertThat(UpstreamTransportErrors.map(UPSTREAM, "read", bug)).isSameAs(bug);
	}

	private static RuntimeException map(Throwable cause) {
		return UpstreamTransportErrors.map(UPSTREAM, "read", new WebClientRequestException(cause, HttpMethod.GET,
				URI.create("https://example.invalid/"), new HttpHeaders()));
	}

}
