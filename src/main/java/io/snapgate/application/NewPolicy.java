package io.snapgate.application;

import io.snapgate.domain.PolicySpec;
import io.snapgate.domain.ProviderId;
import org.jspecify.annotations.Nullable;

/**
 * A caller's request to make a policy on a provider.
 *
 * @param provider where the policy is to run
 * @param spec what it is to be
 * @param idempotencyKey the caller's {@code Idempotency-Key}, if any
 */
public record NewPolicy(ProviderId provider, PolicySpec spec, @Nullable String idempotencyKey) {

	/**
	 * The request's meaningful content, in a fixed order, for idempotency fingerprints.
	 */
	String canonicalForm() {
		return PolicySpecs.canonicalForm(this.provider, this.spec);
	}

}
