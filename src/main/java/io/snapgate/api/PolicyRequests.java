package io.snapgate.api;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.snapgate.api.PolicyRequest.RetentionRequest;
import io.snapgate.api.PolicyRequest.RuleRequest;
import io.snapgate.api.PolicyRequest.ScheduleRequest;
import io.snapgate.api.PolicyRequest.TargetRequest;
import io.snapgate.domain.CopyRule;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.FieldError;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.PolicyRetention;
import io.snapgate.domain.PolicySchedule;
import io.snapgate.domain.PolicySpec;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ScheduleRule;
import org.jspecify.annotations.Nullable;

/**
 * Reads a policy request into the neutral model, checking what Bean Validation cannot:
 * which fields a rule of each kind takes, a real IANA zone, one form of retention, a
 * target of the right shape. Every problem is named by its field, all at once.
 */
final class PolicyRequests {

	private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

	private PolicyRequests() {
	}

	/**
	 * @param replacing whether the request replaces an existing policy, whose provider
	 * and targets stay as they are
	 */
	static PolicySpec spec(PolicyRequest request, boolean replacing) {
		List<FieldError> errors = new ArrayList<>();
		if (!replacing && request.provider() == null) {
			errors.add(new FieldError("provider", "required: the provider to run the policy"));
		}
		if (request.name() == null || request.name().isBlank()) {
			errors.add(new FieldError("name", "required"));
		}
		PolicySchedule schedule = schedule(request.schedule(), errors);
		PolicyRetention retention = retention(request.retention(), errors);
		List<PolicyTarget> targets = List.of();
		if (replacing && request.targets() != null) {
			errors.add(new FieldError("targets", "a replace leaves the targets as they are; change them with "
					+ "POST /policies/{id}/targets and DELETE /policies/{id}/targets/{targetId}"));
		}
		else if (request.targets() != null) {
			targets = targets(request.targets(), "targets", errors);
		}
		List<CopyRule> copies = copies(request.copies(), errors);
		failOn(errors);
		// the checks above have refused a request without them
		return new PolicySpec(require(request.name()), require(schedule), require(retention),
				Boolean.TRUE.equals(request.immutable()), targets, copies);
	}

	private static List<CopyRule> copies(@Nullable List<PolicyRequest.@Nullable CopyRuleRequest> requested,
			List<FieldError> errors) {
		if (requested == null) {
			return List.of();
		}
		List<CopyRule> copies = new ArrayList<>();
		for (int i = 0; i < requested.size(); i++) {
			PolicyRequest.CopyRuleRequest rule = requested.get(i);
			String at = "copies[" + i + "]";
			if (rule == null || rule.targetProvider() == null) {
				errors.add(new FieldError(at + ".targetProvider", "required: the provider to copy to"));
				continue;
			}
			try {
				copies.add(new CopyRule(new ProviderId(rule.targetProvider()),
						IsoDurations.positive(at + ".retention", rule.retention())));
			}
			catch (InvalidRequestException ex) {
				errors.addAll(ex.fieldErrors());
			}
		}
		return copies;
	}

	static List<PolicyTarget> targets(@Nullable List<@Nullable TargetRequest> requested) {
		List<FieldError> errors = new ArrayList<>();
		List<PolicyTarget> targets = List.of();
		if (requested == null || requested.isEmpty()) {
			errors.add(new FieldError("targets", "required: at least one target"));
		}
		else {
			targets = targets(requested, "targets", errors);
		}
		failOn(errors);
		return targets;
	}

	private static @Nullable PolicySchedule schedule(@Nullable ScheduleRequest schedule, List<FieldError> errors) {
		if (schedule == null) {
			errors.add(new FieldError("schedule", "required"));
			return null;
		}
		ZoneId zone = null;
		if (schedule.timeZone() == null) {
			errors.add(new FieldError("schedule.timeZone", "required: an IANA time zone such as Asia/Shanghai"));
		}
		else if (!ZONES.contains(schedule.timeZone())) {
			errors.add(new FieldError("schedule.timeZone", "not an IANA time zone, such as Asia/Shanghai"));
		}
		else {
			zone = ZoneId.of(schedule.timeZone());
		}
		List<@Nullable RuleRequest> requested = schedule.rules();
		if (requested == null || requested.isEmpty()) {
			errors.add(new FieldError("schedule.rules", "required: at least one rule"));
			return null;
		}
		List<ScheduleRule> rules = new ArrayList<>();
		for (int i = 0; i < requested.size(); i++) {
			RuleRequest given = requested.get(i);
			ScheduleRule rule = null;
			if (given == null) {
				errors.add(new FieldError("schedule.rules[" + i + "]", "must not be null"));
			}
			else {
				rule = rule(given, "schedule.rules[" + i + "]", errors);
			}
			if (rule != null) {
				rules.add(rule);
			}
		}
		return (zone != null && rules.size() == requested.size()) ? new PolicySchedule(zone, rules) : null;
	}

	private static @Nullable ScheduleRule rule(RuleRequest rule, String field, List<FieldError> errors) {
		if (rule.every() == null) {
			errors.add(new FieldError(field + ".every", "required: one of HOUR, DAY, WEEK, MONTH"));
			return null;
		}
		int before = errors.size();
		String every = rule.every();
		notFor(every, "minute", rule.minute(), !every.equals("HOUR"), field, errors);
		notFor(every, "at", rule.at(), every.equals("HOUR"), field, errors);
		notFor(every, "on", rule.on(), !every.equals("WEEK"), field, errors);
		notFor(every, "day", rule.day(), !every.equals("MONTH"), field, errors);
		Integer minute = every.equals("HOUR") ? required(rule.minute(), field + ".minute", errors) : null;
		LocalTime at = every.equals("HOUR") ? null : time(rule.at(), field + ".at", errors);
		Set<DayOfWeek> on = every.equals("WEEK") ? days(rule.on(), field + ".on", errors) : Set.of();
		Integer day = every.equals("MONTH") ? required(rule.day(), field + ".day", errors) : null;
		if (errors.size() > before) {
			return null;
		}
		return switch (every) {
			case "HOUR" -> new ScheduleRule.Hourly(require(minute));
			case "DAY" -> new ScheduleRule.Daily(require(at));
			case "WEEK" -> new ScheduleRule.Weekly(on, require(at));
			case "MONTH" -> new ScheduleRule.Monthly(require(day), require(at));
			// Bean Validation has refused any other word
			default -> throw new IllegalStateException("Unknown rule kind " + every);
		};
	}

	private static void notFor(String every, String name, @Nullable Object value, boolean refused, String field,
			List<FieldError> errors) {
		if (value != null && refused) {
			errors.add(new FieldError(field + "." + name, "not used by " + every + " rules"));
		}
	}

	private static @Nullable Integer required(@Nullable Integer value, String field, List<FieldError> errors) {
		if (value == null) {
			errors.add(new FieldError(field, "required"));
		}
		return value;
	}

	private static @Nullable LocalTime time(@Nullable String at, String field, List<FieldError> errors) {
		if (at == null) {
			errors.add(new FieldError(field, "required: a time of day HH:MM"));
			return null;
		}
		// the pattern has been checked
		return LocalTime.parse(at);
	}

	private static Set<DayOfWeek> days(@Nullable List<@Nullable String> on, String field, List<FieldError> errors) {
		if (on == null || on.isEmpty()) {
			errors.add(new FieldError(field, "required: at least one day, MONDAY to SUNDAY"));
			return Set.of();
		}
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (int i = 0; i < on.size(); i++) {
			String day = on.get(i);
			if (day == null) {
				errors.add(new FieldError(field + "[" + i + "]", "must be a day MONDAY to SUNDAY"));
			}
			else {
				// the pattern has been checked
				days.add(DayOfWeek.valueOf(day));
			}
		}
		return days;
	}

	private static @Nullable PolicyRetention retention(@Nullable RetentionRequest retention, List<FieldError> errors) {
		if (retention == null) {
			errors.add(new FieldError("retention", "required: {\"keepFor\": \"P7D\"} or {\"forever\": true}"));
			return null;
		}
		boolean forever = Boolean.TRUE.equals(retention.forever());
		if (forever && retention.keepFor() != null) {
			errors.add(new FieldError("retention", "give keepFor or forever, not both"));
			return null;
		}
		if (forever) {
			if (retention.minKept() != null) {
				errors.add(new FieldError("retention.minKept", "not with forever: nothing expires"));
				return null;
			}
			return PolicyRetention.forever();
		}
		if (retention.keepFor() == null) {
			errors.add(new FieldError("retention.keepFor", "required unless forever is true"));
			return null;
		}
		Duration keepFor = Duration.parse(retention.keepFor());
		if (keepFor.isZero()) {
			errors.add(new FieldError("retention.keepFor", "must be longer than zero"));
			return null;
		}
		return new PolicyRetention(keepFor, retention.minKept());
	}

	private static List<PolicyTarget> targets(List<@Nullable TargetRequest> requested, String field,
			List<FieldError> errors) {
		List<PolicyTarget> targets = new ArrayList<>();
		for (int i = 0; i < requested.size(); i++) {
			TargetRequest target = requested.get(i);
			String at = field + "[" + i + "]";
			if (target == null) {
				errors.add(new FieldError(at, "must not be null"));
			}
			else if (target.type() == null) {
				errors.add(new FieldError(at + ".type", "required: VOLUME, MACHINE or SYSTEM"));
			}
			else if (target.type().equals("VOLUME") || target.type().equals("MACHINE")) {
				boolean volume = target.type().equals("VOLUME");
				if (target.id() == null) {
					errors.add(new FieldError(at + ".id",
							volume ? "required: the disk's id" : "required: the machine's id"));
				}
				else {
					targets.add(volume ? PolicyTarget.volume(target.id()) : PolicyTarget.machine(target.id()));
				}
			}
			else if (target.id() != null) {
				errors.add(new FieldError(at + ".id", "a SYSTEM target has no id"));
			}
			else {
				targets.add(PolicyTarget.SYSTEM);
			}
		}
		return targets;
	}

	private static void failOn(List<FieldError> errors) {
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(ErrorCode.VALIDATION_FAILED,
					"Invalid " + String.join(", ", errors.stream().map(FieldError::field).distinct().toList()), errors);
		}
	}

	private static <T> T require(@Nullable T value) {
		if (value == null) {
			throw new IllegalStateException("checked above");
		}
		return value;
	}

}
