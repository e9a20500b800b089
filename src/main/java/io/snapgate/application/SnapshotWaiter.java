package io.snapgate.application;

import java.time.Duration;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotProvider;

/**
 * Polls a new snapshot until it settles or the caller's time is up; the wait is bounded
 * by configuration whatever the caller asks.
 */
public class SnapshotWaiter {

	private final Duration maxTimeout;

	private final Duration pollInterval;

	public SnapshotWaiter(Duration maxTimeout, Duration pollInterval) {
		this.maxTimeout = maxTimeout;
		this.pollInterval = pollInterval;
	}

	public Duration maxTimeout() {
		return this.maxTimeout;
	}

	/**
	 * @return the last state seen: settled, or still in progress when time ran out
	 */
	public Snapshot awaitSettled(SnapshotProvider provider, Snapshot created, Duration timeout) {
		return awaitSettledWithin(provider, created, min(timeout, this.maxTimeout));
	}

	/**
	 * Like {@link #awaitSettled}, bounded by the caller alone: for waits that the
	 * gateway's own settings bound.
	 */
	Snapshot awaitSettledWithin(SnapshotProvider provider, Snapshot created, Duration bound) {
		long deadline = System.nanoTime() + bound.toNanos();
		Snapshot current = created;
		while (!current.status().isSettled()) {
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				break;
			}
			try {
				Thread.sleep(Duration.ofNanos(Math.min(remaining, this.pollInterval.toNanos())));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			current = provider.get(created.nativeId())
				.orElseThrow(() -> new NotFoundException(ErrorCode.SNAPSHOT_NOT_FOUND,
						"Snapshot " + created.ref() + " disappeared while it was being created"));
		}
		return current;
	}

	/**
	 * Waits one poll interval.
	 * @return {@code false} when interrupted
	 */
	boolean pause() {
		try {
			Thread.sleep(this.pollInterval);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
