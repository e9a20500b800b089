package io.snapgate.provider;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.UpstreamTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * What the guards grant one attempt at a call: the budget it spends from and the moment
 * it must be done by. The attempt runs on the caller's thread with this bound to it, and
 * every {@link UpstreamExchange} inside it spends from the allowance and waits for its
 * answer no later than the deadline. An exchange outside any attempt (an adapter on its
 * own) spends nothing and is bounded by its own timeout alone.
 *
 * @param allowance what the attempt may send
 * @param deadline {@link System#nanoTime()} by which the attempt must be done
 * @param timeLimit the attempt's time limit, for messages
 */
public record UpstreamAttempt(UpstreamAllowance allowance, long deadline, Duration timeLimit) {

	private static final ScopedValue<UpstreamAttempt> CURRENT = ScopedValue.newInstance();

	/** An attempt that starts now. */
	public static UpstreamAttempt startingNow(UpstreamAllowance allowance, Duration timeLimit) {
		return new UpstreamAttempt(allowance, System.nanoTime() + timeLimit.toNanos(), timeLimit);
	}

	/** The attempt under way on this thread, if any. */
	public static Optional<UpstreamAttempt> current() {
		return CURRENT.isBound() ? Optional.of(CURRENT.get()) : Optional.empty();
	}

	static @Nullable UpstreamAttempt currentOrNull() {
		return CURRENT.isBound() ? CURRENT.get() : null;
	}

	/** Runs the attempt on this thread. */
	public <T> T run(Callable<T> call) throws Exception {
		return ScopedValue.where(CURRENT, this).call(call::call);
	}

	/** How long is left of the time limit; zero or less once it is spent. */
	public Duration remaining() {
		return Duration.ofNanos(this.deadline - System.nanoTime());
	}

	/** The error of an attempt that ran out of time. */
	public UpstreamTimeoutException overrun(String upstream, @Nullable Throwable cause) {
		return new UpstreamTimeoutException(ErrorCode.UPSTREAM_TIMEOUT,
				upstream + " did not answer within " + this.timeLimit.toMillis() + " ms", cause);
	}

}
