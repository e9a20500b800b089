package io.snapgate.application;

import java.time.Duration;
import java.util.Objects;

import io.snapgate.domain.ConflictException;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Restore;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.domain.SnapshotStatus;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.domain.UpstreamTimeoutException;

/**
 * Lets an in-place rollback go on only once the snapshot of the disk's current state is
 * usable: a rollback without its way back never starts.
 */
public class SafetySnapshotGate {

	private final SnapshotWaiter waiter;

	private final Duration bound;

	public SafetySnapshotGate(SnapshotWaiter waiter, Duration bound) {
		this.waiter = waiter;
		this.bound = bound;
	}

	Restore proceedWhenUsable(SnapshotProvider provider, Restore restore) {
		String safetyId = Objects.requireNonNull(restore.safetySnapshotId(), "a gated restore names its snapshot");
		Snapshot safety = provider.get(safetyId)
			.orElseThrow(() -> new NotFoundException(ErrorCode.SNAPSHOT_NOT_FOUND,
					"The safety snapshot " + safetyId + " disappeared before the rollback; nothing was rolled back"));
		Snapshot settled = this.waiter.awaitSettledWithin(provider, safety, this.bound);
		if (settled.status() == SnapshotStatus.FAILED || settled.status() == SnapshotStatus.UNAVAILABLE) {
			throw new UpstreamErrorException(ErrorCode.SAFETY_SNAPSHOT_FAILED,
					"The safety snapshot " + settled.ref()
							+ " of the disk failed, so nothing was rolled back. Delete it "
							+ "and ask again, or send \"safetySnapshot\": false to roll back without a way back")
				.from(provider.id());
		}
		if (settled.status() != SnapshotStatus.AVAILABLE) {
			throw new UpstreamTimeoutException(ErrorCode.SAFETY_SNAPSHOT_NOT_READY,
					"The safety snapshot " + settled.ref() + " is not usable after " + this.bound
							+ ", so nothing was rolled back. Ask again "
							+ "with a new Idempotency-Key once it is AVAILABLE")
				.from(provider.id());
		}
		return proceedOnceSettled(provider, restore, System.nanoTime() + this.bound.toNanos());
	}

	/**
	 * Rolls back; a disk still busy from its safety snapshot is given until the bound to
	 * settle, and past it the refusal stands.
	 */
	private Restore proceedOnceSettled(SnapshotProvider provider, Restore restore, long deadline) {
		while (true) {
			try {
				return provider.proceed(restore.handle());
			}
			catch (ConflictException ex) {
				boolean busy = ex.code() == ErrorCode.VOLUME_BUSY || ex.code() == ErrorCode.INSTANCE_BUSY;
				if (!busy || System.nanoTime() >= deadline || !this.waiter.pause()) {
					throw ex;
				}
			}
		}
	}

}
