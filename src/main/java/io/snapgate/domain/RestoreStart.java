package io.snapgate.domain;

/**
 * What starting a restore did.
 *
 * @param restore the restore as it stands
 * @param awaitsSafetySnapshot whether the restore goes on only once its safety snapshot
 * is usable: the caller waits for it, then calls
 * {@link SnapshotProvider#proceed(RestoreHandle)}
 */
public record RestoreStart(Restore restore, boolean awaitsSafetySnapshot) {

	public RestoreStart {
		if (awaitsSafetySnapshot && restore.safetySnapshotId() == null) {
			throw new IllegalArgumentException("A restore that awaits its safety snapshot names it");
		}
	}

	/** A restore that is under way, with nothing left for the caller to do. */
	public static RestoreStart started(Restore restore) {
		return new RestoreStart(restore, false);
	}

}
