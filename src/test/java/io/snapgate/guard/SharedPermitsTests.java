package io.snapgate.guard;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.snapgate.domain.BudgetSharing;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The budget every replica shares, on a Bucket4j bucket like the one kept in Redis: four
 * requests an hour, one of them kept for callers.
 */
class SharedPermitsTests {

	private final AtomicLong nanos = new AtomicLong();

	private final Bucket bucket = Bucket.builder()
		.addLimit((limit) -> limit.capacity(4).refillIntervally(4, Duration.ofHours(1)))
		.withCustomTimePrecision(new TimeMeter() {

			@Override
			public long currentTimeNanos() {
				return SharedPermitsTests.this.nanos.get();
			}

			@Override
			public boolean isWallClockBased() {
				return false;
			}

		})
		.build();

	private final SharedPermits permits = new SharedPermits(this.bucket, 1, "4 requests every PT1H, shared");

	@Test
	void backgroundWorkLeavesTheReserveAndGivesBackWhatItMayNotKeep() {
		assertThat(this.permits.takeBackground()).isTrue();
		assertThat(this.permits.takeBackground()).isTrue();
		assertThat(this.permits.takeBackground()).isTrue();

		assertThat(this.permits.takeBackground()).as("the last one is the callers'").isFalse();
		assertThat(this.permits.available()).isEqualTo(1);
		assertThat(this.permits.take()).isTrue();
		assertThat(this.permits.take()).isFalse();
	}

	@Test
	void theRequestsOfAnAdmittedCallAreCountedEvenPastTheBudgetAndTheNextPeriodRefillsIt() {
		for (int i = 0; i < 4; i++) {
			assertThat(this.permits.take()).isTrue();
		}
		this.permits.count();

		assertThat(this.permits.take()).isFalse();
		assertThat(this.permits.untilRefill()).isEqualTo(Duration.ofHours(1));

		this.nanos.addAndGet(Duration.ofHours(1).toNanos());

		assertThat(this.permits.available()).as("the overdraft is paid from the next period").isEqualTo(3);
		assertThat(this.permits.sharing()).isEqualTo(BudgetSharing.SHARED);
	}

}
