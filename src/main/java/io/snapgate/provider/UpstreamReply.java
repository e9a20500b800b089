package io.snapgate.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An upstream's answer, whatever its status.
 *
 * @param status the HTTP status
 * @param requestId the upstream's own request id header, if it sent one
 * @param retryAfterHeader the {@code Retry-After} header, if any
 * @param body the body; empty when there was none
 */
// the body is read, never compared or hashed as a whole
@SuppressWarnings("ArrayRecordComponent")
public record UpstreamReply(int status, @Nullable String requestId, @Nullable String retryAfterHeader, byte[] body) {

	private static final Pattern SECONDS = Pattern.compile("[0-9]{1,9}");

	public boolean isSuccess() {
		return this.status >= 200 && this.status <= 299;
	}

	/**
	 * {@code Retry-After} in seconds or as an HTTP date; {@code null} when absent or
	 * unreadable.
	 */
	public @Nullable Duration retryAfter(Clock clock) {
		if (this.retryAfterHeader == null || this.retryAfterHeader.isBlank()) {
			return null;
		}
		String value = this.retryAfterHeader.strip();
		if (SECONDS.matcher(value).matches()) {
			return Duration.ofSeconds(Long.parseLong(value));
		}
		try {
			Duration until = Duration.between(clock.instant(),
					ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
			return until.isNegative() ? Duration.ZERO : until;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
