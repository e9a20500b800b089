package io.snapgate.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

import io.snapgate.application.FanOut.Outcome;
import io.snapgate.domain.Member;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.Scope;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotProvider;

/**
 * Reads the members of the system snapshots on one page of a listing, in parallel. A
 * snapshot whose members cannot be read is shown without them, and the failure is
 * reported beside the page.
 */
final class MemberLoader {

	private final FanOut fanOut;

	private final Duration timeout;

	MemberLoader(FanOut fanOut, Duration timeout) {
		this.fanOut = fanOut;
		this.timeout = timeout;
	}

	/**
	 * @param providers the providers the snapshots come from, by id
	 */
	List<SnapshotView> withMembers(List<Snapshot> snapshots, Map<ProviderId, SnapshotProvider> providers,
			List<ProviderFailure> failures) {
		Map<Integer, Callable<List<Member>>> tasks = new LinkedHashMap<>();
		for (int i = 0; i < snapshots.size(); i++) {
			Snapshot snapshot = snapshots.get(i);
			if (snapshot.scope() == Scope.SYSTEM) {
				SnapshotProvider provider = Objects.requireNonNull(providers.get(snapshot.provider()),
						"a listed snapshot's provider was asked");
				tasks.put(i, () -> provider.membersOf(snapshot));
			}
		}
		Map<Integer, Outcome<List<Member>>> outcomes = this.fanOut.run(tasks, this.timeout);
		List<SnapshotView> views = new ArrayList<>(snapshots.size());
		for (int i = 0; i < snapshots.size(); i++) {
			Snapshot snapshot = snapshots.get(i);
			List<Member> members = switch (outcomes.get(i)) {
				case null -> List.of();
				case Outcome.Success<List<Member>> success -> success.value();
				case Outcome.Failure<List<Member>> failure -> {
					failures.add(new ProviderFailure(snapshot.provider(), failure.error().code(),
							"Members of " + snapshot.ref() + ": " + failure.error().getMessage()));
					yield null;
				}
			};
			views.add(new SnapshotView(snapshot, members));
		}
		return views;
	}

}
