package io.snapgate.guard;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.snapgate.domain.BudgetSharing;
import io.snapgate.domain.CircuitState;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.Lane;
import io.snapgate.domain.ProviderHealth;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderType;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.UpstreamBudgetExhaustedException;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.domain.UpstreamTimeoutException;
import io.snapgate.domain.UpstreamUnavailableException;
import io.snapgate.observability.UpstreamCallContext;
import io.snapgate.observability.UpstreamObservationConvention;
import io.snapgate.provider.UpstreamAllowance;
import io.snapgate.provider.UpstreamAttempt;
import io.snapgate.provider.UpstreamOperation;

/**
 * Runs one provider's calls under its guards: the retry where repeating is safe, and
 * around each attempt the circuit breaker, the bulkhead, the request budget and the time
 * limit. An attempt runs on the caller's thread, its time limit a deadline that each
 * upstream exchange waits no longer than ({@link UpstreamAttempt}); it is observed once,
 * and whatever it throws is translated once, here, into a domain error that names the
 * provider. Refusals by the guards say the request was never sent.
 */
final class GuardEngine {

	private static final UpstreamObservationConvention CONVENTION = new UpstreamObservationConvention();

	private final ProviderId provider;

	private final String providerType;

	private final ProviderGuards guards;

	private final ObservationRegistry observations;

	private final Reads reads;

	private final Duration timeLimit;

	private final String heldBack;

	private final String busy;

	GuardEngine(ProviderId provider, ProviderType providerType, ProviderGuards guards, ObservationRegistry observations,
			Reads reads) {
		this.provider = provider;
		this.providerType = providerType.value();
		this.guards = guards;
		this.observations = observations;
		this.reads = reads;
		this.timeLimit = guards.timeLimiter().getTimeLimiterConfig().getTimeoutDuration();
		this.heldBack = "Provider " + provider + " keeps failing; calls are held back for a while";
		this.busy = "Provider " + provider + " has too many calls under way; try again shortly";
	}

	/**
	 * A read: shared with identical ones under way and kept a short while (see
	 * {@link Reads}).
	 * @param key what makes two reads of this operation the same
	 * @param kind what it answers
	 */
	<T> T read(UpstreamOperation operation, String key, Answer<T> kind, Supplier<T> call) {
		try {
			return this.reads.read(operation.tagValue() + "\n" + key, kind, () -> call(operation, call));
		}
		catch (UpstreamBudgetExhaustedException ex) {
			if (Lane.current() == Lane.BACKGROUND) {
				throw ex;
			}
			// the shared read may have been background work, held back where a caller's
			// own is not: ask again in the caller's lane (refused at once if it is too)
			return call(operation, call);
		}
	}

	/** A write: once it is done or failed, nothing read before it is answered again. */
	<T> T write(UpstreamOperation operation, Supplier<T> call) {
		try {
			return call(operation, call);
		}
		finally {
			this.reads.forget();
		}
	}

	/** One call, retried where that is safe. */
	<T> T call(UpstreamOperation operation, Supplier<T> call) {
		Retry retry = switch (operation) {
			case CREATE, POLICY_CREATE -> this.guards.createRetry();
			// a copy sent twice is two copies, as a restore sent twice is two restores
			case RESTORE, COPY -> this.guards.restoreRetry();
			// a repeated delete is harmless: at worst it finds the snapshot gone, which
			// callers treat as done; an update sets values (a name, an expiry counted
			// from the snapshot's creation), so sending it again leaves the same snapshot
			default -> this.guards.readRetry();
		};
		try {
			return retry.executeCallable(() -> attempt(operation, call));
		}
		catch (SnapGateException ex) {
			throw ex;
		}
		catch (Exception ex) {
			// attempt() throws domain errors alone; this is the retry's own interruption
			throw translated(ex);
		}
	}

	/**
	 * Degraded while the breaker is open, without asking the upstream; one attempt
	 * otherwise, kept like a read, so that however often the health is asked, the
	 * upstream is asked about once per while.
	 */
	ProviderHealth health(Supplier<ProviderHealth> check) {
		if (ResilienceProviderCircuits.stateOf(this.guards.circuitBreaker()) == CircuitState.OPEN) {
			return ProviderHealth.DEGRADED;
		}
		try {
			return this.reads.read(UpstreamOperation.HEALTH.tagValue(), Answer.HEALTH,
					() -> attempt(UpstreamOperation.HEALTH, check));
		}
		catch (SnapGateException ex) {
			return ProviderHealth.DOWN;
		}
	}

	Optional<BudgetSharing> budgetSharing() {
		RequestBudget budget = this.guards.budget();
		return (budget != null) ? Optional.of(budget.sharing()) : Optional.empty();
	}

	/** One attempt, observed once; only domain errors come out, naming the provider. */
	private <T> T attempt(UpstreamOperation operation, Supplier<T> call) {
		CircuitBreaker breaker = this.guards.circuitBreaker();
		try {
			// counted as not permitted, which tryAcquirePermission is not
			breaker.acquirePermission();
		}
		catch (CallNotPermittedException ex) {
			throw UpstreamUnavailableException
				.heldBack(ErrorCode.UPSTREAM_UNAVAILABLE, this.heldBack, this.guards.openStateWait(), ex)
				.from(this.provider);
		}
		Bulkhead bulkhead = this.guards.bulkhead();
		if (!bulkhead.tryAcquirePermission()) {
			breaker.releasePermission();
			throw UpstreamUnavailableException.heldBack(ErrorCode.PROVIDER_BUSY, this.busy, Duration.ofSeconds(1), null)
				.from(this.provider);
		}
		UpstreamCallContext context = new UpstreamCallContext(this.provider.value(), this.providerType,
				operation.tagValue());
		Observation observation = Observation.createNotStarted(null, CONVENTION, () -> context, this.observations)
			.start();
		long started = System.nanoTime();
		try (Observation.Scope _ = observation.openScope()) {
			T result = UpstreamAttempt.startingNow(allowance(), this.timeLimit).run(call::get);
			breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
			this.guards.timeLimiter().onSuccess();
			return result;
		}
		catch (Error ex) {
			// not the upstream's doing: give the permit back rather than count it either
			// way
			breaker.releasePermission();
			throw ex;
		}
		catch (Throwable ex) {
			SnapGateException failure = translated(ex);
			breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, failure);
			if (failure instanceof UpstreamTimeoutException) {
				this.guards.timeLimiter().onError(new TimeoutException());
			}
			context.outcome(UpstreamFailures.outcomeOf(failure));
			observation.error(failure);
			throw failure;
		}
		finally {
			bulkhead.onComplete();
			observation.stop();
		}
	}

	private UpstreamAllowance allowance() {
		RequestBudget budget = this.guards.budget();
		return (budget != null) ? budget.forCall(Lane.current()) : UpstreamAllowance.UNBOUNDED;
	}

	private SnapGateException translated(Throwable failure) {
		if (failure instanceof SnapGateException known) {
			return known.from(this.provider);
		}
		return new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR, "The call to the provider failed", failure)
			.from(this.provider);
	}

}
