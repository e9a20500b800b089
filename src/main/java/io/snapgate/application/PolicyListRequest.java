package io.snapgate.application;

import java.util.Set;

import io.snapgate.domain.ProviderId;
import org.jspecify.annotations.Nullable;

/**
 * A page of the merged policy listing to produce.
 *
 * @param providers the providers to ask; empty for every provider that runs policies
 * @param position where the previous page stopped; {@code null} for the first page
 * @param pageSize the most policies on the page
 */
public record PolicyListRequest(Set<ProviderId> providers, @Nullable ListPosition position, int pageSize) {

	public PolicyListRequest {
		providers = Set.copyOf(providers);
	}

}
