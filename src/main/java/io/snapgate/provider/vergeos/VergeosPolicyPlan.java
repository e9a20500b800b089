package io.snapgate.provider.vergeos;

import java.util.List;

import io.snapgate.domain.CopyRule;
import io.snapgate.domain.PolicyRetention;
import io.snapgate.domain.PolicySchedule;

/**
 * A policy as it is to be written to VergeOS: its schedule moved into the system's zone
 * and the periods that run it, in the order of the rules.
 *
 * @param name the profile's name
 * @param schedule the rules in the system's zone
 * @param retention the retention with VergeOS's default minimum filled in
 * @param immutable whether every period makes its snapshots immutable
 * @param periods one per rule, or per day of a weekly rule; names unique
 * @param copies where every period's snapshots are sent
 */
record VergeosPolicyPlan(String name, PolicySchedule schedule, PolicyRetention retention, boolean immutable,
		List<VergeosPeriodBody> periods, List<CopyRule> copies) {

	VergeosPolicyPlan {
		periods = List.copyOf(periods);
		copies = List.copyOf(copies);
	}

}
