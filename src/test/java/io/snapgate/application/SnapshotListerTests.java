package io.snapgate.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.domain.Scope;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotQuery;
import io.snapgate.domain.UpstreamAuthException;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.domain.UpstreamUnavailableException;
import io.snapgate.testing.FakeSnapshotProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SnapshotListerTests {

	private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

	private final FanOut fanOut = new FanOut();

	@AfterEach
	void close() {
		this.fanOut.close();
	}

	@Test
	void pagingThroughThreeProvidersReturnsEverySnapshotExactlyOnceNewestFirst() {
		FakeSnapshotProvider a = FakeSnapshotProvider.system("alpha");
		FakeSnapshotProvider b = FakeSnapshotProvider.volume("bravo");
		FakeSnapshotProvider c = FakeSnapshotProvider.system("charlie");
		List<FakeSnapshotProvider> providers = List.of(a, b, c);
		for (int i = 0; i < 1000; i++) {
			// every third instant is shared by two providers, so ties are part of the
			// test
			providers.get(i % 3).withSnapshot("s" + i, "snap-" + i, BASE.plusSeconds((i / 2) * 60L));
		}
		SnapshotLister lister = lister(a, b, c);

		List<Snapshot> seen = new ArrayList<>();
		ListPosition position = null;
		int pages = 0;
		do {
			SnapshotListing page = lister.list(new ListRequest(Set.of(), SnapshotQuery.ALL, position, 37, false));
			assertThat(page.failures()).isEmpty();
			assertThat(page.items()).hasSizeLessThanOrEqualTo(37);
			page.items().forEach((view) -> seen.add(view.snapshot()));
			position = page.next();
			pages++;
		}
		while (position != null && pages < 100);

		assertThat(pages).isEqualTo(28);
		assertThat(seen).hasSize(1000);
		assertThat(seen.stream().map(Snapshot::ref).distinct()).hasSize(1000);
		assertThat(seen).isSortedAccordingTo(Comparator.comparing(Snapshot::createdAt).reversed());
	}

	@Test
	void aFailingProviderIsLeftOutAndReported() {
		FakeSnapshotProvider up = FakeSnapshotProvider.system("up").withSnapshot("1", "one", BASE);
		FakeSnapshotProvider down = FakeSnapshotProvider.volume("down").withSnapshot("2", "two", BASE);
		down.failWith(() -> new UpstreamUnavailableException(ErrorCode.UPSTREAM_UNAVAILABLE, "connection refused", null,
				null));

		SnapshotListing listing = lister(up, down).list(new ListRequest(Set.of(), SnapshotQuery.ALL, null, 50, false));

		assertThat(listing.isPartial()).isTrue();
		assertThat(listing.items()).extracting((v) -> v.snapshot().nativeId()).containsExactly("1");
		assertThat(listing.failures()).singleElement().satisfies((failure) -> {
			assertThat(failure.provider()).isEqualTo(new ProviderId("down"));
			assertThat(failure.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
		});
		assertThat(listing.next()).as("the failed provider is asked again on the next page").isNotNull();
	}

	@Test
	void aStalledProviderDoesNotHoldUpTheOthers() {
		FakeSnapshotProvider quick = FakeSnapshotProvider.system("quick").withSnapshot("1", "one", BASE);
		FakeSnapshotProvider stalled = FakeSnapshotProvider.system("stalled").withSnapshot("2", "two", BASE);
		stalled.slowDownBy(Duration.ofSeconds(5));
		SnapshotLister lister = new SnapshotLister(
				ProviderAccess.unrestricted(new ProviderRegistry(List.of(quick, stalled))), this.fanOut,
				Duration.ofMillis(200));

		SnapshotListing listing = lister.list(new ListRequest(Set.of(), SnapshotQuery.ALL, null, 50, false));

		assertThat(listing.items()).extracting((v) -> v.snapshot().nativeId()).containsExactly("1");
		assertThat(listing.failures()).singleElement()
			.extracting(ProviderFailure::code)
			.isEqualTo(ErrorCode.UPSTREAM_TIMEOUT);
	}

	@Test
	void whenTheOnlySelectedProviderFailsItsOwnErrorIsTheAnswer() {
		FakeSnapshotProvider only = FakeSnapshotProvider.volume("only");
		only.failWith(() -> new UpstreamAuthException(ErrorCode.UPSTREAM_AUTH_FAILED, "check the credentials"));

		assertThatExceptionOfType(UpstreamAuthException.class)
			.isThrownBy(() -> lister(only).list(new ListRequest(Set.of(), SnapshotQuery.ALL, null, 50, false)));
	}

	@Test
	void whenEveryProviderFailsTheListingFails() {
		FakeSnapshotProvider a = FakeSnapshotProvider.system("a");
		FakeSnapshotProvider b = FakeSnapshotProvider.volume("b");
		a.failWith(() -> new UpstreamAuthException(ErrorCode.UPSTREAM_AUTH_FAILED, "check the credentials"));
		b.failWith(() -> new UpstreamUnavailableException(ErrorCode.UPSTREAM_UNAVAILABLE, "down", null, null));

		assertThatExceptionOfType(UpstreamErrorException.class)
			.isThrownBy(() -> lister(a, b).list(new ListRequest(Set.of(), SnapshotQuery.ALL, null, 50, false)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.ALL_PROVIDERS_FAILED));
	}

	@Test
	void onlyTheNamedProvidersAreAsked() {
		FakeSnapshotProvider a = FakeSnapshotProvider.system("a").withSnapshot("1", "one", BASE);
		FakeSnapshotProvider b = FakeSnapshotProvider.volume("b").withSnapshot("2", "two", BASE);

		SnapshotListing listing = lister(a, b)
			.list(new ListRequest(Set.of(new ProviderId("b")), SnapshotQuery.ALL, null, 50, false));

		assertThat(listing.items()).extracting((v) -> v.snapshot().nativeId()).containsExactly("2");
		assertThat(a.calls()).isEmpty();
	}

	@Test
	void anUnknownProviderIsRefused() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> lister(FakeSnapshotProvider.system("a"))
				.list(new ListRequest(Set.of(new ProviderId("zulu")), SnapshotQuery.ALL, null, 50, false)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UNKNOWN_PROVIDER));
	}

	@Test
	void aScopeFilterSkipsProvidersWithoutThatScope() {
		FakeSnapshotProvider system = FakeSnapshotProvider.system("sys").withSnapshot("1", "one", BASE);
		FakeSnapshotProvider volume = FakeSnapshotProvider.volume("vol").withSnapshot("2", "two", BASE);
		SnapshotQuery volumesOnly = new SnapshotQuery(Set.of(), Scope.VOLUME, null, null, null, null, false, null);

		SnapshotListing listing = lister(system, volume).list(new ListRequest(Set.of(), volumesOnly, null, 50, false));

		assertThat(listing.items()).extracting((v) -> v.snapshot().nativeId()).containsExactly("2");
		assertThat(system.calls()).isEmpty();
		assertThat(listing.next()).isNull();
	}

	private SnapshotLister lister(FakeSnapshotProvider... providers) {
		return new SnapshotLister(ProviderAccess.unrestricted(new ProviderRegistry(List.of(providers))), this.fanOut,
				Duration.ofSeconds(5));
	}

}
