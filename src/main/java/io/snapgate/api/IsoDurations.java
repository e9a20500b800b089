package io.snapgate.api;

import java.time.Duration;

import io.snapgate.domain.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * Durations as callers write them. Written: whole days as {@code P7D}, the rest as
 * {@link Duration#toString()} does ({@code PT12H}), where {@code Duration} alone would
 * write a week as {@code PT168H}. Read: ISO-8601, longer than zero.
 */
final class IsoDurations {

	private IsoDurations() {
	}

	static String format(Duration duration) {
		long days = duration.toDays();
		if (days != 0 && Duration.ofDays(days).equals(duration)) {
			return "P" + days + "D";
		}
		return duration.toString();
	}

	/**
	 * A caller's duration, or {@code null} when none was given.
	 * @throws InvalidRequestException naming the field when it is not an ISO-8601
	 * duration longer than zero
	 */
	static @Nullable Duration positive(String field, @Nullable String iso) {
		if (iso == null) {
			return null;
		}
		Duration duration;
		try {
			duration = Duration.parse(iso);
		}
		catch (RuntimeException ex) {
			throw InvalidRequestException.field(field, "must be an ISO-8601 duration such as P7D or PT12H");
		}
		if (duration.isZero() || duration.isNegative()) {
			throw InvalidRequestException.field(field, "must be longer than zero");
		}
		return duration;
	}

}
