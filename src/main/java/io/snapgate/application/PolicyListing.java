package io.snapgate.application;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of the merged policy listing.
 *
 * @param items the policies, by provider and then in each provider's own order
 * @param next where the following page starts; {@code null} when this is the last
 * @param failures the providers that could not answer
 */
public record PolicyListing(List<PolicyView> items, @Nullable ListPosition next, List<ProviderFailure> failures) {

	public PolicyListing {
		items = List.copyOf(items);
		failures = List.copyOf(failures);
	}

	public boolean isPartial() {
		return !this.failures.isEmpty();
	}

}
