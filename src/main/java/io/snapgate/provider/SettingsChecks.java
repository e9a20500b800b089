package io.snapgate.provider;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Checks and rendering that every provider's settings record shares.
 */
public final class SettingsChecks {

	private static final String MASK = "******";

	private SettingsChecks() {
	}

	/**
	 * Whether each duration is positive; an absent one passes (being required is checked
	 * elsewhere).
	 */
	public static boolean allPositive(@Nullable Duration... durations) {
		for (Duration duration : durations) {
			if (duration != null && (duration.isNegative() || duration.isZero())) {
				return false;
			}
		}
		return true;
	}

	public static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	/**
	 * A secret as {@code toString()} may show it: whether it is set, never what it is.
	 */
	public static String masked(@Nullable String secret) {
		return (secret != null) ? MASK : "null";
	}

	/** A required setting, once validation has passed. */
	public static <T> T require(@Nullable T value, String property) {
		if (value == null) {
			throw new IllegalStateException(property + " is required");
		}
		return value;
	}

}
