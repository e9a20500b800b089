package io.snapgate.application;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

import io.snapgate.application.FanOut.Outcome;
import io.snapgate.domain.Cursor;
import io.snapgate.domain.Page;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.SnapGateException;
import org.jspecify.annotations.Nullable;

/**
 * One provider's side of a merged listing: the entries fetched but not yet taken, and
 * where the provider's own listing goes on. Nothing left to fetch and nothing buffered
 * means exhausted.
 *
 * @param <T> what the listing lists
 */
final class ProviderStream<T> {

	/**
	 * How often one provider may be asked for more within one page before the page is cut
	 * short.
	 */
	static final int MAX_REFILLS = 8;

	private final ProviderId provider;

	private final Pages<T> pages;

	private final Deque<Page.Entry<T>> buffer = new ArrayDeque<>();

	/** Where the next listing starts if this provider fails now. */
	private ProviderPosition resumeAt;

	private @Nullable Cursor next;

	private @Nullable SnapGateException error;

	private int refills;

	/**
	 * @param resumeAt where this page started in the provider's listing
	 */
	ProviderStream(ProviderId provider, Pages<T> pages, ProviderPosition resumeAt) {
		this.provider = provider;
		this.pages = pages;
		this.resumeAt = resumeAt;
	}

	/** A stream with nothing in it: the provider is done, or is not asked. */
	static <T> ProviderStream<T> exhausted(ProviderId provider) {
		return new ProviderStream<>(provider, (cursor) -> {
			throw new IllegalStateException("An exhausted stream is never asked for more");
		}, ProviderPosition.EXHAUSTED);
	}

	ProviderId provider() {
		return this.provider;
	}

	void fill(Page<T> page) {
		this.buffer.addAll(page.entries());
		this.next = page.next();
	}

	ProviderFailure fail(SnapGateException failure) {
		this.error = failure;
		this.next = null;
		this.buffer.clear();
		return new ProviderFailure(this.provider, failure.code(), failure.getMessage());
	}

	@Nullable SnapGateException error() {
		return this.error;
	}

	/**
	 * Makes sure the head is known: fetched, or known not to exist.
	 * @return false when it cannot be known within this page's refills, which holds the
	 * merge
	 * @param failure told of a failure to fetch more, which leaves this provider out of
	 * the rest of the page
	 */
	boolean ensureHead(Consumer<ProviderFailure> failure) {
		while (this.buffer.isEmpty() && this.next != null) {
			if (this.refills++ >= MAX_REFILLS) {
				return false;
			}
			Cursor cursor = this.next;
			switch (this.pages.fetch(cursor)) {
				case Outcome.Success<Page<T>> success -> fill(success.value());
				case Outcome.Failure<Page<T>> failed -> {
					// asked again from here on the next page
					failure.accept(fail(failed.error()));
					this.resumeAt = ProviderPosition.at(cursor);
				}
			}
		}
		return true;
	}

	@Nullable T head() {
		Page.Entry<T> first = this.buffer.peekFirst();
		return (first != null) ? first.item() : null;
	}

	T take() {
		return this.buffer.removeFirst().item();
	}

	/** Where the next page of the merged listing starts in this provider's listing. */
	ProviderPosition position() {
		if (this.error != null) {
			return this.resumeAt;
		}
		Page.Entry<T> first = this.buffer.peekFirst();
		if (first != null) {
			return ProviderPosition.at(first.position());
		}
		return (this.next != null) ? ProviderPosition.at(this.next) : ProviderPosition.EXHAUSTED;
	}

	/** Fetches one page of a provider's listing from a cursor. */
	@FunctionalInterface
	interface Pages<T> {

		Outcome<Page<T>> fetch(Cursor cursor);

	}

}
