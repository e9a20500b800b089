package io.snapgate.provider.vergeos;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.Policy;
import io.snapgate.domain.PolicyRetention;
import io.snapgate.domain.PolicySchedule;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ScheduleRule;
import io.snapgate.domain.UpstreamDetails;
import io.snapgate.domain.UpstreamErrorException;
import org.jspecify.annotations.Nullable;

/**
 * Shows a VergeOS snapshot profile and its periods as a neutral policy.
 * <p>
 * Rules come from the periods in the order VergeOS made them; weekly periods at the same
 * time become one weekly rule. Yearly and one-time ({@code custom}) periods, and weekly
 * or monthly ones on "any" day, have no neutral rule: they are left out and named in the
 * {@code unmappedPeriods} attribute, and a profile with no other period is no policy at
 * all. Retention: periods each keep their own; when they differ, the longest is shown
 * (never, {@code 0}, the longest of all) with {@code retentionVaries=true}, and the same
 * goes for the minimum kept. {@code immutable} holds when every period is immutable;
 * {@code immutableVaries=true} when only some are. Whether the profile runs, and its
 * targets, come from {@link VergeosSystemProfile}: the whole system for the system's
 * profile, none for any other. A value SnapGate cannot read is an
 * {@link ErrorCode#UPSTREAM_ERROR} naming the field.
 */
final class VergeosPolicyMapper {

	private static final Map<String, DayOfWeek> DAYS = EnumSet.allOf(DayOfWeek.class)
		.stream()
		.collect(Collectors.toUnmodifiableMap(VergeosPolicyPlanner::dayName, (day) -> day));

	private static final Set<String> FREQUENCIES = Set.of("hourly", "daily", "weekly", "monthly", "yearly", "custom");

	private final ProviderId provider;

	private final ZoneId zone;

	/**
	 * @param zone the zone the system reads its periods' times in
	 */
	VergeosPolicyMapper(ProviderId provider, ZoneId zone) {
		this.provider = provider;
		this.zone = zone;
	}

	/**
	 * @param lastSnapshotAt when the newest snapshot the profile took was taken, if any
	 * @param system which profile the system uses, as far as VergeOS tells
	 * @return empty when none of the periods has a neutral rule
	 */
	Optional<Policy> policy(VergeosProfileRow profile, List<VergeosPeriodRow> periods, @Nullable Instant lastSnapshotAt,
			VergeosSystemProfile system) {
		String key = String.valueOf(profile.key());
		List<ScheduleRule> rules = new ArrayList<>();
		Map<LocalTime, Set<DayOfWeek>> weeks = new LinkedHashMap<>();
		List<Integer> weekSlots = new ArrayList<>();
		List<VergeosPeriodRow> shown = new ArrayList<>();
		List<String> unmapped = new ArrayList<>();
		for (VergeosPeriodRow period : inOrderMade(key, periods)) {
			ScheduleRule rule = rule(key, period);
			if (rule == null) {
				unmapped.add(String.valueOf(period.name()));
				continue;
			}
			shown.add(period);
			if (rule instanceof ScheduleRule.Weekly weekly) {
				Set<DayOfWeek> days = weeks.get(weekly.at());
				if (days == null) {
					weeks.put(weekly.at(), EnumSet.copyOf(weekly.on()));
					weekSlots.add(rules.size());
					rules.add(weekly);
				}
				else {
					days.addAll(weekly.on());
				}
			}
			else {
				rules.add(rule);
			}
		}
		if (rules.isEmpty()) {
			return Optional.empty();
		}
		for (int slot : weekSlots) {
			LocalTime at = ((ScheduleRule.Weekly) rules.get(slot)).at();
			rules.set(slot, new ScheduleRule.Weekly(weeks.getOrDefault(at, Set.of()), at));
		}
		Map<String, String> attributes = new LinkedHashMap<>();
		PolicyRetention retention = retention(key, shown, attributes);
		long immutable = shown.stream().filter((period) -> Boolean.TRUE.equals(period.immutable())).count();
		if (immutable > 0 && immutable < shown.size()) {
			attributes.put("immutableVaries", "true");
		}
		if (!unmapped.isEmpty()) {
			attributes.put("unmappedPeriods", String.join(",", unmapped));
		}
		system.describe(key, attributes);
		String name = profile.name();
		if (name == null) {
			throw unreadable(key, null, "name", null);
		}
		return Optional.of(new Policy(this.provider, VergeosSnapshotProvider.TYPE, key, name,
				new PolicySchedule(this.zone, rules), retention, immutable == shown.size(), system.targetsOf(key),
				system.statusOf(key), "", null, lastSnapshotAt, attributes));
	}

	/**
	 * Whether a profile with these periods is a policy: one of them has a neutral rule.
	 */
	static boolean isPolicy(String profileKey, List<VergeosPeriodRow> periods) {
		return unmapped(profileKey, periods).size() < periods.size();
	}

	/** The names of the periods that have no neutral rule. */
	static List<String> unmapped(String profileKey, List<VergeosPeriodRow> periods) {
		return periods.stream()
			.filter((period) -> rule(profileKey, period) == null)
			.map((period) -> String.valueOf(period.name()))
			.toList();
	}

	/** The periods by key, which is the order VergeOS made them in. */
	private static List<VergeosPeriodRow> inOrderMade(String profileKey, List<VergeosPeriodRow> periods) {
		for (VergeosPeriodRow period : periods) {
			if (period.key() == null || !VergeosLimits.isKey(period.key())) {
				throw unreadable(profileKey, null, "$key", period.key());
			}
		}
		return periods.stream()
			.sorted(Comparator.comparingLong((VergeosPeriodRow period) -> Long.parseLong(String.valueOf(period.key()))))
			.toList();
	}

	/** The neutral rule of one period; {@code null} when it has none. */
	private static @Nullable ScheduleRule rule(String profileKey, VergeosPeriodRow period) {
		String frequency = period.frequency();
		if (frequency == null || !FREQUENCIES.contains(frequency)) {
			throw unreadable(profileKey, period.key(), "frequency", frequency);
		}
		return switch (frequency) {
			case "hourly" -> new ScheduleRule.Hourly(minute(profileKey, period));
			case "daily" -> new ScheduleRule.Daily(time(profileKey, period));
			case "weekly" -> {
				String day = period.dayOfWeek();
				if ("any".equals(day)) {
					yield null;
				}
				DayOfWeek dayOfWeek = (day != null) ? DAYS.get(day) : null;
				if (dayOfWeek == null) {
					throw unreadable(profileKey, period.key(), "day_of_week", day);
				}
				yield new ScheduleRule.Weekly(Set.of(dayOfWeek), time(profileKey, period));
			}
			case "monthly" -> {
				Integer day = period.dayOfMonth();
				if (day == null || day < 0 || day > 31) {
					throw unreadable(profileKey, period.key(), "day_of_month", day);
				}
				yield (day == 0) ? null : new ScheduleRule.Monthly(day, time(profileKey, period));
			}
			default -> null;
		};
	}

	private static int minute(String profileKey, VergeosPeriodRow period) {
		Integer minute = period.minute();
		if (minute == null || minute < 0 || minute > 59) {
			throw unreadable(profileKey, period.key(), "minute", minute);
		}
		return minute;
	}

	private static LocalTime time(String profileKey, VergeosPeriodRow period) {
		Integer hour = period.hour();
		if (hour == null || hour < 0 || hour > 23) {
			throw unreadable(profileKey, period.key(), "hour", hour);
		}
		return LocalTime.of(hour, minute(profileKey, period));
	}

	private static PolicyRetention retention(String profileKey, List<VergeosPeriodRow> periods,
			Map<String, String> attributes) {
		List<Long> seconds = new ArrayList<>();
		List<Integer> kept = new ArrayList<>();
		for (VergeosPeriodRow period : periods) {
			Long retention = period.retention();
			if (retention == null || retention < 0) {
				throw unreadable(profileKey, period.key(), "retention", retention);
			}
			Integer minSnapshots = period.minSnapshots();
			if (minSnapshots != null && minSnapshots < 0) {
				throw unreadable(profileKey, period.key(), "min_snapshots", minSnapshots);
			}
			seconds.add(retention);
			kept.add((minSnapshots != null) ? minSnapshots : VergeosPolicyPlanner.DEFAULT_MIN_KEPT);
		}
		if (seconds.stream().distinct().count() > 1 || kept.stream().distinct().count() > 1) {
			attributes.put("retentionVaries", "true");
		}
		// 0 is read as never expiring, as VergeOS documents it
		boolean forever = seconds.contains(0L);
		long longest = seconds.stream().mapToLong(Long::longValue).max().orElse(0);
		int minKept = kept.stream().mapToInt(Integer::intValue).max().orElse(VergeosPolicyPlanner.DEFAULT_MIN_KEPT);
		return new PolicyRetention(forever ? null : Duration.ofSeconds(longest), minKept);
	}

	private static UpstreamErrorException unreadable(String profileKey, @Nullable String periodKey, String field,
			@Nullable Object value) {
		String where = (periodKey != null) ? "period " + periodKey + " of VergeOS policy " + profileKey
				: "VergeOS policy " + profileKey;
		UpstreamErrorException error = new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
				"SnapGate cannot read the " + field + " of " + where);
		error.withUpstream(new UpstreamDetails(null, null, field + "=" + value));
		return error;
	}

}
