package io.snapgate.application;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.domain.UpstreamBudgetExhaustedException;
import org.jspecify.annotations.Nullable;

/**
 * One poll loop for one snapshot, shared by every waiter on it in this replica: the
 * upstream is asked once per interval however many callers wait. It ends when the
 * snapshot settles, when reading it fails (every waiter then gets the failure) or when
 * its last waiter leaves. A poll the provider's budget holds back is tried again later.
 */
final class SharedPoll {

	private final SnapshotProvider provider;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private Snapshot latest;

	private @Nullable RuntimeException failure;

	private int waiters;

	private boolean ended;

	SharedPoll(SnapshotProvider provider, Snapshot created) {
		this.provider = provider;
		this.latest = created;
	}

	int waiters() {
		this.lock.lock();
		try {
			return this.waiters;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * @return {@code false} when the loop has ended, and a new one is needed
	 */
	boolean join() {
		this.lock.lock();
		try {
			if (this.ended) {
				return false;
			}
			this.waiters++;
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	void leave() {
		this.lock.lock();
		try {
			this.waiters--;
			if (this.waiters == 0) {
				this.ended = true;
				this.changed.signalAll();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * @return the latest state seen once it settled or the deadline came
	 */
	Snapshot await(long deadlineNanos) {
		this.lock.lock();
		try {
			while (!this.latest.status().isSettled() && this.failure == null) {
				long left = deadlineNanos - System.nanoTime();
				if (left <= 0) {
					break;
				}
				this.changed.await(left, TimeUnit.NANOSECONDS);
			}
			if (this.failure != null) {
				throw this.failure;
			}
			return this.latest;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return this.latest;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** The loop, on a thread of its own. */
	void run(PollBackoff backoff, Sleeper sleeper) {
		Duration interval = backoff.first();
		while (!isEnded()) {
			try {
				sleeper.sleep(interval);
			}
			catch (InterruptedException ex) {
				// the replica is stopping: the waiters answer with what was seen
				Thread.currentThread().interrupt();
				end(null, null);
				return;
			}
			if (isEnded()) {
				return;
			}
			Snapshot current;
			try {
				current = this.provider.get(this.latest.nativeId())
					.orElseThrow(() -> new NotFoundException(ErrorCode.SNAPSHOT_NOT_FOUND,
							"Snapshot " + this.latest.ref() + " disappeared while it was being created"));
			}
			catch (UpstreamBudgetExhaustedException ex) {
				// nothing was sent: ask again later, as if nothing had changed
				interval = backoff.after(interval);
				continue;
			}
			catch (RuntimeException ex) {
				end(null, ex);
				return;
			}
			if (current.status().isSettled()) {
				end(current, null);
				return;
			}
			seen(current);
			interval = backoff.after(interval);
		}
	}

	private boolean isEnded() {
		this.lock.lock();
		try {
			return this.ended;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void seen(Snapshot current) {
		this.lock.lock();
		try {
			this.latest = current;
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	private void end(@Nullable Snapshot current, @Nullable RuntimeException error) {
		this.lock.lock();
		try {
			if (current != null) {
				this.latest = current;
			}
			this.failure = error;
			this.ended = true;
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

}
