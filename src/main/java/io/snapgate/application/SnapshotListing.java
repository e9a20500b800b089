package io.snapgate.application;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of the merged listing.
 *
 * @param items the snapshots, newest first
 * @param next where the following page starts; {@code null} when this is the last
 * @param failures the providers that could not answer
 */
public record SnapshotListing(List<SnapshotView> items, @Nullable ListPosition next, List<ProviderFailure> failures) {

	public SnapshotListing {
		items = List.copyOf(items);
		failures = List.copyOf(failures);
	}

	public boolean isPartial() {
		return !this.failures.isEmpty();
	}

}
