package io.snapgate.application;

import java.util.List;

import io.snapgate.domain.ProviderId;

/**
 * Told the health of policies whenever the gateway reads them, so that operators can see
 * it without asking: every read, the periodic survey, and deletions.
 */
public interface PolicyHealthRecorder {

	/** Records nothing. */
	PolicyHealthRecorder NONE = new PolicyHealthRecorder() {

		@Override
		public void seen(List<PolicyView> policies) {
		}

		@Override
		public void surveyed(ProviderId provider, List<PolicyView> policies) {
		}

		@Override
		public void deleted(PolicyRef policy) {
		}

	};

	/** Some policies, as just read; others of their providers are unchanged. */
	void seen(List<PolicyView> policies);

	/** Every policy of one provider: the ones not among them are gone. */
	void surveyed(ProviderId provider, List<PolicyView> policies);

	void deleted(PolicyRef policy);

}
