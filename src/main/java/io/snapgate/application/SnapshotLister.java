package io.snapgate.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.snapgate.domain.ProviderId;
import io.snapgate.domain.Scope;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotProvider;

/**
 * Lists snapshots across providers: asks every selected provider in parallel, merges
 * their pages newest first, and notes where each provider stands so that the next page
 * resumes exactly there. Only the providers the caller may read are asked, on every page,
 * whatever a page token holds. A provider that fails is left out and reported; only when
 * all fail does the listing fail. Members are read only for the snapshots on the page,
 * and only when asked for.
 */
public class SnapshotLister {

	private static final Comparator<Snapshot> NEWEST_FIRST = Comparator.comparing(Snapshot::createdAt).reversed();

	private final ProviderAccess access;

	private final ProviderMerge merge;

	private final MemberLoader members;

	public SnapshotLister(ProviderAccess access, FanOut fanOut, Duration providerTimeout) {
		this.access = access;
		this.merge = new ProviderMerge(fanOut, providerTimeout);
		this.members = new MemberLoader(fanOut, providerTimeout);
	}

	public SnapshotListing list(ListRequest request) {
		List<SnapshotProvider> selected = this.access.select(request.providers(), ProviderScope.SNAPSHOTS_READ);
		List<ProviderMerge.Source<Snapshot>> sources = selected.stream()
			.map((provider) -> new ProviderMerge.Source<>(provider.id(), !supportsScope(provider, request),
					(cursor, limit) -> provider.list(request.query(), cursor, limit)))
			.toList();
		ProviderMerge.Merged<Snapshot> merged = this.merge.page(sources, request.position(), request.pageSize(),
				NEWEST_FIRST);
		List<ProviderFailure> failures = new ArrayList<>(merged.failures());
		Map<ProviderId, SnapshotProvider> byId = selected.stream()
			.collect(Collectors.toMap(SnapshotProvider::id, Function.identity()));
		List<SnapshotView> items = request.includeMembers() ? this.members.withMembers(merged.items(), byId, failures)
				: merged.items().stream().map((snapshot) -> new SnapshotView(snapshot, null)).toList();
		return new SnapshotListing(items, merged.next(), failures);
	}

	private static boolean supportsScope(SnapshotProvider provider, ListRequest request) {
		Scope scope = request.query().scope();
		return scope == null || provider.capabilities().contains(scope.capability());
	}

}
