package io.snapgate.domain;

import java.time.ZoneId;
import java.util.List;

/**
 * The rules of a policy, read in an explicit time zone.
 *
 * @param timeZone the zone in which the rules' times are meant
 * @param rules at least one rule
 */
public record PolicySchedule(ZoneId timeZone, List<ScheduleRule> rules) {

	public PolicySchedule {
		if (rules.isEmpty()) {
			throw new IllegalArgumentException("a schedule has at least one rule");
		}
		rules = List.copyOf(rules);
	}

}
