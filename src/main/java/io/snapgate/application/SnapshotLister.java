package io.snapgate.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.FieldError;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.domain.Scope;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotProvider;

/**
 * Lists snapshots across providers: asks every selected provider in parallel, merges
 * their pages newest first, and notes where each provider stands so that the next page
 * resumes exactly there. A provider that fails is left out and reported; only when all
 * fail does the listing fail. Members are read only for the snapshots on the page, and
 * only when asked for.
 */
public class SnapshotLister {

	private static final Comparator<Snapshot> NEWEST_FIRST = Comparator.comparing(Snapshot::createdAt).reversed();

	private final ProviderRegistry registry;

	private final ProviderMerge merge;

	private final MemberLoader members;

	public SnapshotLister(ProviderRegistry registry, FanOut fanOut, Duration providerTimeout) {
		this.registry = registry;
		this.merge = new ProviderMerge(fanOut, providerTimeout);
		this.members = new MemberLoader(registry, fanOut, providerTimeout);
	}

	public SnapshotListing list(ListRequest request) {
		List<ProviderMerge.Source<Snapshot>> sources = select(request).stream()
			.map((provider) -> new ProviderMerge.Source<>(provider.id(), !supportsScope(provider, request),
					(cursor, limit) -> provider.list(request.query(), cursor, limit)))
			.toList();
		ProviderMerge.Merged<Snapshot> merged = this.merge.page(sources, request.position(), request.pageSize(),
				NEWEST_FIRST);
		List<ProviderFailure> failures = new ArrayList<>(merged.failures());
		List<SnapshotView> items = request.includeMembers() ? this.members.withMembers(merged.items(), failures)
				: merged.items().stream().map((snapshot) -> new SnapshotView(snapshot, null)).toList();
		return new SnapshotListing(items, merged.next(), failures);
	}

	private List<SnapshotProvider> select(ListRequest request) {
		if (request.providers().isEmpty()) {
			return this.registry.all();
		}
		List<FieldError> unknown = request.providers()
			.stream()
			.filter((id) -> this.registry.find(id).isEmpty())
			.map((id) -> new FieldError("provider", "no provider '" + id + "' is configured"))
			.toList();
		if (!unknown.isEmpty()) {
			throw new InvalidRequestException(ErrorCode.UNKNOWN_PROVIDER, "Unknown provider", unknown);
		}
		return this.registry.all().stream().filter((p) -> request.providers().contains(p.id())).toList();
	}

	private static boolean supportsScope(SnapshotProvider provider, ListRequest request) {
		Scope scope = request.query().scope();
		return scope == null || provider.capabilities().contains(scope.capability());
	}

}
