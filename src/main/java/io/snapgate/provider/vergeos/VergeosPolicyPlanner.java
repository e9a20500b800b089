package io.snapgate.provider.vergeos;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.PolicyRetention;
import io.snapgate.domain.PolicySchedule;
import io.snapgate.domain.PolicySpec;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.ScheduleRule;
import io.snapgate.provider.ScheduleZones;

/**
 * Turns a neutral policy into a VergeOS snapshot profile's periods, refusing before
 * anything is sent what VergeOS cannot express.
 * <p>
 * One period per rule, or per day of a weekly rule (a period names one day of the week):
 * {@code hourly} at a minute, {@code daily} at a time, {@code weekly} on a day at a time,
 * {@code monthly} on a day of the month at a time. Each period is named for when it runs
 * ({@code hourly-at-15}, {@code daily-0200}, {@code weekly-sat-0300},
 * {@code monthly-01-0400}), so that a replace can match periods by name, and carries the
 * policy's retention in seconds, its minimum kept and its immutability.
 * <p>
 * Keeping snapshots forever is refused: VergeOS's documentation reads a retention of
 * {@code 0} as never expiring, but some of its own clients refuse {@code 0} and one saw
 * an unset retention stored as a day. Until that is settled on a live system, a policy
 * meant to keep its snapshots forever must not quietly keep them for a day.
 */
final class VergeosPolicyPlanner {

	static final int MAX_RULES = 50;

	static final int DEFAULT_MIN_KEPT = 1;

	private static final int MAX_MIN_KEPT = 1000;

	private final ZoneId zone;

	private final Clock clock;

	/**
	 * @param zone the zone the system reads its periods' times in
	 */
	VergeosPolicyPlanner(ZoneId zone, Clock clock) {
		this.zone = zone;
		this.clock = clock;
	}

	/**
	 * What an operator does in VergeOS to have a profile take the system's snapshots.
	 */
	static final String SELECT_IN_VERGEOS = "select the profile under System > System Snapshots in VergeOS; "
			+ "it reads ACTIVE once it has taken a snapshot";

	/**
	 * SnapGate gives a profile to nothing. Which profile the whole system uses is chosen
	 * under System > System Snapshots, and no documented API field holds that choice; a
	 * profile of a VM or a NAS volume is not set by SnapGate either. A target is refused
	 * rather than dropped: a caller who asked for one must not believe it runs.
	 */
	static void checkTargets(List<PolicyTarget> targets) {
		for (int i = 0; i < targets.size(); i++) {
			String field = "targets[" + i + "].type";
			if (targets.get(i).type() == PolicyTarget.Type.SYSTEM) {
				throw InvalidRequestException.unsupported(field,
						"SnapGate cannot make a VergeOS profile the whole system's: no documented API sets it. "
								+ "Make the policy without targets, then " + SELECT_IN_VERGEOS);
			}
			if (targets.get(i).type() == PolicyTarget.Type.MACHINE) {
				throw InvalidRequestException.unsupported(field,
						"SnapGate gives a VergeOS profile to VMs once it is made: make the policy without targets, "
								+ "then add the VMs with POST /policies/{id}/targets");
			}
			throw InvalidRequestException.unsupported(field,
					"SnapGate gives VergeOS profiles to no disk: give the profile to VMs, or " + SELECT_IN_VERGEOS);
		}
	}

	/**
	 * @throws InvalidRequestException for anything VergeOS cannot express, naming the
	 * field
	 */
	VergeosPolicyPlan plan(PolicySpec spec) {
		VergeosLimits.checkName("name", spec.name());
		PolicyRetention retention = retention(spec.retention());
		if (spec.schedule().rules().size() > MAX_RULES) {
			throw InvalidRequestException.unsupported("schedule.rules",
					"SnapGate writes at most " + MAX_RULES + " rules to one VergeOS profile");
		}
		PolicySchedule schedule = ScheduleZones.toBackendZone(spec.schedule(), this.zone, this.clock.instant());
		long seconds = (retention.keepFor() != null) ? retention.keepFor().toSeconds() : 0;
		int minKept = (retention.minKept() != null) ? retention.minKept() : DEFAULT_MIN_KEPT;
		List<VergeosPeriodBody> periods = new ArrayList<>();
		Map<String, Integer> names = new HashMap<>();
		for (int i = 0; i < schedule.rules().size(); i++) {
			String field = "schedule.rules[" + i + "]";
			for (VergeosPeriodBody period : periods(schedule.rules().get(i), field, seconds, minKept,
					spec.immutable())) {
				Integer earlier = names.putIfAbsent(String.valueOf(period.name()), i);
				if (earlier != null) {
					throw InvalidRequestException.field(field,
							"takes the same snapshot as schedule.rules[" + earlier + "] (" + period.name() + ")");
				}
				periods.add(period);
			}
		}
		return new VergeosPolicyPlan(spec.name(), schedule, retention, spec.immutable(), periods, spec.copies());
	}

	private static PolicyRetention retention(PolicyRetention retention) {
		Duration keepFor = retention.keepFor();
		if (keepFor == null) {
			throw InvalidRequestException.unsupported("retention.forever",
					"how VergeOS's API keeps snapshots forever is not confirmed (0 is documented as never, but "
							+ "VergeOS clients refuse it): give retention.keepFor");
		}
		if (keepFor.isNegative() || keepFor.isZero()) {
			throw InvalidRequestException.field("retention.keepFor", "must be positive");
		}
		if (keepFor.toNanosPart() != 0) {
			throw InvalidRequestException.unsupported("retention.keepFor", "VergeOS keeps snapshots for whole seconds");
		}
		if (keepFor.toSeconds() > Integer.MAX_VALUE) {
			throw InvalidRequestException.unsupported("retention.keepFor", "too long for VergeOS");
		}
		Integer minKept = retention.minKept();
		if (minKept != null && (minKept < 1 || minKept > MAX_MIN_KEPT)) {
			throw InvalidRequestException.field("retention.minKept", "must be 1 to " + MAX_MIN_KEPT);
		}
		return new PolicyRetention(keepFor, (minKept != null) ? minKept : DEFAULT_MIN_KEPT);
	}

	private static List<VergeosPeriodBody> periods(ScheduleRule rule, String field, long retention, int minKept,
			boolean immutable) {
		return switch (rule) {
			case ScheduleRule.Hourly hourly ->
				List.of(VergeosPeriodBody.planned("hourly-at-%02d".formatted(hourly.minute()), "hourly",
						hourly.minute(), 0, VergeosPeriodBody.ANY_DAY, 0, retention, minKept, immutable));
			case ScheduleRule.Daily daily -> {
				LocalTime at = wholeMinute(daily.at(), field);
				yield List.of(VergeosPeriodBody.planned("daily-" + hhmm(at), "daily", at.getMinute(), at.getHour(),
						VergeosPeriodBody.ANY_DAY, 0, retention, minKept, immutable));
			}
			case ScheduleRule.Weekly weekly -> {
				LocalTime at = wholeMinute(weekly.at(), field);
				yield weekly.on()
					.stream()
					.sorted()
					.map((day) -> VergeosPeriodBody.planned("weekly-" + dayName(day) + "-" + hhmm(at), "weekly",
							at.getMinute(), at.getHour(), dayName(day), 0, retention, minKept, immutable))
					.toList();
			}
			case ScheduleRule.Monthly monthly -> {
				LocalTime at = wholeMinute(monthly.at(), field);
				yield List.of(VergeosPeriodBody.planned("monthly-%02d-%s".formatted(monthly.day(), hhmm(at)), "monthly",
						at.getMinute(), at.getHour(), VergeosPeriodBody.ANY_DAY, monthly.day(), retention, minKept,
						immutable));
			}
		};
	}

	/** VergeOS's three-letter day: {@code sun} to {@code sat}. */
	static String dayName(DayOfWeek day) {
		return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
	}

	private static LocalTime wholeMinute(LocalTime at, String field) {
		if (at.getSecond() != 0 || at.getNano() != 0) {
			throw InvalidRequestException.unsupported(field + ".at", "VergeOS schedules whole minutes");
		}
		return at;
	}

	private static String hhmm(LocalTime at) {
		return "%02d%02d".formatted(at.getHour(), at.getMinute());
	}

}
