package io.snapgate.provider.baidu;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.Policy;
import io.snapgate.domain.PolicyRetention;
import io.snapgate.domain.PolicySchedule;
import io.snapgate.domain.PolicyStatus;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ScheduleRule;
import io.snapgate.domain.UpstreamErrorException;
import org.jspecify.annotations.Nullable;

/**
 * BCC's automatic snapshot policies as SnapGate's. The hours times weekdays BCC keeps
 * become the fewest rules that say the same, in the provider's policy time zone: one
 * hourly rule for every hour of every day, a daily rule per hour when every day is
 * listed, a weekly rule per hour otherwise. A value of a shape BCC does not document is
 * an upstream error naming the field, never a guess. The attributes are
 * {@code volumeCount} (the disks BCC counts as attached) and {@code targetsComplete}
 * (whether the targets listed are that many).
 * <p>
 * A policy runs on the disks attached to it: it is active with a disk and BCC's status
 * {@code active}, not assigned without a disk, and unknown with a status word SnapGate
 * does not know, or when BCC counts no disks and none is found.
 */
final class BaiduPolicyMapper {

	/** BCC shows {@code 1971-01-01T00:00:01Z} for a time that never was. */
	private static final Instant PLACEHOLDER_BEFORE = Instant.parse("2000-01-01T00:00:00Z");

	private final ProviderId provider;

	private final ZoneId zone;

	BaiduPolicyMapper(ProviderId provider, ZoneId zone) {
		this.provider = provider;
		this.zone = zone;
	}

	/**
	 * @param targets the disks found attached to it
	 */
	Policy toPolicy(BaiduAspJson json, List<PolicyTarget> targets) {
		String id = json.id();
		if (!BaiduIds.isPolicyId(id)) {
			throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
					"Baidu answered an automatic snapshot policy whose id is of a shape BCC does not document");
		}
		Set<Integer> hours = numbers(json.timePoints(), 0, 23, id, "timePoints");
		Set<Integer> weekdays = new TreeSet<>();
		// BCC's own error text and one SDK count 1..7; 7 can only mean Sunday
		numbers(json.repeatWeekdays(), 0, 7, id, "repeatWeekdays").forEach((day) -> weekdays.add(day % 7));
		Integer volumeCount = json.volumeCount();
		if (volumeCount != null && volumeCount < 0) {
			throw unreadable(id, "volumeCount");
		}
		String status = (json.status() != null) ? json.status() : "";
		Map<String, String> attributes = new LinkedHashMap<>();
		if (volumeCount != null) {
			attributes.put("volumeCount", volumeCount.toString());
		}
		attributes.put("targetsComplete", Boolean.toString(volumeCount != null && volumeCount == targets.size()));
		return new Policy(this.provider, BaiduSnapshotProvider.TYPE, id, (json.name() != null) ? json.name() : "",
				new PolicySchedule(this.zone, rules(hours, weekdays)), retention(json.retentionDays(), id), false,
				targets, state(status, volumeCount, targets), status, time(json.createdTime(), id, "createdTime"),
				time(json.lastExecuteTime(), id, "lastExecuteTime"), attributes);
	}

	private static PolicyStatus state(String status, @Nullable Integer volumeCount, List<PolicyTarget> targets) {
		boolean attached = (volumeCount != null && volumeCount > 0) || !targets.isEmpty();
		if (!attached) {
			return (volumeCount != null) ? PolicyStatus.NOT_ASSIGNED : PolicyStatus.UNKNOWN;
		}
		// BCC documents no other word; what another one means for the schedule is not
		// known
		return "active".equalsIgnoreCase(status) ? PolicyStatus.ACTIVE : PolicyStatus.UNKNOWN;
	}

	static List<ScheduleRule> rules(Set<Integer> hours, Set<Integer> weekdays) {
		if (hours.size() == 24 && weekdays.size() == 7) {
			return List.of(new ScheduleRule.Hourly(0));
		}
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		weekdays.forEach((weekday) -> days.add(DayOfWeek.SUNDAY.plus(weekday)));
		List<ScheduleRule> rules = new ArrayList<>();
		for (int hour : hours) {
			LocalTime at = LocalTime.of(hour, 0);
			rules.add((days.size() == 7) ? new ScheduleRule.Daily(at) : new ScheduleRule.Weekly(days, at));
		}
		return rules;
	}

	private static Set<Integer> numbers(@Nullable List<Integer> values, int min, int max, String id, String field) {
		if (values == null || values.isEmpty()) {
			throw unreadable(id, field);
		}
		Set<Integer> numbers = new TreeSet<>();
		for (Integer value : values) {
			if (value == null || value < min || value > max) {
				throw unreadable(id, field);
			}
			numbers.add(value);
		}
		return numbers;
	}

	private static PolicyRetention retention(@Nullable Integer days, String id) {
		if (days == null || (days != BaiduAsp.FOREVER && days < 1)) {
			throw unreadable(id, "retentionDays");
		}
		return (days == BaiduAsp.FOREVER) ? PolicyRetention.forever()
				: new PolicyRetention(Duration.ofDays(days), null);
	}

	/** A time BCC gives; {@code null} for none or for its placeholder of none. */
	private static @Nullable Instant time(@Nullable String text, String id, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		Instant time = BaiduSnapshotMapper.parseTime(text);
		if (time == null) {
			throw unreadable(id, field);
		}
		return time.isBefore(PLACEHOLDER_BEFORE) ? null : time;
	}

	private static UpstreamErrorException unreadable(String id, String field) {
		return new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
				"Baidu answered policy " + id + " with a " + field + " of a shape BCC does not document");
	}

}
