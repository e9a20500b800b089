package io.snapgate.domain;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;

/**
 * What a provider's native scheduler can honour, as {@code /providers} shows it.
 *
 * @param rules the kinds of rule it takes
 * @param minutes the minutes past the hour a rule may name; empty for any
 * @param timeZone the zone its schedules are read in
 * @param retentionUnit the granularity of a retention (a day, a second)
 * @param forever whether snapshots can be kept forever
 * @param minKept whether a minimum number kept can be set
 * @param immutable whether snapshots can be made immutable
 * @param targets what a policy can protect
 * @param rulesPerPolicy how many rules one policy may have; each rule its own time, or
 * one set of hours times one set of days
 * @param copies whether a policy can copy its snapshots to the provider's copy targets,
 * run by the backend itself
 */
public record PolicyFeatures(Set<RuleKind> rules, Set<Integer> minutes, ZoneId timeZone, Duration retentionUnit,
		boolean forever, boolean minKept, boolean immutable, Set<PolicyTarget.Type> targets, int rulesPerPolicy,
		boolean copies) {

	public PolicyFeatures {
		rules = Set.copyOf(rules);
		minutes = Set.copyOf(minutes);
		targets = Set.copyOf(targets);
	}

	/** The kinds of {@link ScheduleRule}. */
	public enum RuleKind {

		HOUR, DAY, WEEK, MONTH

	}

}
