package io.snapgate.domain;

/**
 * The provider-neutral life-cycle of a snapshot.
 */
public enum SnapshotStatus {

	CREATING, AVAILABLE, FAILED, DELETING, UNAVAILABLE;

	/** Whether the snapshot will not change state without somebody acting on it. */
	public boolean isSettled() {
		return this == AVAILABLE || this == FAILED || this == UNAVAILABLE;
	}

}
