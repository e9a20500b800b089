package io.snapgate.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.snapgate.application.FanOut.Outcome;
import io.snapgate.domain.Cursor;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.Page;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotStatus;
import io.snapgate.domain.UpstreamUnavailableException;
import io.snapgate.testing.FakeSnapshotProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderStreamTests {

	private static final ProviderId ID = new ProviderId("alpha");

	private final FakeSnapshotProvider fake = FakeSnapshotProvider.system("alpha");

	@Test
	void itResumesAtTheFirstEntryNotTaken() {
		ProviderStream<Snapshot> stream = new ProviderStream<>(ID, (cursor) -> {
			throw new AssertionError("not asked");
		}, ProviderPosition.START);
		stream.fill(new Page<>(List.of(entry("1", 10), entry("2", 9)), new Cursor("2")));

		assertThat(stream.take().nativeId()).isEqualTo("1");

		assertThat(stream.position()).isEqualTo(ProviderPosition.at(new Cursor("p-2")));
	}

	@Test
	void itFetchesMoreOnlyWhenItsBufferIsEmpty() {
		AtomicInteger fetches = new AtomicInteger();
		ProviderStream<Snapshot> stream = new ProviderStream<>(ID, (cursor) -> {
			fetches.incrementAndGet();
			return new Outcome.Success<>(new Page<>(List.of(entry("3", 8)), null));
		}, ProviderPosition.START);
		stream.fill(new Page<>(List.of(entry("1", 10)), new Cursor("1")));

		assertThat(stream.ensureHead((failure) -> {
		})).isTrue();
		assertThat(fetches).hasValue(0);
		stream.take();
		assertThat(stream.ensureHead((failure) -> {
		})).isTrue();

		assertThat(fetches).hasValue(1);
		assertThat(stream.take().nativeId()).isEqualTo("3");
		assertThat(stream.head()).isNull();
		assertThat(stream.position()).isEqualTo(ProviderPosition.EXHAUSTED);
	}

	@Test
	void aFailureToFetchMoreIsReportedAndTheNextPageAsksAgainFromThere() {
		ProviderStream<Snapshot> stream = new ProviderStream<>(ID,
				(cursor) -> new Outcome.Failure<>(
						new UpstreamUnavailableException(ErrorCode.UPSTREAM_UNAVAILABLE, "down", null, null)),
				ProviderPosition.START);
		stream.fill(new Page<>(List.of(), new Cursor("7")));
		List<ProviderFailure> failures = new ArrayList<>();

		assertThat(stream.ensureHead(failures::add)).isTrue();

		assertThat(failures).extracting(ProviderFailure::code).containsExactly(ErrorCode.UPSTREAM_UNAVAILABLE);
		assertThat(stream.head()).isNull();
		assertThat(stream.position()).isEqualTo(ProviderPosition.at(new Cursor("7")));
	}

	@Test
	void aProviderThatKeepsAnsweringEmptyPagesHoldsTheMergeAfterItsRefills() {
		AtomicInteger fetches = new AtomicInteger();
		ProviderStream<Snapshot> stream = new ProviderStream<>(ID, (cursor) -> {
			fetches.incrementAndGet();
			return new Outcome.Success<>(new Page<>(List.of(), cursor));
		}, ProviderPosition.START);
		stream.fill(new Page<>(List.of(), new Cursor("5")));

		assertThat(stream.ensureHead((failure) -> {
		})).isFalse();

		assertThat(fetches).hasValue(ProviderStream.MAX_REFILLS);
		assertThat(stream.position()).isEqualTo(ProviderPosition.at(new Cursor("5")));
	}

	@Test
	void anExhaustedStreamIsNeverAskedAndStaysExhausted() {
		ProviderStream<Snapshot> stream = ProviderStream.exhausted(ID);

		assertThat(stream.ensureHead((failure) -> {
		})).isTrue();

		assertThat(stream.head()).isNull();
		assertThat(stream.position()).isEqualTo(ProviderPosition.EXHAUSTED);
	}

	private Page.Entry<Snapshot> entry(String nativeId, int hour) {
		Snapshot snapshot = this.fake.snapshot(nativeId, "s" + nativeId, null,
				Instant.parse("2026-11-22T00:00:00Z").plusSeconds(hour * 3600L), SnapshotStatus.AVAILABLE);
		return new Page.Entry<>(snapshot, new Cursor("p-" + nativeId));
	}

}
