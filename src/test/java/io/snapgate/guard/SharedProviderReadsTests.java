package io.snapgate.guard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Ticker;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.Member;
import io.snapgate.domain.MemberType;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.UpstreamUnavailableException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas' reads of one provider over one store held in memory: one read for both, a
 * write through either forgets for both, and a store that does not answer leaves each
 * replica its own reads.
 */
class SharedProviderReadsTests {

	private static final ProviderId PROVIDER = new ProviderId("bcc");

	private static final Duration TTL = Duration.ofMinutes(1);

	private final MemoryStore store = new MemoryStore(
			new Coordination(Duration.ofHours(1), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)));

	private final SharedProviderReads one = replica();

	private final SharedProviderReads other = replica();

	private final AtomicInteger loads = new AtomicInteger();

	@Test
	void anAnswerOneReplicaReadServesTheOther() {
		assertThat(this.one.read("members\n12", Answer.MEMBERS, this::load)).containsExactly(member(1));
		assertThat(this.other.read("members\n12", Answer.MEMBERS, this::load)).containsExactly(member(1));
		assertThat(this.loads).hasValue(1);
	}

	@Test
	void aReplicaWaitsForTheReadAnotherHasUnderWay() throws Exception {
		CountDownLatch reading = new CountDownLatch(1);
		CountDownLatch answer = new CountDownLatch(1);
		CompletableFuture<List<Member>> first = CompletableFuture
			.supplyAsync(() -> this.one.read("members\n12", Answer.MEMBERS, () -> {
				reading.countDown();
				await(answer);
				return load();
			}));
		await(reading);
		CompletableFuture<List<Member>> second = CompletableFuture
			.supplyAsync(() -> this.other.read("members\n12", Answer.MEMBERS, this::load));

		answer.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly(member(1));
		assertThat(second.get(10, TimeUnit.SECONDS)).containsExactly(member(1));
		assertThat(this.loads).hasValue(1);
	}

	@Test
	void aFailureIsNotKeptAndTheWaitingReplicaReadsItself() throws Exception {
		CountDownLatch reading = new CountDownLatch(1);
		CountDownLatch fail = new CountDownLatch(1);
		CompletableFuture<List<Member>> first = CompletableFuture
			.supplyAsync(() -> this.one.read("members\n12", Answer.MEMBERS, () -> {
				reading.countDown();
				await(fail);
				throw new UpstreamUnavailableException(ErrorCode.UPSTREAM_UNAVAILABLE, "down", null, null);
			}));
		await(reading);
		CompletableFuture<List<Member>> second = CompletableFuture
			.supplyAsync(() -> this.other.read("members\n12", Answer.MEMBERS, this::load));

		fail.countDown();

		assertThat(first).failsWithin(Duration.ofSeconds(10));
		assertThat(second.get(10, TimeUnit.SECONDS)).containsExactly(member(1));
		assertThat(this.store.locks).isEmpty();
	}

	@Test
	void aWriteThroughEitherReplicaForgetsForBoth() {
		this.one.read("members\n12", Answer.MEMBERS, this::load);

		this.other.forget();

		assertThat(this.one.read("members\n12", Answer.MEMBERS, this::load)).containsExactly(member(2));
		assertThat(this.other.read("members\n12", Answer.MEMBERS, this::load)).containsExactly(member(2));
	}

	@Test
	void aStoreThatDoesNotAnswerLeavesEachReplicaItsOwnReads() {
		this.store.down = true;

		assertThat(this.one.read("members\n12", Answer.MEMBERS, this::load)).containsExactly(member(1));
		assertThat(this.store.coordination().isUp()).isFalse();
		assertThat(this.one.read("members\n12", Answer.MEMBERS, this::load)).as("kept on this replica")
			.containsExactly(member(1));
		assertThat(this.other.read("members\n12", Answer.MEMBERS, this::load)).as("its own read")
			.containsExactly(member(2));
		this.one.forget();
		assertThat(this.one.read("members\n12", Answer.MEMBERS, this::load)).containsExactly(member(3));
	}

	@Test
	void aStoreThatStopsAnsweringOnceTheAnswerIsReadCostsNoSecondRead() {
		this.store.downOnKeep = true;

		assertThat(this.one.read("members\n12", Answer.MEMBERS, this::load)).containsExactly(member(1));
		assertThat(this.loads).hasValue(1);
		assertThat(this.store.coordination().isUp()).isFalse();
	}

	private SharedProviderReads replica() {
		return new SharedProviderReads(PROVIDER, this.store, new AnswerCodec(),
				new ProviderReads(TTL, TTL, Ticker.systemTicker()), TTL, TTL);
	}

	private List<Member> load() {
		return List.of(member(this.loads.incrementAndGet()));
	}

	private static Member member(int read) {
		return new Member(MemberType.VM, "41", "read " + read);
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A store in memory; expiry is not looked at, the answers are kept a minute. */
	private static final class MemoryStore implements SharedReads {

		private final Coordination coordination;

		private final Map<String, byte[]> answers = new ConcurrentHashMap<>();

		private final Map<String, String> locks = new ConcurrentHashMap<>();

		private final AtomicInteger generation = new AtomicInteger();

		volatile boolean down;

		volatile boolean downOnKeep;

		MemoryStore(Coordination coordination) {
			this.coordination = coordination;
		}

		@Override
		public synchronized Lookup lookup(ProviderId provider, String key, String replica) {
			answering();
			String slot = provider + ":" + this.generation.get() + ":" + key;
			byte @Nullable [] answer = this.answers.get(slot);
			if (answer != null) {
				return new Lookup(slot, answer, false);
			}
			return new Lookup(slot, null, this.locks.putIfAbsent(slot, replica) == null);
		}

		@Override
		public synchronized void keep(Lookup claimed, byte[] answer, Duration ttl, String replica) {
			answering();
			if (this.downOnKeep) {
				throw new IllegalStateException("the store stopped answering");
			}
			this.answers.put(claimed.slot(), answer);
			this.locks.remove(claimed.slot(), replica);
		}

		@Override
		public synchronized void release(Lookup claimed, String replica) {
			answering();
			this.locks.remove(claimed.slot(), replica);
		}

		@Override
		public void forget(ProviderId provider) {
			answering();
			this.generation.incrementAndGet();
		}

		@Override
		public Duration lease() {
			return Duration.ofSeconds(30);
		}

		@Override
		public Coordination coordination() {
			return this.coordination;
		}

		private void answering() {
			if (this.down) {
				throw new IllegalStateException("the store does not answer");
			}
		}

	}

}
