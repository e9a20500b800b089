package io.snapgate.application;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.snapgate.domain.PolicySchedule;
import io.snapgate.domain.ScheduleRule;

/**
 * How far apart a schedule's snapshots are meant to be: the longest gap between two
 * consecutive firings of all its rules together. The rules are read on the clock of the
 * schedule's time zone, so that a daylight-saving change, uneven days of the week and
 * months of different lengths count as they fall.
 */
public final class ScheduleIntervals {

	/** Long enough to hold every gap of rules that repeat daily. */
	private static final Duration DAYS = Duration.ofDays(3);

	/** Long enough to hold every gap of rules that repeat weekly. */
	private static final Duration WEEKS = Duration.ofDays(22);

	/**
	 * Long enough to hold every gap of monthly rules, a February of a common year among
	 * them: 27 months.
	 */
	private static final Duration MONTHS = Duration.ofDays(27 * 31);

	private ScheduleIntervals() {
	}

	/**
	 * @param until the end of the stretch of time looked at, which is as long as the
	 * rules need to show every gap they make
	 * @return the longest gap between consecutive firings in that stretch
	 */
	public static Duration longestGap(PolicySchedule schedule, Instant until) {
		Duration span = span(schedule.rules());
		ZoneId zone = schedule.timeZone();
		ZoneRules offsets = zone.getRules();
		LocalDateTime from = LocalDateTime.ofInstant(until.minus(span), zone);
		LocalDateTime to = LocalDateTime.ofInstant(until, zone);
		Firings firings = new Firings();
		for (LocalDate day = from.toLocalDate(); !day.isAfter(to.toLocalDate()); day = day.plusDays(1)) {
			for (ScheduleRule rule : schedule.rules()) {
				LocalDate on = day;
				forEachTime(rule, day, (time) -> {
					LocalDateTime at = on.atTime(time);
					if (!at.isBefore(from) && !at.isAfter(to)) {
						// a time that a daylight-saving change skips or repeats is taken
						// at
						// the offset before the change, as java.time resolves it
						firings.add(at.toEpochSecond(offsets.getOffset(at)));
					}
				});
			}
		}
		return firings.longestGap().orElse(span);
	}

	private static Duration span(List<ScheduleRule> rules) {
		Duration span = DAYS;
		for (ScheduleRule rule : rules) {
			Duration needed = switch (rule) {
				case ScheduleRule.Hourly hourly -> DAYS;
				case ScheduleRule.Daily daily -> DAYS;
				case ScheduleRule.Weekly weekly -> WEEKS;
				case ScheduleRule.Monthly monthly -> MONTHS;
			};
			span = (needed.compareTo(span) > 0) ? needed : span;
		}
		return span;
	}

	private static void forEachTime(ScheduleRule rule, LocalDate day, Consumer<LocalTime> action) {
		switch (rule) {
			case ScheduleRule.Hourly hourly -> {
				for (int hour = 0; hour < 24; hour++) {
					action.accept(LocalTime.of(hour, hourly.minute()));
				}
			}
			case ScheduleRule.Daily daily -> action.accept(daily.at());
			case ScheduleRule.Weekly weekly -> {
				if (weekly.on().contains(day.getDayOfWeek())) {
					action.accept(weekly.at());
				}
			}
			case ScheduleRule.Monthly monthly -> {
				if (day.getDayOfMonth() == monthly.day()) {
					action.accept(monthly.at());
				}
			}
		}
	}

	/** Firing instants in epoch seconds, in any order. */
	private static final class Firings {

		private long[] seconds = new long[64];

		private int size;

		void add(long epochSecond) {
			if (this.size == this.seconds.length) {
				this.seconds = Arrays.copyOf(this.seconds, this.size * 2);
			}
			this.seconds[this.size++] = epochSecond;
		}

		Optional<Duration> longestGap() {
			if (this.size < 2) {
				return Optional.empty();
			}
			long[] sorted = Arrays.copyOf(this.seconds, this.size);
			Arrays.sort(sorted);
			long longest = 0;
			for (int i = 1; i < sorted.length; i++) {
				longest = Math.max(longest, sorted[i] - sorted[i - 1]);
			}
			return Optional.of(Duration.ofSeconds(longest));
		}

	}

}
