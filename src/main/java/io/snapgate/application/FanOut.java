package io.snapgate.application;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.Lane;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.domain.UpstreamTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one task per key on its own virtual thread and collects every outcome within one
 * deadline, so that the slowest task, not the sum of all, sets the time taken. A task
 * that fails or overruns gives a failed outcome instead of failing the rest. Tasks run in
 * the lane of the work that hands them over.
 */
public final class FanOut implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(FanOut.class);

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	public <K, V> Map<K, Outcome<V>> run(Map<K, Callable<V>> tasks, Duration timeout) {
		Map<K, Future<V>> futures = new LinkedHashMap<>();
		tasks.forEach((key, task) -> futures.put(key, this.executor.submit(Lane.carried(task))));
		long deadline = System.nanoTime() + timeout.toNanos();
		Map<K, Outcome<V>> outcomes = new LinkedHashMap<>();
		futures.forEach((key, future) -> outcomes.put(key, await(key, future, deadline, timeout)));
		return outcomes;
	}

	/** One task within a deadline. */
	public <V> Outcome<V> runOne(Callable<V> task, Duration timeout) {
		Future<V> future = this.executor.submit(Lane.carried(task));
		return await("task", future, System.nanoTime() + timeout.toNanos(), timeout);
	}

	private <V> Outcome<V> await(Object key, Future<V> future, long deadline, Duration timeout) {
		try {
			return new Outcome.Success<>(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
		}
		catch (ExecutionException ex) {
			return failure(key, (ex.getCause() != null) ? ex.getCause() : ex);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			return new Outcome.Failure<>(new UpstreamTimeoutException(ErrorCode.UPSTREAM_TIMEOUT,
					"No answer within " + timeout.toMillis() + " ms"));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			future.cancel(true);
			return new Outcome.Failure<>(new UpstreamTimeoutException(ErrorCode.UPSTREAM_TIMEOUT, "Interrupted"));
		}
	}

	private <V> Outcome<V> failure(Object key, Throwable cause) {
		if (cause instanceof SnapGateException known) {
			return new Outcome.Failure<>(known);
		}
		logger.error("Unexpected failure for {}", key, cause);
		return new Outcome.Failure<>(
				new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR, "The provider failed unexpectedly", cause));
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	/**
	 * How one task ended.
	 */
	public sealed interface Outcome<V> {

		record Success<V>(V value) implements Outcome<V> {
		}

		record Failure<V>(SnapGateException error) implements Outcome<V> {
		}

	}

}
