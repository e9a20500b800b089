package io.snapgate.provider;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.FieldError;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.PolicySchedule;
import io.snapgate.domain.ScheduleRule;

/**
 * Moves a schedule from the caller's time zone into the one a backend reads its schedules
 * in. That is exact only while the two zones keep one offset to each other all year:
 * otherwise every rule would drift by an hour at each daylight-saving change, so the
 * schedule is refused instead of approximated.
 */
public final class ScheduleZones {

	/** How far ahead offsets are compared: two years covers every yearly rule change. */
	private static final Duration HORIZON = Duration.ofDays(2 * 366);

	private static final Duration STEP = Duration.ofHours(6);

	private ScheduleZones() {
	}

	/**
	 * @param now where the comparison of offsets starts
	 * @return the same rules, as the backend's zone reads them
	 * @throws InvalidRequestException with {@link ErrorCode#UNSUPPORTED_FIELD} on
	 * {@code schedule.timeZone} when the zones' offsets differ over the year, or on a
	 * monthly rule's {@code day} when moving it crosses into another day
	 */
	public static PolicySchedule toBackendZone(PolicySchedule schedule, ZoneId backend, Instant now) {
		Duration shift = constantShift(schedule.timeZone(), backend, now);
		List<ScheduleRule> moved = new ArrayList<>();
		for (int i = 0; i < schedule.rules().size(); i++) {
			moved.add(move(schedule.rules().get(i), shift, "schedule.rules[" + i + "]"));
		}
		return new PolicySchedule(backend, moved);
	}

	/** How much later the backend's clock reads than the caller's, the same all year. */
	private static Duration constantShift(ZoneId caller, ZoneId backend, Instant now) {
		Duration shift = null;
		for (Instant at = now; at.isBefore(now.plus(HORIZON)); at = at.plus(STEP)) {
			Duration here = difference(caller, backend, at);
			if (shift == null) {
				shift = here;
			}
			else if (!shift.equals(here)) {
				throw new InvalidRequestException(ErrorCode.UNSUPPORTED_FIELD,
						"This provider reads schedules in " + backend + ", and " + caller
								+ " does not keep one offset to it all year: the times would move by "
								+ shift.minus(here).abs().toMinutes() + " minutes at a daylight-saving change",
						FieldError.of("schedule.timeZone",
								"give the schedule in " + backend + " or in a zone with a fixed offset to it"));
			}
		}
		return (shift != null) ? shift : Duration.ZERO;
	}

	private static Duration difference(ZoneId caller, ZoneId backend, Instant at) {
		ZoneOffset callerOffset = caller.getRules().getOffset(at);
		ZoneOffset backendOffset = backend.getRules().getOffset(at);
		return Duration.ofSeconds(backendOffset.getTotalSeconds() - callerOffset.getTotalSeconds());
	}

	private static ScheduleRule move(ScheduleRule rule, Duration shift, String field) {
		return switch (rule) {
			case ScheduleRule.Hourly hourly ->
				new ScheduleRule.Hourly(Math.floorMod(hourly.minute() + (int) shift.toMinutes(), 60));
			case ScheduleRule.Daily daily -> new ScheduleRule.Daily(daily.at().plus(shift));
			case ScheduleRule.Weekly weekly -> {
				int days = dayChange(weekly.at(), shift);
				Set<DayOfWeek> on = EnumSet.noneOf(DayOfWeek.class);
				weekly.on().forEach((day) -> on.add(day.plus(days)));
				yield new ScheduleRule.Weekly(on, weekly.at().plus(shift));
			}
			case ScheduleRule.Monthly monthly -> {
				if (dayChange(monthly.at(), shift) != 0) {
					throw InvalidRequestException.unsupported(field + ".day",
							"at " + monthly.at()
									+ " this rule falls on another day of the month in the provider's time zone, "
									+ "which a monthly rule cannot follow");
				}
				yield new ScheduleRule.Monthly(monthly.day(), monthly.at().plus(shift));
			}
		};
	}

	/** By how many days a time of day moves when shifted: -1, 0 or 1. */
	private static int dayChange(LocalTime at, Duration shift) {
		long minutes = at.getHour() * 60L + at.getMinute() + shift.toMinutes();
		return (int) Math.floorDiv(minutes, 24 * 60);
	}

}
