package io.snapgate.guard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.snapgate.domain.ProviderId;
import io.snapgate.domain.Restore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * The reads of one provider, shared by every replica through a {@link SharedReads} store.
 * Identical reads under way on this replica share one call first; then the store is
 * asked: an answer kept there is answered, else this replica either reads for everyone or
 * waits for the one that does, and reads itself if that one's claim lapses or it fails. A
 * write through any replica forgets what every replica kept for the provider. While the
 * store does not answer, this replica's own {@link ProviderReads} answers, never failing
 * a read for the store's sake.
 */
final class SharedProviderReads implements Reads {

	private static final Logger log = LoggerFactory.getLogger(SharedProviderReads.class);

	private static final Duration FIRST_PAUSE = Duration.ofMillis(10);

	private static final Duration LONGEST_PAUSE = Duration.ofMillis(200);

	private final ProviderId provider;

	private final SharedReads store;

	private final AnswerCodec codec;

	private final ProviderReads local;

	private final Duration ttl;

	private final Duration finishedRestoreTtl;

	private final InFlight inFlight = new InFlight();

	private final String replica = UUID.randomUUID().toString();

	/**
	 * Whether the last read went through the store, so that falling back starts afresh.
	 */
	private volatile boolean sharedLast = true;

	/**
	 * @param local this replica's own reads, answering while the store does not
	 * @param ttl how long an answer is kept
	 * @param finishedRestoreTtl how long the status of a restore that has ended is kept
	 */
	SharedProviderReads(ProviderId provider, SharedReads store, AnswerCodec codec, ProviderReads local, Duration ttl,
			Duration finishedRestoreTtl) {
		this.provider = provider;
		this.store = store;
		this.codec = codec;
		this.local = local;
		this.ttl = ttl;
		this.finishedRestoreTtl = finishedRestoreTtl;
	}

	@Override
	public <T> T read(String key, Answer<T> kind, Supplier<T> load) {
		if (this.ttl.isZero() || !this.store.coordination().shouldTry()) {
			return locally(key, kind, load);
		}
		return this.inFlight.share(key, () -> shared(key, kind, load));
	}

	@Override
	public void forget() {
		this.local.forget();
		if (this.store.coordination().shouldTry()) {
			try {
				this.store.forget(this.provider);
				this.store.coordination().succeeded();
			}
			catch (RuntimeException ex) {
				this.store.coordination().failed(ex);
			}
		}
	}

	private <T> T locally(String key, Answer<T> kind, Supplier<T> load) {
		if (this.sharedLast) {
			// what this replica kept while the store last did not answer may be stale
			this.sharedLast = false;
			this.local.forget();
		}
		return this.local.read(key, kind, load);
	}

	private <T> T shared(String key, Answer<T> kind, Supplier<T> load) {
		String hashed = sha256(key);
		long waitUntil = System.nanoTime() + this.store.lease().toNanos();
		Duration pause = FIRST_PAUSE;
		while (true) {
			SharedReads.Lookup lookup;
			try {
				lookup = this.store.lookup(this.provider, hashed, this.replica);
				this.store.coordination().succeeded();
				this.sharedLast = true;
			}
			catch (RuntimeException ex) {
				this.store.coordination().failed(ex);
				return locally(key, kind, load);
			}
			byte[] kept = lookup.answer();
			if (kept != null) {
				Optional<T> answer = decoded(kind, kept);
				if (answer.isPresent()) {
					return answer.get();
				}
				return load.get();
			}
			if (lookup.claimed()) {
				return readForEveryone(lookup, kind, load);
			}
			if (System.nanoTime() - waitUntil > 0 || !paused(pause)) {
				// the one reading for everyone takes too long: read, and keep nothing
				return load.get();
			}
			pause = (pause.compareTo(LONGEST_PAUSE.dividedBy(2)) > 0) ? LONGEST_PAUSE : pause.multipliedBy(2);
		}
	}

	private <T> T readForEveryone(SharedReads.Lookup claimed, Answer<T> kind, Supplier<T> load) {
		T answer;
		try {
			answer = load.get();
		}
		catch (RuntimeException ex) {
			// a failure is never kept: the others go on at once
			quietly(() -> this.store.release(claimed, this.replica));
			throw ex;
		}
		Optional<byte[]> written = this.codec.encode(kind, answer);
		if (written.isPresent()) {
			quietly(() -> this.store.keep(claimed, written.get(), keptFor(answer), this.replica));
		}
		else {
			quietly(() -> this.store.release(claimed, this.replica));
		}
		return answer;
	}

	private void quietly(Runnable storeCall) {
		try {
			storeCall.run();
		}
		catch (RuntimeException ex) {
			this.store.coordination().failed(ex);
		}
	}

	private Duration keptFor(Object answer) {
		if (answer instanceof Restore restore && restore.status().isFinished()
				&& this.finishedRestoreTtl.compareTo(this.ttl) > 0) {
			return this.finishedRestoreTtl;
		}
		return this.ttl;
	}

	private <T> Optional<T> decoded(Answer<T> kind, byte[] kept) {
		try {
			return Optional.of(this.codec.decode(kind, kept));
		}
		catch (JacksonException ex) {
			log.warn("A {} of provider {} kept by another replica cannot be read back; reading it afresh", kind,
					this.provider, ex);
			return Optional.empty();
		}
	}

	private static boolean paused(Duration pause) {
		try {
			Thread.sleep(pause);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static String sha256(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
