package io.snapgate.guard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.MemberType;
import io.snapgate.domain.Restore;
import io.snapgate.domain.RestoreHandle;
import io.snapgate.domain.RestoreStatus;
import io.snapgate.domain.RestoreTarget;
import io.snapgate.domain.UpstreamUnavailableException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A provider's reads: shared while under way, kept until they expire, forgotten on a
 * write, and never kept when they failed. Counted, not timed: the clock is the test's.
 */
class ProviderReadsTests {

	private final AtomicLong nanos = new AtomicLong();

	private final ProviderReads reads = new ProviderReads(Duration.ofSeconds(2), Duration.ofHours(1), this.nanos::get);

	private final AtomicInteger loads = new AtomicInteger();

	@Test
	void identicalReadsUnderWayAtOnceShareOneLoad() throws Exception {
		CompletableFuture<Void> release = new CompletableFuture<>();
		AtomicInteger started = new AtomicInteger();
		List<Future<String>> answers = new ArrayList<>();
		try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < 50; i++) {
				answers.add(callers.submit(() -> {
					started.incrementAndGet();
					return this.reads.read("get\ns-1", () -> {
						release.join();
						return "answer " + this.loads.incrementAndGet();
					});
				}));
			}
			await().until(() -> started.get() == 50);
			release.complete(null);
			for (Future<String> answer : answers) {
				assertThat(answer.get()).isEqualTo("answer 1");
			}
		}
		assertThat(this.loads).hasValue(1);
	}

	@Test
	void anAnswerIsKeptUntilItExpires() {
		assertThat(read("s-1")).isEqualTo("answer 1");
		this.nanos.addAndGet(Duration.ofMillis(1999).toNanos());
		assertThat(read("s-1")).isEqualTo("answer 1");
		assertThat(read("s-2")).as("another read is asked for").isEqualTo("answer 2");
		this.nanos.addAndGet(Duration.ofMillis(2).toNanos());
		assertThat(read("s-1")).isEqualTo("answer 3");
	}

	@Test
	void anEndedRestoreIsKeptLongerThanOneUnderWay() {
		Restore running = restore(RestoreStatus.RUNNING);
		Restore ended = restore(RestoreStatus.SUCCEEDED);
		this.reads.read("status\nrunning", () -> running);
		this.reads.read("status\nended", () -> ended);

		this.nanos.addAndGet(Duration.ofMinutes(59).toNanos());

		assertThat(this.reads.read("status\nrunning", () -> ended)).as("expired: read again").isSameAs(ended);
		assertThat(this.reads.read("status\nended", () -> running)).as("still kept").isSameAs(ended);
	}

	@Test
	void aWriteForgetsEveryAnswer() {
		read("s-1");
		read("s-2");

		this.reads.forget();

		assertThat(read("s-1")).isEqualTo("answer 3");
		assertThat(read("s-2")).isEqualTo("answer 4");
	}

	@Test
	void aFailureIsNeverKept() {
		assertThatExceptionOfType(UpstreamUnavailableException.class)
			.isThrownBy(() -> this.reads.read("get\ns-1", () -> {
				this.loads.incrementAndGet();
				throw new UpstreamUnavailableException(ErrorCode.UPSTREAM_UNAVAILABLE, "down", null, null);
			}));

		assertThat(read("s-1")).isEqualTo("answer 2");
	}

	@Test
	void aReadUnderWayWhenAWriteLandsKeepsNothing() {
		String answer = this.reads.read("get\ns-1", () -> {
			this.reads.forget();
			return "before the write";
		});

		assertThat(answer).isEqualTo("before the write");
		assertThat(read("s-1")).isEqualTo("answer 1");
	}

	@Test
	void withoutATimeToLiveNothingIsKept() {
		ProviderReads sharedOnly = new ProviderReads(Duration.ZERO, Duration.ofHours(1), this.nanos::get);

		sharedOnly.read("get\ns-1", () -> "answer " + this.loads.incrementAndGet());
		String again = sharedOnly.read("get\ns-1", () -> "answer " + this.loads.incrementAndGet());

		assertThat(again).isEqualTo("answer 2");
	}

	private static Restore restore(RestoreStatus status) {
		return new Restore(new RestoreHandle("h-" + status), "12", new RestoreTarget.MemberTarget(MemberType.VM, "41"),
				status, null, null, null, null);
	}

	private String read(String nativeId) {
		return this.reads.read("get\n" + nativeId, () -> "answer " + this.loads.incrementAndGet());
	}

}
