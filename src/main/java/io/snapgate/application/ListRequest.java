package io.snapgate.application;

import java.util.Set;

import io.snapgate.domain.ProviderId;
import io.snapgate.domain.SnapshotQuery;
import org.jspecify.annotations.Nullable;

/**
 * A page of the merged listing to produce.
 *
 * @param providers the providers to ask; empty for all
 * @param query the filters
 * @param position where the previous page stopped; {@code null} for the first page
 * @param pageSize the most snapshots on the page
 * @param includeMembers whether to load each system snapshot's members
 */
public record ListRequest(Set<ProviderId> providers, SnapshotQuery query, @Nullable ListPosition position, int pageSize,
		boolean includeMembers) {

	public ListRequest {
		providers = Set.copyOf(providers);
	}

}
