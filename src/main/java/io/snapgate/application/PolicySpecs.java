package io.snapgate.application;

import java.util.ArrayList;
import java.util.List;

import io.snapgate.domain.PolicyRetention;
import io.snapgate.domain.PolicySpec;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ScheduleRule;

/**
 * Writes a policy spec out in one fixed form, so that the same request fingerprints the
 * same on every replica: sets are sorted, and nothing depends on a record's
 * {@code toString}.
 */
final class PolicySpecs {

	private PolicySpecs() {
	}

	static String canonicalForm(ProviderId provider, PolicySpec spec) {
		List<String> lines = new ArrayList<>();
		lines.add("policy");
		lines.add(provider.value());
		lines.add(spec.name());
		lines.add(spec.schedule().timeZone().getId());
		spec.schedule().rules().forEach((rule) -> lines.add(rule(rule)));
		lines.add(retention(spec.retention()));
		lines.add("immutable=" + spec.immutable());
		spec.targets().forEach((target) -> lines.add(target(target)));
		return String.join("\n", lines);
	}

	private static String rule(ScheduleRule rule) {
		return switch (rule) {
			case ScheduleRule.Hourly hourly -> "HOUR minute=" + hourly.minute();
			case ScheduleRule.Daily daily -> "DAY at=" + daily.at();
			case ScheduleRule.Weekly weekly ->
				"WEEK on=" + weekly.on().stream().sorted().toList() + " at=" + weekly.at();
			case ScheduleRule.Monthly monthly -> "MONTH day=" + monthly.day() + " at=" + monthly.at();
		};
	}

	private static String retention(PolicyRetention retention) {
		return "keepFor=" + retention.keepFor() + " minKept=" + retention.minKept();
	}

	private static String target(PolicyTarget target) {
		return "target " + target.type() + " " + target.id();
	}

}
