package io.snapgate.provider.vergeos;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST snapshot_profile_periods}, every schedule field set, those the
 * frequency does not use as {@code 0} or {@code any}:
 * {@code {"profile":7,"name":"daily-0200","frequency":"daily","minute":0,"hour":2,
 * "day_of_week":"any","day_of_month":0,"month":0,"retention":604800,"min_snapshots":1,
 * "immutable":false}}. A {@code PUT snapshot_profile_periods/<key>} sends the same
 * without {@code profile} and {@code name}, which never change.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VergeosPeriodBody(@Nullable Long profile, @Nullable String name, String frequency, int minute, int hour,
		@JsonProperty("day_of_week") String dayOfWeek, @JsonProperty("day_of_month") int dayOfMonth, int month,
		long retention, @JsonProperty("min_snapshots") int minSnapshots, boolean immutable) {

	static final String ANY_DAY = "any";

	/** A period of no profile yet, as planned. */
	static VergeosPeriodBody planned(String name, String frequency, int minute, int hour, String dayOfWeek,
			int dayOfMonth, long retention, int minSnapshots, boolean immutable) {
		return new VergeosPeriodBody(null, name, frequency, minute, hour, dayOfWeek, dayOfMonth, 0, retention,
				minSnapshots, immutable);
	}

	/** A period as VergeOS holds it, to be made again as it was. */
	static VergeosPeriodBody copyOf(VergeosPeriodRow row) {
		return new VergeosPeriodBody(null, row.name(), String.valueOf(row.frequency()), orZero(row.minute()),
				orZero(row.hour()), (row.dayOfWeek() != null) ? row.dayOfWeek() : ANY_DAY, orZero(row.dayOfMonth()),
				orZero(row.month()), (row.retention() != null) ? row.retention() : 0,
				(row.minSnapshots() != null) ? row.minSnapshots() : 1, Boolean.TRUE.equals(row.immutable()));
	}

	VergeosPeriodBody forProfile(String profileKey) {
		return new VergeosPeriodBody(Long.parseLong(profileKey), this.name, this.frequency, this.minute, this.hour,
				this.dayOfWeek, this.dayOfMonth, this.month, this.retention, this.minSnapshots, this.immutable);
	}

	VergeosPeriodBody forUpdate() {
		return new VergeosPeriodBody(null, null, this.frequency, this.minute, this.hour, this.dayOfWeek,
				this.dayOfMonth, this.month, this.retention, this.minSnapshots, this.immutable);
	}

	/**
	 * Whether a period as VergeOS holds it differs from this one in any schedule field.
	 */
	boolean differsFrom(VergeosPeriodRow row) {
		return !this.frequency.equals(row.frequency()) || !same(this.minute, row.minute())
				|| !same(this.hour, row.hour()) || !this.dayOfWeek.equals(row.dayOfWeek())
				|| !same(this.dayOfMonth, row.dayOfMonth()) || !same(this.month, row.month()) || row.retention() == null
				|| this.retention != row.retention() || !same(this.minSnapshots, row.minSnapshots())
				|| this.immutable != Boolean.TRUE.equals(row.immutable());
	}

	private static int orZero(@Nullable Integer value) {
		return (value != null) ? value : 0;
	}

	private static boolean same(int value, @Nullable Integer stored) {
		return stored != null && value == stored;
	}

}
