package io.snapgate.config;

import java.util.List;

import io.snapgate.application.PolicyHealthRecorder;
import io.snapgate.application.PolicyRef;
import io.snapgate.application.PolicyView;
import io.snapgate.domain.PolicyStatus;
import io.snapgate.domain.ProviderId;
import io.snapgate.observability.PolicyGauges;
import io.snapgate.observability.PolicyGauges.CopyReading;
import io.snapgate.observability.PolicyGauges.PolicyReading;

/**
 * Hands the policy health the use cases derive to the gauges, which know nothing of the
 * use cases.
 */
final class PolicyGaugeRecorder implements PolicyHealthRecorder {

	private final PolicyGauges gauges;

	PolicyGaugeRecorder(PolicyGauges gauges) {
		this.gauges = gauges;
	}

	@Override
	public void seen(List<PolicyView> policies) {
		this.gauges.update(policies.stream().map(PolicyGaugeRecorder::reading).toList());
	}

	@Override
	public void surveyed(ProviderId provider, List<PolicyView> policies) {
		this.gauges.replace(provider, policies.stream().map(PolicyGaugeRecorder::reading).toList());
	}

	@Override
	public void deleted(PolicyRef policy) {
		this.gauges.remove(policy.provider(), policy.toString());
	}

	private static PolicyReading reading(PolicyView view) {
		return new PolicyReading(view.policy().provider(), view.policy().id(), view.policy().lastSnapshotAt(),
				view.overdueAfter(), view.policy().status() == PolicyStatus.NOT_ASSIGNED,
				view.copies()
					.stream()
					.filter((health) -> health.copy().told())
					.map((health) -> new CopyReading(health.copy().rule().target(), health.copy().lastCopyTakenAt(),
							health.overdueAfter()))
					.toList());
	}

}
