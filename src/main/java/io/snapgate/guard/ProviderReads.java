package io.snapgate.guard;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.snapgate.domain.Restore;

/**
 * The reads of one provider on this replica. Identical reads under way at the same time
 * share one upstream call, and an answer is kept for a short while, so that however many
 * callers ask, the upstream is asked about once per while; a restore that has ended is
 * kept longer, since it ends once. A failure is never kept; a write through this replica
 * forgets every answer, so that it reads its own writes. What another replica writes
 * shows here once the answer expires.
 */
final class ProviderReads implements Reads {

	private static final int MAX_ANSWERS = 10_000;

	private final Cache<String, Object> answers;

	private final InFlight inFlight = new InFlight();

	/** Bumped by each write, so that a read begun before it keeps nothing. */
	private final AtomicLong writes = new AtomicLong();

	/**
	 * @param ttl how long an answer is kept; zero keeps none, and only shares reads under
	 * way at once
	 * @param finishedRestoreTtl how long the status of a restore that has ended is kept:
	 * it ends once, so it may be kept longer
	 */
	ProviderReads(Duration ttl, Duration finishedRestoreTtl, Ticker ticker) {
		this.answers = Caffeine.newBuilder()
			.expireAfter(Expiry.<String, Object>creating(
					(key, answer) -> isFinishedRestore(answer) ? max(ttl, finishedRestoreTtl) : ttl))
			.maximumSize(ttl.isZero() ? 0 : MAX_ANSWERS)
			.ticker(ticker)
			.build();
	}

	private static boolean isFinishedRestore(Object answer) {
		return answer instanceof Restore restore && restore.status().isFinished();
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	@Override
	public <T> T read(String key, Answer<T> kind, Supplier<T> load) {
		return read(key, load);
	}

	@SuppressWarnings("unchecked")
	<T> T read(String key, Supplier<T> load) {
		Object kept = this.answers.getIfPresent(key);
		if (kept != null) {
			return (T) kept;
		}
		return this.inFlight.share(key, () -> {
			long before = this.writes.get();
			T answer = load.get();
			if (before == this.writes.get()) {
				this.answers.put(key, answer);
			}
			return answer;
		});
	}

	@Override
	public void forget() {
		this.writes.incrementAndGet();
		this.answers.invalidateAll();
	}

}
