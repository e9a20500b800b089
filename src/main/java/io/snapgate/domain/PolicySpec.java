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
 * @param copies where each snapshot it takes is copied to, by the backend itself
 */
public record PolicySpec(String name, PolicySchedule schedule, PolicyRetention retention, boolean immutable,
		List<PolicyTarget> targets, List<CopyRule> copies) {

	public PolicySpec {
		targets = List.copyOf(targets);
		copies = List.copyOf(copies);
	}

	/** A policy whose snapshots stay where they are taken. */
	public PolicySpec(String name, PolicySchedule schedule, PolicyRetention retention, boolean immutable,
			List<PolicyTarget> targets) {
		this(name, schedule, retention, immutable, targets, List.of());
	}

}
