package io.snapgate.domain;

import java.util.List;

/**
 * What a caller asks a policy to be, checked by the adapter against what its backend can
 * express.
 *
 * @param name its name
 * @param schedule its rules in the caller's time zone
 * @param retention how long its snapshots are kept
 * @param immutable whether its snapshots are made immutable
 * @param targets what it protects; on a replace, ignored (targets change by attach and
 * detach)
 */
public record PolicySpec(String name, PolicySchedule schedule, PolicyRetention retention, boolean immutable,
		List<PolicyTarget> targets) {

	public PolicySpec {
		targets = List.copyOf(targets);
	}

}
