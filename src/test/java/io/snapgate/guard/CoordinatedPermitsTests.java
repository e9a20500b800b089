package io.snapgate.guard;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.snapgate.domain.BudgetSharing;
import io.snapgate.testing.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shared budget whose store stops answering: this replica falls back to its share,
 * never to no budget, tries the store again once a while, and shares again when it
 * answers.
 */
class CoordinatedPermitsTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));

	private final Coordination coordination = new Coordination(Duration.ofSeconds(5), this.clock);

	private final AtomicBoolean storeAnswers = new AtomicBoolean(true);

	private final AtomicInteger storeCalls = new AtomicInteger();

	private final CountingPermits store = new CountingPermits(100);

	private final LocalPermits share = new LocalPermits(RateLimiter.of("share",
			RateLimiterConfig.custom()
				.limitForPeriod(2)
				.limitRefreshPeriod(Duration.ofHours(1))
				.timeoutDuration(Duration.ZERO)
				.build()),
			System.nanoTime(), 0);

	private final CoordinatedPermits permits = new CoordinatedPermits(() -> {
		this.storeCalls.incrementAndGet();
		if (!this.storeAnswers.get()) {
			throw new IllegalStateException("Redis does not answer");
		}
		return this.store;
	}, this.share, this.coordination);

	@Test
	void whileTheStoreAnswersEveryPermitIsTheSharedOnes() {
		assertThat(this.permits.take()).isTrue();

		assertThat(this.store.taken.get()).isEqualTo(1);
		assertThat(this.permits.sharing()).isEqualTo(BudgetSharing.SHARED);
	}

	@Test
	void aStoreThatDoesNotAnswerLeavesTheReplicaItsShareAndIsTriedAgainOnceAWhile() {
		this.storeAnswers.set(false);

		assertThat(this.permits.take()).isTrue();
		assertThat(this.permits.take()).isTrue();
		assertThat(this.permits.take()).as("the share is spent: never no budget").isFalse();
		assertThat(this.permits.sharing()).isEqualTo(BudgetSharing.FALLBACK);
		assertThat(this.coordination.isUp()).isFalse();
		assertThat(this.storeCalls.get()).as("asked once, then left alone").isEqualTo(1);

		this.storeAnswers.set(true);
		this.clock.advance(Duration.ofSeconds(5));

		assertThat(this.permits.take()).as("the probe gets through: shared again").isTrue();
		assertThat(this.permits.sharing()).isEqualTo(BudgetSharing.SHARED);
		assertThat(this.store.taken.get()).isEqualTo(1);
	}

	/** Permits that count what is taken from them. */
	private static final class CountingPermits implements BudgetPermits {

		private final AtomicInteger taken = new AtomicInteger();

		private final int limit;

		CountingPermits(int limit) {
			this.limit = limit;
		}

		@Override
		public boolean take() {
			return this.taken.incrementAndGet() <= this.limit;
		}

		@Override
		public boolean takeBackground() {
			return take();
		}

		@Override
		public void count() {
			this.taken.incrementAndGet();
		}

		@Override
		public Duration untilRefill() {
			return Duration.ofHours(1);
		}

		@Override
		public long available() {
			return (long) this.limit - this.taken.get();
		}

		@Override
		public BudgetSharing sharing() {
			return BudgetSharing.SHARED;
		}

		@Override
		public String describe() {
			return "shared";
		}

	}

}
