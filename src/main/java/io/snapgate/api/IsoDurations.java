package io.snapgate.api;

import java.time.Duration;

/**
 * Writes durations the way callers write them: whole days as {@code P7D}, the rest as
 * {@link Duration#toString()} does ({@code PT12H}), where {@code Duration} alone would
 * write a week as {@code PT168H}.
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

}
