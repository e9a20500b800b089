package io.snapgate.provider.baidu;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.PolicyRetention;
import io.snapgate.domain.PolicySchedule;
import io.snapgate.domain.PolicySpec;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.ScheduleRule;
import io.snapgate.provider.ScheduleZones;

/**
 * A neutral policy as BCC can run it, or the precise reason it cannot: BCC takes one set
 * of whole hours times one set of weekdays, one retention in whole days, and disks.
 * Nothing is rounded: what BCC would run differently from what was asked is refused
 * before any request.
 */
final class BaiduPolicySpecs {

	/**
	 * The most rules a policy may have: one per hour of the day, all on the same days.
	 */
	static final int MAX_RULES = 24;

	private static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

	private BaiduPolicySpecs() {
	}

	/**
	 * @param zone the zone BCC reads the policy's hours in
	 * @param now where the comparison of the caller's zone with {@code zone} starts
	 */
	static BaiduAsp toAsp(PolicySpec spec, ZoneId zone, Instant now) {
		if (spec.schedule().rules().size() > MAX_RULES) {
			throw InvalidRequestException.unsupported("schedule.rules",
					"a Baidu policy has at most " + MAX_RULES + " rules, one per hour of the day");
		}
		PolicySchedule schedule = ScheduleZones.toBackendZone(spec.schedule(), zone, now);
		Set<Integer> slots = new TreeSet<>();
		for (int i = 0; i < schedule.rules().size(); i++) {
			slots.addAll(slots(schedule.rules().get(i), "schedule.rules[" + i + "]", zone));
		}
		Set<Integer> hours = new TreeSet<>();
		Set<Integer> weekdays = new TreeSet<>();
		for (int slot : slots) {
			weekdays.add(slot / 24);
			hours.add(slot % 24);
		}
		if (slots.size() != hours.size() * weekdays.size()) {
			throw InvalidRequestException.unsupported("schedule.rules",
					"Baidu runs one set of hours on one set of weekdays, every listed hour on every listed day; "
							+ "these rules take snapshots at some hours on some days only. Give every hour the same "
							+ "days, or make one policy for each set of days");
		}
		int retentionDays = retentionDays(spec.retention());
		if (spec.immutable()) {
			throw InvalidRequestException.unsupported("immutable", "Baidu cannot make snapshots immutable");
		}
		if (!spec.copies().isEmpty()) {
			throw InvalidRequestException.unsupported("copies",
					"BCC's automatic snapshot policies cannot copy to another region, and SnapGate runs no "
							+ "scheduler of its own; copy a snapshot with POST /snapshots/{id}/copies");
		}
		if (!BaiduIds.isPolicyName(spec.name())) {
			throw InvalidRequestException.field("name", "Baidu policy names are 1 to 65 characters, starting with a "
					+ "letter, of letters, digits, Chinese characters and - _ / .");
		}
		return new BaiduAsp(spec.name(), List.copyOf(hours), List.copyOf(weekdays), retentionDays);
	}

	/** BCC's weekday number of a day: 0 = Sunday, 1..6 = Monday..Saturday. */
	static int weekday(DayOfWeek day) {
		return day.getValue() % 7;
	}

	private static int retentionDays(PolicyRetention retention) {
		if (retention.minKept() != null) {
			throw InvalidRequestException.unsupported("retention.minKept",
					"Baidu keeps no minimum number of snapshots: they expire by age alone");
		}
		Duration keepFor = retention.keepFor();
		if (keepFor == null) {
			return BaiduAsp.FOREVER;
		}
		Duration day = Duration.ofDays(1);
		if (!keepFor.isPositive() || !keepFor.equals(day.multipliedBy(keepFor.dividedBy(day)))
				|| keepFor.dividedBy(day) > BaiduAsp.MAX_RETENTION_DAYS) {
			throw InvalidRequestException.unsupported("retention.keepFor", "Baidu keeps snapshots for 1 to "
					+ BaiduAsp.MAX_RETENTION_DAYS + " whole days, or forever; " + keepFor + " is not that");
		}
		return (int) keepFor.dividedBy(day);
	}

	/**
	 * The hours of the week a rule takes a snapshot at, as {@code weekday * 24 + hour}.
	 */
	private static List<Integer> slots(ScheduleRule rule, String field, ZoneId zone) {
		return switch (rule) {
			case ScheduleRule.Hourly hourly -> {
				if (hourly.minute() != 0) {
					throw InvalidRequestException.unsupported(field + ".minute",
							"Baidu takes automatic snapshots at the top of the hour only; in " + zone
									+ " this rule runs at minute " + hourly.minute());
				}
				List<Integer> hours = new ArrayList<>();
				for (int hour = 0; hour < 24; hour++) {
					hours.add(hour);
				}
				yield product(hours, EVERY_DAY);
			}
			case ScheduleRule.Daily daily -> product(List.of(wholeHour(daily.at(), field, zone)), EVERY_DAY);
			case ScheduleRule.Weekly weekly -> product(List.of(wholeHour(weekly.at(), field, zone)), weekly.on());
			case ScheduleRule.Monthly monthly -> throw InvalidRequestException.unsupported(field,
					"Baidu repeats automatic snapshots on days of the week only, never on a day of the month");
		};
	}

	private static int wholeHour(LocalTime at, String field, ZoneId zone) {
		if (at.getMinute() != 0 || at.getSecond() != 0 || at.getNano() != 0) {
			throw InvalidRequestException.unsupported(field + ".at",
					"Baidu takes automatic snapshots at the top of the hour only; in " + zone + " this rule runs at "
							+ at);
		}
		return at.getHour();
	}

	private static List<Integer> product(List<Integer> hours, Set<DayOfWeek> days) {
		List<Integer> slots = new ArrayList<>();
		for (DayOfWeek day : days) {
			for (int hour : hours) {
				slots.add(weekday(day) * 24 + hour);
			}
		}
		return slots;
	}

}
