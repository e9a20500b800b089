package io.snapgate.application;

import java.time.Duration;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.snapgate.domain.Lane;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.domain.SnapshotRef;

/**
 * Polls a new snapshot until it settles or the caller's time is up; the wait is bounded
 * by configuration whatever the caller asks. The polls back off (see
 * {@link PollBackoff}), and every caller waiting on the same snapshot in this replica
 * shares one poll loop.
 */
public class SnapshotWaiter {

	private final Duration maxTimeout;

	private final PollBackoff backoff;

	private final Sleeper sleeper;

	private final ConcurrentMap<SnapshotRef, SharedPoll> polls = new ConcurrentHashMap<>();

	public SnapshotWaiter(Duration maxTimeout, Duration pollInterval) {
		this(maxTimeout, new PollBackoff(pollInterval, pollInterval), Sleeper.THREAD);
	}

	public SnapshotWaiter(Duration maxTimeout, PollBackoff backoff, Sleeper sleeper) {
		this.maxTimeout = maxTimeout;
		this.backoff = backoff;
		this.sleeper = sleeper;
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
		if (created.status().isSettled()) {
			return created;
		}
		long deadline = System.nanoTime() + bound.toNanos();
		SharedPoll poll = join(provider, created);
		try {
			return poll.await(deadline);
		}
		finally {
			poll.leave();
		}
	}

	/**
	 * Waits one poll interval.
	 * @return {@code false} when interrupted
	 */
	boolean pause() {
		try {
			this.sleeper.sleep(this.backoff.first());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** How many callers wait on a snapshot now. */
	int waitersOn(SnapshotRef ref) {
		SharedPoll poll = this.polls.get(ref);
		return (poll != null) ? poll.waiters() : 0;
	}

	/** The poll loop of this snapshot, joined; started when there is none. */
	private SharedPoll join(SnapshotProvider provider, Snapshot created) {
		SnapshotRef ref = new SnapshotRef(provider.id(), created.nativeId());
		while (true) {
			SharedPoll fresh = new SharedPoll(provider, created);
			fresh.join();
			SharedPoll existing = this.polls.putIfAbsent(ref, fresh);
			if (existing == null) {
				// background work: the budget serves callers' own requests first
				Thread.ofVirtual().name("snapshot-poll-" + ref).start(() -> Lane.inBackground(() -> {
					try {
						fresh.run(this.backoff, this.sleeper);
					}
					finally {
						this.polls.remove(ref, fresh);
					}
				}));
				return fresh;
			}
			if (existing.join()) {
				return existing;
			}
			// it has just ended: make way for a new one
			this.polls.remove(ref, existing);
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
