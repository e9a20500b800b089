package io.snapgate.provider.vergeos;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

import io.netty.channel.ConnectTimeoutException;
import io.snapgate.domain.ConflictException;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.UpstreamAuthException;
import io.snapgate.domain.UpstreamDetails;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.domain.UpstreamThrottledException;
import io.snapgate.domain.UpstreamTimeoutException;
import io.snapgate.domain.UpstreamUnavailableException;
import org.jspecify.annotations.Nullable;

/**
 * Turns what VergeOS answered, or failed to answer, into the domain's errors. The upstream's message
 * goes into {@link UpstreamDetails} for the logs; the messages callers see are SnapGate's own.
 */
final class VergeosErrors {

	private static final int MAX_MESSAGE = 500;

	private static final Pattern LOCKED = Pattern.compile("immutab|lock");

	private VergeosErrors() {
	}

	/**
	 * @param status the HTTP status, not 2xx
	 * @param retryAfter the {@code Retry-After} header, if any
	 * @param message the upstream's error text, if any
	 * @param call what was asked, which decides what 404, 409 and a lock refusal mean
	 */
	static SnapGateException fromResponse(int status, @Nullable String retryAfter, @Nullable String message,
			VergeosCall call, Clock clock) {
		String logged = (message != null && message.length() > MAX_MESSAGE) ? message.substring(0, MAX_MESSAGE)
				: message;
		UpstreamDetails details = new UpstreamDetails(String.valueOf(status), null, logged);
		return classify(status, retryAfter, logged, call, clock).withUpstream(details);
	}

	private static SnapGateException classify(int status, @Nullable String retryAfter, @Nullable String message,
			VergeosCall call, Clock clock) {
		if (call == VergeosCall.DELETE && (status == 403 || status == 409 || status == 422 || status == 400)
				&& message != null && LOCKED.matcher(message.toLowerCase(Locale.ROOT)).find()) {
			return new ConflictException(ErrorCode.SNAPSHOT_LOCKED, "The snapshot is immutable and locked: it cannot be deleted");
		}
		return switch (status) {
			case 401, 403 -> new UpstreamAuthException(ErrorCode.UPSTREAM_AUTH_FAILED,
					"VergeOS refused SnapGate's credentials for this provider (HTTP " + status + ")");
			case 404 -> new NotFoundException(call.notFound(), call.notFoundMessage());
			case 409 -> new ConflictException(call.conflict(), (call.conflict() == ErrorCode.NAME_TAKEN)
					? "VergeOS already has one by that name" : "VergeOS refused: the snapshot is busy (HTTP 409)");
			case 400, 422 -> new InvalidRequestException(ErrorCode.UPSTREAM_REJECTED_REQUEST,
					"VergeOS refused the request as invalid (HTTP " + status + ")");
			case 429 -> new UpstreamThrottledException(ErrorCode.UPSTREAM_THROTTLED,
					"VergeOS asks to slow down (HTTP 429)", retryAfter(retryAfter, clock), null);
			case 502, 503, 504 -> new UpstreamUnavailableException(ErrorCode.UPSTREAM_UNAVAILABLE,
					"VergeOS is unavailable (HTTP " + status + ")", retryAfter(retryAfter, clock), null);
			default -> new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR, "VergeOS failed (HTTP " + status + ")");
		};
	}

	/**
	 * The domain error for a failure to get an answer at all, or {@code null} when the failure is not
	 * one of transport (a bug, to be left alone).
	 */
	static @Nullable SnapGateException fromTransport(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			SnapGateException mapped = transportCause(cause);
			if (mapped != null) {
				return mapped;
			}
		}
		return null;
	}

	private static @Nullable SnapGateException transportCause(Throwable cause) {
		return switch (cause) {
			case SnapGateException known -> known;
			case ConnectTimeoutException timeout -> UpstreamUnavailableException.notSent(
					ErrorCode.UPSTREAM_UNAVAILABLE, "VergeOS could not be reached within connect-timeout", null, timeout);
			case ConnectException refused -> UpstreamUnavailableException.notSent(ErrorCode.UPSTREAM_UNAVAILABLE,
					"VergeOS could not be reached (connection refused)", null, refused);
			case UnknownHostException unknown -> UpstreamUnavailableException.notSent(ErrorCode.UPSTREAM_UNAVAILABLE,
					"VergeOS's host name does not resolve", null, unknown);
			case SSLException tls -> UpstreamUnavailableException.notSent(ErrorCode.UPSTREAM_UNAVAILABLE,
					"The TLS handshake with VergeOS failed: is its certificate trusted (see ca-bundle)?", null, tls);
			case TimeoutException timeout -> new UpstreamTimeoutException(ErrorCode.UPSTREAM_TIMEOUT,
					"VergeOS did not answer within read-timeout", timeout);
			// Netty's read timeout is not a java.util.concurrent one
			case io.netty.handler.timeout.TimeoutException timeout -> new UpstreamTimeoutException(
					ErrorCode.UPSTREAM_TIMEOUT, "VergeOS did not answer within read-timeout", timeout);
			case IOException io -> new UpstreamUnavailableException(ErrorCode.UPSTREAM_UNAVAILABLE,
					"The connection to VergeOS failed", null, io);
			default -> null;
		};
	}

	/** {@code Retry-After} as seconds or as an HTTP date. */
	static @Nullable Duration retryAfter(@Nullable String value, Clock clock) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.strip();
		if (trimmed.matches("[0-9]{1,9}")) {
			return Duration.ofSeconds(Long.parseLong(trimmed));
		}
		try {
			Duration until = Duration.between(clock.instant(),
					ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
			return until.isNegative() ? Duration.ZERO : until;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
