package io.snapgate.domain;

import java.time.Duration;

/**
 * How restores of several steps are run: the same on every replica, so that whichever
 * replica takes a restore's next step takes it by the same rules.
 *
 * @param stepDeadline how long after a restore was asked for its next write may still be
 * sent: past it, a step not yet taken is never taken (a rollback asked for hours ago is
 * not sent because someone reads the restore now)
 * @param safetySnapshotRetention how long the backend keeps a safety snapshot before it
 * deletes it by itself
 * @param claimSettle how long a replica that claims a step waits before it reads the
 * claim back: longer than any two replicas' claims can land apart
 * @param claimLease how long a claim holds: a claim older than this, with its step not
 * marked done, was left by a replica that stopped
 */
public record RestoreSettings(Duration stepDeadline, Duration safetySnapshotRetention, Duration claimSettle,
		Duration claimLease) {

	public static final RestoreSettings DEFAULTS = new RestoreSettings(Duration.ofMinutes(10), Duration.ofDays(7),
			Duration.ofSeconds(1), Duration.ofSeconds(30));

	public RestoreSettings {
		if (claimLease.compareTo(claimSettle) <= 0) {
			throw new IllegalArgumentException("A claim's lease must outlast the wait before it is read back");
		}
	}

}
