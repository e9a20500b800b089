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
import io.snapgate.domain.Page;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.domain.UpstreamUnavailableException;
import org.jspecify.annotations.Nullable;

/**
 * One page of a listing merged from several providers' own listings: the first pages are
 * asked for in parallel, entries are taken in the given order, and where each provider
 * stands is noted so that the next page resumes exactly there. A provider that fails is
 * left out and reported; only when all fail does the page fail.
 */
final class ProviderMerge {

	private final FanOut fanOut;

	private final Duration providerTimeout;

	ProviderMerge(FanOut fanOut, Duration providerTimeout) {
		this.fanOut = fanOut;
		this.providerTimeout = providerTimeout;
	}

	/**
	 * @param sources the providers to merge, each with how to read its listing
	 * @param position where the previous page stopped; {@code null} for the first page
	 * @param order which of the providers' next entries comes first
	 */
	<T> Merged<T> page(List<Source<T>> sources, @Nullable ListPosition position, int pageSize,
			Comparator<? super T> order) {
		if (sources.isEmpty()) {
			return new Merged<>(List.of(), null, List.of());
		}
		Map<ProviderId, ProviderStream<T>> streams = new LinkedHashMap<>();
		Map<ProviderId, Callable<Page<T>>> firstPages = new LinkedHashMap<>();
		for (Source<T> source : sources) {
			ProviderPosition start = (position != null) ? position.of(source.provider()) : ProviderPosition.START;
			if (start.exhausted() || source.skipped()) {
				streams.put(source.provider(), ProviderStream.exhausted(source.provider()));
				continue;
			}
			streams.put(source.provider(), new ProviderStream<>(source.provider(),
					(cursor) -> this.fanOut.runOne(() -> source.listing().list(cursor, pageSize), this.providerTimeout),
					start));
			firstPages.put(source.provider(), () -> source.listing().list(start.cursor(), pageSize));
		}
		List<ProviderFailure> failures = new ArrayList<>();
		this.fanOut.run(firstPages, this.providerTimeout).forEach((id, outcome) -> {
			ProviderStream<T> stream = Objects.requireNonNull(streams.get(id), "every first page has its stream");
			switch (outcome) {
				case Outcome.Success<Page<T>> success -> stream.fill(success.value());
				case Outcome.Failure<Page<T>> failure -> failures.add(stream.fail(failure.error()));
			}
		});
		if (!firstPages.isEmpty() && failures.size() == firstPages.size()) {
			throw allFailed(streams, failures);
		}
		List<T> merged = merge(streams.values(), pageSize, order, failures);
		Map<ProviderId, ProviderPosition> next = new LinkedHashMap<>();
		streams.forEach((id, stream) -> next.put(id, stream.position()));
		ListPosition nextPosition = new ListPosition(next);
		return new Merged<>(merged, nextPosition.isExhausted() ? null : nextPosition, failures);
	}

	/**
	 * The first heads in order, until the page is full or a provider cannot say what
	 * comes next.
	 */
	private static <T> List<T> merge(Collection<ProviderStream<T>> streams, int pageSize, Comparator<? super T> order,
			List<ProviderFailure> failures) {
		List<T> merged = new ArrayList<>(pageSize);
		while (merged.size() < pageSize) {
			ProviderStream<T> first = null;
			T firstHead = null;
			for (ProviderStream<T> stream : streams) {
				if (!stream.ensureHead(failures::add)) {
					// a provider that cannot say what comes next holds the merge here, or
					// order would break
					return merged;
				}
				T head = stream.head();
				if (head != null && (firstHead == null || order.compare(head, firstHead) < 0)) {
					first = stream;
					firstHead = head;
				}
			}
			if (first == null) {
				break;
			}
			merged.add(first.take());
		}
		return merged;
	}

	private static <T> SnapGateException allFailed(Map<ProviderId, ProviderStream<T>> streams,
			List<ProviderFailure> failures) {
		if (failures.size() == 1) {
			ProviderStream<T> failed = streams.get(failures.getFirst().provider());
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

	/**
	 * One provider's part in a merged listing.
	 *
	 * @param provider the provider
	 * @param skipped whether the query leaves it out without asking it
	 * @param listing how to read one page of its listing
	 */
	record Source<T>(ProviderId provider, boolean skipped, Listing<T> listing) {
	}

	/** Reads one page of one provider's listing. */
	@FunctionalInterface
	interface Listing<T> {

		Page<T> list(@Nullable Cursor cursor, int limit);

	}

	/**
	 * A merged page.
	 *
	 * @param items the entries in order
	 * @param next where the following page starts; {@code null} when this is the last
	 * @param failures the providers that could not answer
	 */
	record Merged<T>(List<T> items, @Nullable ListPosition next, List<ProviderFailure> failures) {

		Merged {
			items = List.copyOf(items);
			failures = List.copyOf(failures);
		}

	}

}
