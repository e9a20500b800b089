package io.snapgate.application;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.snapgate.application.FanOut.Outcome;
import io.snapgate.domain.Cursor;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.FieldError;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.Member;
import io.snapgate.domain.Page;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.domain.Scope;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.domain.UpstreamUnavailableException;
import org.jspecify.annotations.Nullable;

/**
 * Lists snapshots across providers: asks every selected provider in parallel, merges their pages newest
 * first, and notes where each provider stands so that the next page resumes exactly there. A provider
 * that fails is left out and reported; only when all fail does the listing fail.
 */
public class SnapshotLister {

	/** How often one provider may be asked for more within one page before the page is cut short. */
	private static final int MAX_REFILLS = 8;

	private static final Comparator<Snapshot> NEWEST_FIRST = Comparator.comparing(Snapshot::createdAt).reversed();

	private final ProviderRegistry registry;

	private final FanOut fanOut;

	private final Duration providerTimeout;

	public SnapshotLister(ProviderRegistry registry, FanOut fanOut, Duration providerTimeout) {
		this.registry = registry;
		this.fanOut = fanOut;
		this.providerTimeout = providerTimeout;
	}

	public SnapshotListing list(ListRequest request) {
		List<SnapshotProvider> providers = select(request);
		if (providers.isEmpty()) {
			return new SnapshotListing(List.of(), null, List.of());
		}
		Map<ProviderId, Stream> streams = new LinkedHashMap<>();
		Map<ProviderId, Callable<Page<Snapshot>>> firstPages = new LinkedHashMap<>();
		for (SnapshotProvider provider : providers) {
			ProviderPosition position = (request.position() != null) ? request.position().of(provider.id())
					: ProviderPosition.START;
			Stream stream = new Stream(provider, position);
			streams.put(provider.id(), stream);
			if (!position.exhausted() && supportsScope(provider, request)) {
				firstPages.put(provider.id(), () -> provider.list(request.query(), position.cursor(), request.pageSize()));
			}
			else {
				stream.exhaust();
			}
		}
		List<ProviderFailure> failures = new ArrayList<>();
		this.fanOut.run(firstPages, this.providerTimeout).forEach((id, outcome) -> {
			Stream stream = streams.get(id);
			switch (outcome) {
				case Outcome.Success<Page<Snapshot>> success -> stream.fill(success.value());
				case Outcome.Failure<Page<Snapshot>> failure -> failures.add(stream.fail(failure.error()));
			}
		});
		if (!firstPages.isEmpty() && failures.size() == firstPages.size()) {
			throw allFailed(streams, failures);
		}
		List<Snapshot> merged = merge(streams.values(), request, failures);
		List<SnapshotView> items = withMembers(merged, request.includeMembers(), failures);
		Map<ProviderId, ProviderPosition> next = new LinkedHashMap<>();
		streams.forEach((id, stream) -> next.put(id, stream.position()));
		ListPosition nextPosition = new ListPosition(next);
		return new SnapshotListing(items, nextPosition.isExhausted() ? null : nextPosition, failures);
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

	private List<Snapshot> merge(Iterable<Stream> streams, ListRequest request, List<ProviderFailure> failures) {
		List<Snapshot> merged = new ArrayList<>(request.pageSize());
		while (merged.size() < request.pageSize()) {
			Stream newest = null;
			for (Stream stream : streams) {
				if (!stream.ensureBuffered(request, failures)) {
					// a provider that cannot say what comes next holds the merge here, or order would break
					return merged;
				}
				if (stream.hasHead() && (newest == null || NEWEST_FIRST.compare(stream.head(), newest.head()) < 0)) {
					newest = stream;
				}
			}
			if (newest == null) {
				break;
			}
			merged.add(newest.take());
		}
		return merged;
	}

	private List<SnapshotView> withMembers(List<Snapshot> snapshots, boolean includeMembers,
			List<ProviderFailure> failures) {
		if (!includeMembers) {
			return snapshots.stream().map((s) -> new SnapshotView(s, null)).toList();
		}
		Map<Integer, Callable<List<Member>>> tasks = new LinkedHashMap<>();
		for (int i = 0; i < snapshots.size(); i++) {
			Snapshot snapshot = snapshots.get(i);
			if (snapshot.scope() == Scope.SYSTEM) {
				SnapshotProvider provider = this.registry.require(snapshot.provider());
				tasks.put(i, () -> provider.membersOf(snapshot));
			}
		}
		Map<Integer, Outcome<List<Member>>> outcomes = this.fanOut.run(tasks, this.providerTimeout);
		List<SnapshotView> views = new ArrayList<>();
		for (int i = 0; i < snapshots.size(); i++) {
			Snapshot snapshot = snapshots.get(i);
			List<Member> members = List.of();
			switch (outcomes.get(i)) {
				case null -> {
				}
				case Outcome.Success<List<Member>> success -> members = success.value();
				case Outcome.Failure<List<Member>> failure -> {
					members = null;
					failures.add(new ProviderFailure(snapshot.provider(), failure.error().code(),
							"Members of " + snapshot.ref() + ": " + failure.error().getMessage()));
				}
			}
			views.add(new SnapshotView(snapshot, members));
		}
		return views;
	}

	private static SnapGateException allFailed(Map<ProviderId, Stream> streams, List<ProviderFailure> failures) {
		if (failures.size() == 1) {
			return streams.get(failures.getFirst().provider()).error();
		}
		boolean allUnavailable = streams.values()
			.stream()
			.map(Stream::error)
			.allMatch((error) -> error == null || error instanceof UpstreamUnavailableException);
		String detail = "Every selected provider failed: "
				+ String.join(", ", failures.stream().map((f) -> f.provider() + " (" + f.code() + ")").toList());
		return allUnavailable ? new UpstreamUnavailableException(ErrorCode.UPSTREAM_UNAVAILABLE, detail, null, null)
				: new UpstreamErrorException(ErrorCode.ALL_PROVIDERS_FAILED, detail);
	}

	/**
	 * One provider's side of the merge: the entries fetched but not yet taken, and its next cursor.
	 */
	private final class Stream {

		private final SnapshotProvider provider;

		private final Deque<Page.Entry<Snapshot>> buffer = new ArrayDeque<>();

		private ProviderPosition start;

		private @Nullable Cursor next;

		private boolean exhausted;

		private boolean fetched;

		private @Nullable SnapGateException error;

		private int refills;

		Stream(SnapshotProvider provider, ProviderPosition start) {
			this.provider = provider;
			this.start = start;
		}

		void exhaust() {
			this.exhausted = true;
			this.start = ProviderPosition.EXHAUSTED;
		}

		void fill(Page<Snapshot> page) {
			this.fetched = true;
			this.buffer.addAll(page.entries());
			this.next = page.next();
			if (this.buffer.isEmpty() && this.next == null) {
				this.exhausted = true;
			}
		}

		ProviderFailure fail(SnapGateException failure) {
			this.error = failure;
			this.exhausted = true;
			return new ProviderFailure(this.provider.id(), failure.code(), failure.getMessage());
		}

		@Nullable SnapGateException error() {
			return this.error;
		}

		/**
		 * Makes sure the stream's head is known: fetched, or known not to exist. Returns false when it
		 * cannot be known now.
		 */
		boolean ensureBuffered(ListRequest request, List<ProviderFailure> failures) {
			while (!this.exhausted && this.buffer.isEmpty()) {
				if (this.next == null) {
					this.exhausted = true;
					return true;
				}
				if (this.refills++ >= MAX_REFILLS) {
					return false;
				}
				Cursor cursor = this.next;
				Map<ProviderId, Outcome<Page<Snapshot>>> outcome = SnapshotLister.this.fanOut.run(
						Map.of(this.provider.id(), () -> this.provider.list(request.query(), cursor, request.pageSize())),
						SnapshotLister.this.providerTimeout);
				switch (outcome.get(this.provider.id())) {
					case Outcome.Success<Page<Snapshot>> success -> fill(success.value());
					case Outcome.Failure<Page<Snapshot>> failure -> {
						// left out of the rest of this page, and asked again from here on the next
						failures.add(fail(failure.error()));
						this.start = ProviderPosition.at(cursor);
						return true;
					}
					case null -> throw new IllegalStateException("No outcome for " + this.provider.id());
				}
			}
			return true;
		}

		boolean hasHead() {
			return !this.buffer.isEmpty();
		}

		Snapshot head() {
			return this.buffer.getFirst().item();
		}

		Snapshot take() {
			return this.buffer.removeFirst().item();
		}

		ProviderPosition position() {
			if (this.error != null) {
				return this.start;
			}
			if (!this.buffer.isEmpty()) {
				return ProviderPosition.at(this.buffer.getFirst().position());
			}
			if (this.next != null) {
				return ProviderPosition.at(this.next);
			}
			return (this.exhausted || this.fetched) ? ProviderPosition.EXHAUSTED : this.start;
		}

	}

}
