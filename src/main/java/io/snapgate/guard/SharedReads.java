package io.snapgate.guard;

import java.time.Duration;

import io.snapgate.domain.ProviderId;
import org.jspecify.annotations.Nullable;

/**
 * A store of read answers every replica shares, and of who is reading what right now.
 * Every method may throw when the store cannot be reached.
 */
public interface SharedReads {

	/**
	 * The answer kept for a read of the provider, or else this replica's claim to read it
	 * for everyone for {@link #lease()}, or else neither: another replica reads it.
	 * @param key the read's key, fit for the store
	 * @param replica who claims
	 */
	Lookup lookup(ProviderId provider, String key, String replica);

	/**
	 * Keeps the answer of a claimed read for {@code ttl}, and gives up the claim.
	 */
	void keep(Lookup claimed, byte[] answer, Duration ttl, String replica);

	/** Gives up the claim on a read without keeping anything: another may read it. */
	void release(Lookup claimed, String replica);

	/**
	 * After a write: no replica is answered anything of the provider's read before it.
	 */
	void forget(ProviderId provider);

	/** How long a replica's claim to read for everyone holds. */
	Duration lease();

	/** Whether the store answers right now. */
	Coordination coordination();

	/**
	 * What the store holds for a read: where its answer is kept, the answer kept if any,
	 * and whether the asking replica now reads it for everyone.
	 */
	final class Lookup {

		private final String slot;

		private final byte @Nullable [] answer;

		private final boolean claimed;

		public Lookup(String slot, byte @Nullable [] answer, boolean claimed) {
			this.slot = slot;
			this.answer = answer;
			this.claimed = claimed;
		}

		public String slot() {
			return this.slot;
		}

		public byte @Nullable [] answer() {
			return this.answer;
		}

		public boolean claimed() {
			return this.claimed;
		}

	}

}
