package io.snapgate.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.Lane;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotRef;
import io.snapgate.domain.SnapshotStatus;
import io.snapgate.domain.UpstreamBudgetExhaustedException;
import io.snapgate.domain.UpstreamUnavailableException;
import io.snapgate.testing.FakeSnapshotProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Waiting for a snapshot: the polls back off, and every caller waiting on one snapshot
 * shares one poll loop, so the upstream is asked as often for many waiters as for one.
 */
class SnapshotWaiterTests {

	private static final Duration FIRST = Duration.ofMillis(10);

	private final FakeSnapshotProvider provider = FakeSnapshotProvider.system("sys");

	private final List<Duration> waits = new CopyOnWriteArrayList<>();

	private long readsBefore;

	@Test
	void thePollsBackOffUpToTheCap() {
		Snapshot creating = creating();
		SnapshotWaiter waiter = new SnapshotWaiter(Duration.ofMinutes(1), new PollBackoff(FIRST, Duration.ofMillis(80)),
				settlingAfter(6, Duration.ZERO));

		Snapshot settled = waiter.awaitSettled(this.provider, creating, Duration.ofMinutes(1));

		assertThat(settled.status()).isEqualTo(SnapshotStatus.AVAILABLE);
		assertThat(this.waits).extracting(Duration::toMillis).containsExactly(10L, 20L, 40L, 80L, 80L, 80L);
		assertThat(polls()).isEqualTo(6);
	}

	@Test
	void thePollsAreBackgroundWorkAndOneTheBudgetHoldsBackIsAskedAgainLater() {
		Snapshot creating = creating();
		List<Lane> lanes = new CopyOnWriteArrayList<>();
		this.provider.failTimes(2, () -> {
			lanes.add(Lane.current());
			return new UpstreamBudgetExhaustedException("spent but for callers", Duration.ofSeconds(30));
		});
		SnapshotWaiter waiter = new SnapshotWaiter(Duration.ofMinutes(1), new PollBackoff(FIRST, Duration.ofMillis(80)),
				settlingAfter(3, Duration.ZERO));

		Snapshot settled = waiter.awaitSettled(this.provider, creating, Duration.ofMinutes(1));

		assertThat(settled.status()).as("the waiter is not failed").isEqualTo(SnapshotStatus.AVAILABLE);
		assertThat(lanes).containsExactly(Lane.BACKGROUND, Lane.BACKGROUND);
		assertThat(this.waits).extracting(Duration::toMillis).as("backing off still").containsExactly(10L, 20L, 40L);
		assertThat(polls()).isEqualTo(3);
	}

	@Test
	void manyWaitersOnOneSnapshotShareOnePollLoop() throws Exception {
		Snapshot creating = creating();
		CompletableFuture<Void> allWaiting = new CompletableFuture<>();
		AtomicInteger sleeps = new AtomicInteger();
		SnapshotWaiter waiter = new SnapshotWaiter(Duration.ofMinutes(1), new PollBackoff(FIRST, FIRST), (duration) -> {
			allWaiting.join();
			if (sleeps.incrementAndGet() == 4) {
				this.provider.settle("n1", SnapshotStatus.AVAILABLE);
			}
		});
		List<CompletableFuture<Snapshot>> waiters = new ArrayList<>();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < 20; i++) {
				waiters.add(CompletableFuture
					.supplyAsync(() -> waiter.awaitSettled(this.provider, creating, Duration.ofMinutes(1)), threads));
			}
			await().atMost(Duration.ofSeconds(30))
				.until(() -> waiter.waitersOn(new SnapshotRef(this.provider.id(), "n1")) == 20);
			allWaiting.complete(null);

			for (CompletableFuture<Snapshot> each : waiters) {
				assertThat(each.get().status()).isEqualTo(SnapshotStatus.AVAILABLE);
			}
		}
		assertThat(polls()).as("one poll loop for twenty waiters").isEqualTo(4);
	}

	@Test
	void aFailedReadReachesEveryWaiterAndIsNotRepeated() throws Exception {
		Snapshot creating = creating();
		CompletableFuture<Void> allWaiting = new CompletableFuture<>();
		SnapshotWaiter waiter = new SnapshotWaiter(Duration.ofMinutes(1), new PollBackoff(FIRST, FIRST),
				(duration) -> allWaiting.join());
		this.provider
			.failWith(() -> new UpstreamUnavailableException(ErrorCode.UPSTREAM_UNAVAILABLE, "down", null, null));
		List<CompletableFuture<Snapshot>> waiters = new ArrayList<>();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < 5; i++) {
				waiters.add(CompletableFuture
					.supplyAsync(() -> waiter.awaitSettled(this.provider, creating, Duration.ofMinutes(1)), threads));
			}
			await().atMost(Duration.ofSeconds(30))
				.until(() -> waiter.waitersOn(new SnapshotRef(this.provider.id(), "n1")) == 5);
			allWaiting.complete(null);

			for (CompletableFuture<Snapshot> each : waiters) {
				assertThatExceptionOfType(Exception.class).isThrownBy(each::get)
					.havingRootCause()
					.isInstanceOf(UpstreamUnavailableException.class);
			}
		}
		assertThat(polls()).isEqualTo(1);
	}

	@Test
	void aWaiterWhoseTimeIsUpLeavesWithTheLatestStateAndALaterOneStartsAFreshLoop() {
		Snapshot creating = creating();
		SnapshotWaiter waiter = new SnapshotWaiter(Duration.ofMinutes(1), new PollBackoff(FIRST, FIRST),
				(duration) -> Thread.sleep(duration));

		Snapshot late = waiter.awaitSettled(this.provider, creating, Duration.ofMillis(1));
		this.provider.settle("n1", SnapshotStatus.AVAILABLE);
		Snapshot settled = waiter.awaitSettled(this.provider, creating, Duration.ofMinutes(1));

		assertThat(late.status()).isEqualTo(SnapshotStatus.CREATING);
		assertThat(settled.status()).isEqualTo(SnapshotStatus.AVAILABLE);
	}

	private Snapshot creating() {
		this.provider.withSnapshot("n1", "new", Instant.parse("2026-12-01T10:00:00Z"));
		this.provider.settle("n1", SnapshotStatus.CREATING);
		Snapshot creating = this.provider.get("n1").orElseThrow();
		this.readsBefore = this.provider.callsTo("get");
		return creating;
	}

	/** The reads of the snapshot since the test made it. */
	private long polls() {
		return this.provider.callsTo("get") - this.readsBefore;
	}

	/** Records each wait, and settles the snapshot at the given one. */
	private Sleeper settlingAfter(int polls, Duration pause) {
		AtomicInteger count = new AtomicInteger();
		return (duration) -> {
			this.waits.add(duration);
			Thread.sleep(pause);
			if (count.incrementAndGet() == polls) {
				this.provider.settle("n1", SnapshotStatus.AVAILABLE);
			}
		};
	}

}
