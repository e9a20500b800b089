package io.snapgate.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/**
 * When a policy takes a snapshot, in its schedule's time zone.
 */
public sealed interface ScheduleRule {

	/** Every hour at {@code minute} past. */
	record Hourly(int minute) implements ScheduleRule {

		public Hourly {
			if (minute < 0 || minute > 59) {
				throw new IllegalArgumentException("minute must be 0..59");
			}
		}

	}

	/** Every day at a time. */
	record Daily(LocalTime at) implements ScheduleRule {
	}

	/** On the given days of the week at a time. */
	record Weekly(Set<DayOfWeek> on, LocalTime at) implements ScheduleRule {

		public Weekly {
			if (on.isEmpty()) {
				throw new IllegalArgumentException("a weekly rule names at least one day");
			}
			on = Set.copyOf(on);
		}

	}

	/** On a day of the month at a time. */
	record Monthly(int day, LocalTime at) implements ScheduleRule {

		public Monthly {
			if (day < 1 || day > 31) {
				throw new IllegalArgumentException("day must be 1..31");
			}
		}

	}

}
