package io.snapgate.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

import io.snapgate.application.FanOut.Outcome;
import io.snapgate.domain.Cursor;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.FieldError;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.Page;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.domain.Scope;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.domain.UpstreamUnavailableException;

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

	private final FanOut fanOut;

	private final Duration providerTimeout;

	private final MemberLoader members;

	public SnapshotLister(ProviderRegistry registry, FanOut fanOut, Duration providerTimeout) {
		this.registry = registry;
		this.fanOut = fanOut;
		this.providerTimeout = providerTimeout;
		this.members = new MemberLoader(registry, fanOut, providerTimeout);
	}

	public SnapshotListing list(ListRequest request) {
		List<SnapshotProvider> providers = select(request);
		if (providers.isEmpty()) {
			return new SnapshotListing(List.of(), null, List.of());
		}
		Map<ProviderId, ProviderStream> streams = new LinkedHashMap<>();
		Map<ProviderId, Callable<Page<Snapshot>>> firstPages = new LinkedHashMap<>();
		for (SnapshotProvider provider : providers) {
			ProviderPosition position = (request.position() != null) ? request.position().of(provider.id())
					: ProviderPosition.START;
			if (position.exhausted() || !supportsScope(provider, request)) {
				streams.put(provider.id(), ProviderStream.exhausted(provider.id()));
				continue;
			}
			streams.put(provider.id(),
					new ProviderStream(provider.id(), (cursor) -> nextPage(provider, request, cursor), position));
			firstPages.put(provider.id(), () -> provider.list(request.query(), position.cursor(), request.pageSize()));
		}
		List<ProviderFailure> failures = new ArrayList<>();
		this.fanOut.run(firstPages, this.providerTimeout).forEach((id, outcome) -> {
			ProviderStream stream = Objects.requireNonNull(streams.get(id), "every first page has its stream");
			switch (outcome) {
				case Outcome.Success<Page<Snapshot>> success -> stream.fill(success.value());
				case Outcome.Failure<Page<Snapshot>> failure -> failures.add(stream.fail(failure.error()));
			}
		});
		if (!firstPages.isEmpty() && failures.size() == firstPages.size()) {
			throw allFailed(streams, failures);
		}
		List<Snapshot> merged = merge(streams.values(), request.pageSize(), failures);
		List<SnapshotView> items = request.includeMembers() ? this.members.withMembers(merged, failures)
				: merged.stream().map((snapshot) -> new SnapshotView(snapshot, null)).toList();
		Map<ProviderId, ProviderPosition> next = new LinkedHashMap<>();
		streams.forEach((id, stream) -> next.put(id, stream.position()));
		ListPosition nextPosition = new ListPosition(next);
		return new SnapshotListing(items, nextPosition.isExhausted() ? null : nextPosition, failures);
	}

	private Outcome<Page<Snapshot>> nextPage(SnapshotProvider provider, ListRequest request, Cursor cursor) {
		return this.fanOut.runOne(() -> provider.list(request.query(), cursor, request.pageSize()),
				this.providerTimeout);
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

	/**
	 * The newest heads first, until the page is full or a provider cannot say what comes
	 * next.
	 */
	private static List<Snapshot> merge(Collection<ProviderStream> streams, int pageSize,
			List<ProviderFailure> failures) {
		List<Snapshot> merged = new ArrayList<>(pageSize);
		while (merged.size() < pageSize) {
			ProviderStream newest = null;
			Snapshot newestHead = null;
			for (ProviderStream stream : streams) {
				if (!stream.ensureHead(failures::add)) {
					// a provider that cannot say what comes next holds the merge here, or
					// order would break
					return merged;
				}
				Snapshot head = stream.head();
				if (head != null && (newestHead == null || NEWEST_FIRST.compare(head, newestHead) < 0)) {
					newest = stream;
					newestHead = head;
				}
			}
			if (newest == null) {
				break;
			}
			merged.add(newest.take());
		}
		return merged;
	}

	private static SnapGateException allFailed(Map<ProviderId, ProviderStream> streams,
			List<ProviderFailure> failures) {
		if (failures.size() == 1) {
			ProviderStream failed = streams.get(failures.getFirst().provider());
			SnapGateException only = (failed != null) ? failed.error() : null;
			if (only != null) {
				return only;
			}
		}
		boolean allUnavailable = streams.values()
			.stream()
			.map(ProviderStream::error)
			.allMatch((error) -> error == null || error instanceof UpstreamUnavailableException);
		String detail = "Every selected provider failed: "
				+ String.join(", ", failures.stream().map((f) -> f.provider() + " (" + f.code() + ")").toList());
		return allUnavailable ? new UpstreamUnavailableException(ErrorCode.UPSTREAM_UNAVAILABLE, detail, null, null)
				: new UpstreamErrorException(ErrorCode.ALL_PROVIDERS_FAILED, detail);
	}

}
