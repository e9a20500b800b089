package io.snapgate.guard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.snapgate.domain.CircuitState;
import io.snapgate.domain.ConflictException;
import io.snapgate.domain.CreateSnapshot;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.Lane;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.ProviderCircuits;
import io.snapgate.domain.ProviderHealth;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotChanges;
import io.snapgate.domain.SnapshotQuery;
import io.snapgate.domain.UpstreamBudgetExhaustedException;
import io.snapgate.domain.UpstreamThrottledException;
import io.snapgate.domain.UpstreamTimeoutException;
import io.snapgate.domain.UpstreamUnavailableException;
import io.snapgate.testing.FakeSnapshotProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class ResilientSnapshotProviderTests {

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ObservationRegistry observations = ObservationRegistry.create();

	private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
		.slidingWindowSize(4)
		.minimumNumberOfCalls(4)
		.failureRateThreshold(50)
		.waitDurationInOpenState(Duration.ofMillis(300))
		.permittedNumberOfCallsInHalfOpenState(1)
		.build());

	private final ProviderCircuits circuits = new ResilienceProviderCircuits(this.breakers);

	private final FakeSnapshotProvider fake = FakeSnapshotProvider.volume("bcc")
		.withSnapshot("s-1", "one", Instant.parse("2026-11-22T00:00:00Z"));

	ResilientSnapshotProviderTests() {
		this.observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(this.meters));
	}

	@AfterEach
	void close() {
		this.executor.shutdownNow();
	}

	@Test
	void aReadIsRetriedThroughABurstOfFailures() {
		this.fake.failTimes(2, FailureKinds::unavailable);

		assertThat(resilient().get("s-1")).isPresent();

		assertThat(this.fake.callsTo("get")).isEqualTo(3);
	}

	@Test
	void aCallerWhoseSharedReadWasBackgroundWorkHeldBackAsksInItsOwnLane() throws Exception {
		SnapshotProvider provider = resilient();
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		this.fake.failTimes(1, () -> {
			entered.countDown();
			awaitQuietly(release);
			return new UpstreamBudgetExhaustedException("spent but for callers", Duration.ofMinutes(1));
		});
		CompletableFuture<Optional<Snapshot>> background = new CompletableFuture<>();
		Thread.ofVirtual().start(() -> Lane.inBackground(() -> {
			try {
				background.complete(provider.get("s-1"));
			}
			catch (RuntimeException ex) {
				background.completeExceptionally(ex);
			}
		}));
		entered.await();
		CompletableFuture<Optional<Snapshot>> caller = new CompletableFuture<>();
		Thread joining = Thread.ofPlatform().start(() -> {
			try {
				caller.complete(provider.get("s-1"));
			}
			catch (RuntimeException ex) {
				caller.completeExceptionally(ex);
			}
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> joining.getState() == Thread.State.WAITING);
		release.countDown();

		assertThat(caller).succeedsWithin(Duration.ofSeconds(10))
			.satisfies((read) -> assertThat(read).as("the caller's own read").isPresent());
		assertThat(background).failsWithin(Duration.ofSeconds(10))
			.withThrowableThat()
			.havingRootCause()
			.isInstanceOf(UpstreamBudgetExhaustedException.class);
		assertThat(this.fake.callsTo("get")).isEqualTo(2);
	}

	@Test
	void aReadGivesUpAfterItsAttempts() {
		this.fake.failWith(FailureKinds::unavailable);

		assertThatExceptionOfType(UpstreamUnavailableException.class).isThrownBy(() -> resilient().get("s-1"));

		assertThat(this.fake.callsTo("get")).isEqualTo(3);
	}

	@Test
	void aRefusalOfTheRequestIsNeverRetried() {
		this.fake.failWith(() -> new NotFoundException(ErrorCode.SNAPSHOT_NOT_FOUND, "gone"));

		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> resilient().get("s-1"));

		assertThat(this.fake.callsTo("get")).isEqualTo(1);
	}

	@Test
	void aCreateThatMayHaveReachedTheUpstreamIsNotRetried() {
		this.fake.failTimes(1, FailureKinds::unavailable);

		assertThatExceptionOfType(UpstreamUnavailableException.class)
			.isThrownBy(() -> resilient().create(command("key-1")));

		assertThat(this.fake.callsTo("create")).isEqualTo(1);
		assertThat(this.fake.size()).isEqualTo(1);
	}

	@Test
	void aCreateThatTimedOutIsNotRetried() {
		this.fake.failTimes(1, () -> new UpstreamTimeoutException(ErrorCode.UPSTREAM_TIMEOUT, "slow"));

		assertThatExceptionOfType(UpstreamTimeoutException.class).isThrownBy(() -> resilient().create(command("k")));

		assertThat(this.fake.callsTo("create")).isEqualTo(1);
	}

	@Test
	void aCreateThatNeverLeftIsRetried() {
		this.fake.failTimes(1, () -> UpstreamUnavailableException.notSent(ErrorCode.UPSTREAM_UNAVAILABLE,
				"connection refused", null, null));

		resilient().create(command("key-2"));

		assertThat(this.fake.callsTo("create")).isEqualTo(2);
		assertThat(this.fake.size()).isEqualTo(2);
	}

	@Test
	void aCreateIsRetriedWhereTheUpstreamDeduplicatesIt() {
		this.fake.deduplicateCreates();
		this.fake.failTimes(1, () -> new UpstreamTimeoutException(ErrorCode.UPSTREAM_TIMEOUT, "slow"));

		resilient().create(command("key-3"));

		assertThat(this.fake.callsTo("create")).isEqualTo(2);
	}

	@Test
	void anUpdateSetsValuesSoItIsRetriedThroughATransientFailure() {
		this.fake.failTimes(2, FailureKinds::unavailable);

		Snapshot changed = resilient().update("s-1", new SnapshotChanges("renamed", null, null, false));

		assertThat(changed.name()).isEqualTo("renamed");
		assertThat(this.fake.callsTo("update")).isEqualTo(3);
	}

	@Test
	void anUpdateTheUpstreamRefusesIsNotRetried() {
		this.fake.failWith(() -> new ConflictException(ErrorCode.SNAPSHOT_LOCKED, "locked"));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> resilient().update("s-1", new SnapshotChanges("renamed", null, null, false)));

		assertThat(this.fake.callsTo("update")).isEqualTo(1);
	}

	@Test
	void anUpdateIsReadAfterwardsNotAnswerKeptFromBefore() {
		SnapshotProvider provider = resilient();
		assertThat(provider.get("s-1")).hasValueSatisfying((s) -> assertThat(s.name()).isEqualTo("one"));

		provider.update("s-1", new SnapshotChanges("renamed", null, null, false));

		assertThat(provider.get("s-1")).hasValueSatisfying((s) -> assertThat(s.name()).isEqualTo("renamed"));
	}

	@Test
	void aRestoreIsNotRetriedAfterAFailure() {
		this.fake.failWith(FailureKinds::unavailable);

		assertThatExceptionOfType(UpstreamUnavailableException.class)
			.isThrownBy(() -> resilient().restore(new io.snapgate.domain.RestoreCommand("s-1",
					new io.snapgate.domain.RestoreTarget.VolumeTarget(), null, false, null)));

		assertThat(this.fake.callsTo("restore")).isEqualTo(1);
	}

	@Test
	void aHealthCheckIsKeptLikeARead() {
		SnapshotProvider provider = resilient();

		assertThat(provider.health()).isEqualTo(provider.health());

		assertThat(this.fake.callsTo("health")).as("asked once, kept for the second").isEqualTo(1);
	}

	@Test
	void theBreakerOpensFailsFastAndClosesAgainOnceTheUpstreamRecovers() {
		SnapshotProvider provider = resilient();
		this.fake.failWith(FailureKinds::unavailable);
		for (int i = 0; i < 4; i++) {
			assertThatExceptionOfType(UpstreamUnavailableException.class).isThrownBy(() -> provider.get("s-1"));
		}
		assertThat(this.circuits.stateOf(provider.id())).isEqualTo(CircuitState.OPEN);
		assertThat(provider.health()).isEqualTo(ProviderHealth.DEGRADED);
		int callsBefore = this.fake.calls().size();
		long refusedBefore = this.breakers.circuitBreaker("bcc").getMetrics().getNumberOfNotPermittedCalls();

		assertThatExceptionOfType(UpstreamUnavailableException.class).isThrownBy(() -> provider.get("s-1"))
			.satisfies((ex) -> {
				assertThat(ex.requestSent()).isFalse();
				assertThat(ex.retryAfter()).isEqualTo(Duration.ofMillis(300));
			});
		assertThat(this.breakers.circuitBreaker("bcc").getMetrics().getNumberOfNotPermittedCalls())
			.as("one attempt, refused by the breaker and not retried, so never waited for")
			.isEqualTo(refusedBefore + 1);
		assertThat(this.fake.calls()).hasSize(callsBefore);

		this.fake.failWith(null);
		await().atMost(Duration.ofSeconds(5))
			.ignoreExceptionsInstanceOf(UpstreamUnavailableException.class)
			.untilAsserted(() -> {
				assertThat(provider.get("s-1")).isPresent();
				assertThat(this.circuits.stateOf(provider.id())).isEqualTo(CircuitState.CLOSED);
			});
	}

	@Test
	void everyAttemptThatOverrunsItsTimeLimitIsCutShort() {
		this.fake.slowDownBy(Duration.ofSeconds(10));
		SnapshotProvider provider = resilient();

		long started = System.nanoTime();
		assertThatExceptionOfType(UpstreamTimeoutException.class)
			.isThrownBy(() -> provider.list(SnapshotQuery.ALL, null, 10));

		// three attempts of one second each, not one of ten
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(this.fake.callsTo("list")).isEqualTo(3);
	}

	@Test
	void everyAttemptRunsOnTheCallersThread() {
		this.fake.failTimes(1, FailureKinds::unavailable);
		SnapshotProvider provider = resilient();

		assertThat(provider.get("s-1")).isPresent();
		provider.delete("s-1");

		assertThat(this.fake.callsTo("get")).isEqualTo(2);
		assertThat(this.fake.callsTo("delete")).isEqualTo(1);
		assertThat(this.fake.callers()).hasSize(this.fake.calls().size()).containsOnly(Thread.currentThread());
	}

	@Test
	void aFullBulkheadRefusesInsteadOfQueueing() throws Exception {
		this.fake.slowDownBy(Duration.ofMillis(500));
		SnapshotProvider provider = resilient();
		List<Future<Object>> calls = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			// four different snapshots: identical reads under way at once would share one
			// call
			String nativeId = "s-" + i;
			calls.add(this.executor.submit(() -> {
				try {
					return provider.get(nativeId);
				}
				catch (SnapGateException ex) {
					return ex.code();
				}
			}));
		}
		List<Object> outcomes = new ArrayList<>();
		for (Future<Object> call : calls) {
			outcomes.add(call.get());
		}

		assertThat(outcomes).filteredOn(ErrorCode.PROVIDER_BUSY::equals).hasSize(2);
		assertThat(this.fake.callsTo("get")).isEqualTo(2);
	}

	@Test
	void retryAfterIsWaitedOutUpToItsBound() {
		this.fake.failTimes(1, () -> new UpstreamThrottledException(ErrorCode.UPSTREAM_THROTTLED, "slow down",
				Duration.ofMillis(400), null));

		long started = System.nanoTime();
		assertThat(resilient().get("s-1")).isPresent();

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
		assertThat(this.fake.callsTo("get")).isEqualTo(2);
	}

	@Test
	void aRetryAfterBeyondTheBoundIsPassedOnAtOnce() {
		this.fake.failTimes(1, () -> new UpstreamThrottledException(ErrorCode.UPSTREAM_THROTTLED, "slow down",
				Duration.ofMinutes(5), null));

		assertThatExceptionOfType(UpstreamThrottledException.class).isThrownBy(() -> resilient().get("s-1"));

		assertThat(this.fake.callsTo("get")).isEqualTo(1);
	}

	@Test
	void everyAttemptIsTimedWithBoundedTags() {
		this.fake.failTimes(1, FailureKinds::unavailable);
		SnapshotProvider provider = resilient();

		provider.get("s-1");
		this.fake.failWith(() -> new NotFoundException(ErrorCode.SNAPSHOT_NOT_FOUND, "gone"));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> provider.get("s-2"));

		assertThat(timer("get", "server_error").count()).isEqualTo(1);
		assertThat(timer("get", "success").count()).isEqualTo(1);
		assertThat(timer("get", "client_error").count()).isEqualTo(1);
		assertThat(timer("get", "success").getId().getTags()).extracting(io.micrometer.core.instrument.Tag::getKey)
			.contains("provider", "provider.type", "operation", "outcome");
	}

	private Timer timer(String operation, String outcome) {
		return this.meters.get("snapgate.upstream.requests")
			.tag("provider", "bcc")
			.tag("operation", operation)
			.tag("outcome", outcome)
			.timer();
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private SnapshotProvider resilient() {
		BulkheadRegistry bulkheads = BulkheadRegistry
			.of(BulkheadConfig.custom().maxConcurrentCalls(2).maxWaitDuration(Duration.ZERO).build());
		TimeLimiterRegistry limiters = TimeLimiterRegistry
			.of(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(1)).build());
		RetryRegistry retries = RetryRegistry
			.of(RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofMillis(10)).build());
		return new ResilienceDecorator(this.breakers, bulkheads, limiters, retries, RateLimiterRegistry.ofDefaults(),
				this.observations, Duration.ofSeconds(2), 1, this.meters, null)
			.decorate(this.fake, ResilienceSettings.DEFAULTS);
	}

	private static CreateSnapshot command(String key) {
		return new CreateSnapshot("nightly", null, "v-1", null, false, false, false,
				new IdempotencyKey(key, IdempotencyKey.sha256Hex(key)));
	}

	static final class FailureKinds {

		static SnapGateException unavailable() {
			return new UpstreamUnavailableException(ErrorCode.UPSTREAM_UNAVAILABLE, "503 from upstream", null, null);
		}

	}

}
