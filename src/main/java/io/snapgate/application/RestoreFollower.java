package io.snapgate.application;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.snapgate.domain.Lane;
import io.snapgate.domain.Restore;
import io.snapgate.domain.RestoreStatus;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.SnapshotProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a restore that this replica started while its next step waits on the upstream (a
 * safety snapshot being taken), now and then and as background work, so that the step is
 * taken even when no caller reads the restore. It keeps nothing another replica needs:
 * should this one stop, the next read of the restore, on any replica, takes the step.
 */
public class RestoreFollower implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RestoreFollower.class);

	/** Follows nobody: the restore goes on when it is read. */
	public static final RestoreFollower NONE = new RestoreFollower(
			new PollBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1)), Duration.ZERO, Sleeper.THREAD);

	private final PollBackoff backoff;

	private final Duration bound;

	private final Sleeper sleeper;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	/**
	 * @param bound how long a restore is followed at most: as long as its next step may
	 * still be taken
	 */
	public RestoreFollower(PollBackoff backoff, Duration bound, Sleeper sleeper) {
		this.backoff = backoff;
		this.bound = bound;
		this.sleeper = sleeper;
	}

	/** Follows the restore while it is {@code PENDING}. */
	void follow(SnapshotProvider provider, Restore restore) {
		if (restore.status() == RestoreStatus.PENDING && this.bound.isPositive()) {
			this.executor.execute(() -> Lane.inBackground(() -> followPending(provider, restore)));
		}
	}

	private void followPending(SnapshotProvider provider, Restore restore) {
		long deadline = System.nanoTime() + this.bound.toNanos();
		Duration interval = this.backoff.first();
		while (System.nanoTime() < deadline) {
			try {
				this.sleeper.sleep(interval);
				if (provider.restoreStatus(restore.handle()).status() != RestoreStatus.PENDING) {
					return;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (SnapGateException ex) {
				logger.debug("Restore of {} on provider {} not read: {}", restore.snapshotNativeId(), provider.id(),
						ex.getMessage());
			}
			interval = this.backoff.after(interval);
		}
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
