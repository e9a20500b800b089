package io.snapgate.provider;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLHandshakeException;

import io.netty.channel.ConnectTimeoutException;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.domain.UpstreamTimeoutException;
import io.snapgate.domain.UpstreamUnavailableException;
import org.jspecify.annotations.Nullable;

import org.springframework.web.reactive.function.client.WebClientException;

/**
 * What a failure to get an answer means, the same for every upstream. Only a failure
 * before the request could be written (no connection, no TLS session) counts as never
 * sent, so that only then may even a create be tried again.
 */
final class UpstreamTransportErrors {

	private UpstreamTransportErrors() {
	}

	/**
	 * @param failure what the client threw
	 * @param action what was asked, for the message, such as {@code read snapshot}
	 * @return the domain error; the failure itself when it is no transport failure (a
	 * bug)
	 */
	static RuntimeException map(Upstream upstream, String action, RuntimeException failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			SnapGateException mapped = mapCause(upstream, action, cause);
			if (mapped != null) {
				return mapped;
			}
		}
		if (failure instanceof WebClientException) {
			return new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
					"The call to " + upstream.name() + " to " + action + " failed", failure);
		}
		return failure;
	}

	private static @Nullable SnapGateException mapCause(Upstream upstream, String action, Throwable cause) {
		String name = upstream.name();
		return switch (cause) {
			case SnapGateException known -> known;
			case ConnectTimeoutException timeout -> UpstreamUnavailableException.notSent(ErrorCode.UPSTREAM_UNAVAILABLE,
					name + " could not be reached to " + action + " within connect-timeout", null, timeout);
			case ConnectException refused -> UpstreamUnavailableException.notSent(ErrorCode.UPSTREAM_UNAVAILABLE,
					name + " could not be reached to " + action + " (connection refused)", null, refused);
			case UnknownHostException unknown -> UpstreamUnavailableException.notSent(ErrorCode.UPSTREAM_UNAVAILABLE,
					name + "'s host name does not resolve", null, unknown);
			case SSLHandshakeException tls -> UpstreamUnavailableException.notSent(ErrorCode.UPSTREAM_UNAVAILABLE,
					"The TLS handshake with " + name + " failed: " + upstream.trustAdvice(), null, tls);
			case TimeoutException timeout -> new UpstreamTimeoutException(ErrorCode.UPSTREAM_TIMEOUT,
					name + " did not answer the request to " + action + " within read-timeout", timeout);
			// Netty's read timeout is not a java.util.concurrent one
			case io.netty.handler.timeout.TimeoutException timeout ->
				new UpstreamTimeoutException(ErrorCode.UPSTREAM_TIMEOUT,
						name + " did not answer the request to " + action + " within read-timeout", timeout);
			// a TLS failure after the handshake is one of these too: the request may have
			// been sent
			case IOException io -> new UpstreamUnavailableException(ErrorCode.UPSTREAM_UNAVAILABLE,
					"The connection to " + name + " failed during the request to " + action, null, io);
			default -> null;
		};
	}

}
