package io.snapgate.domain;

/**
 * How a copy of a snapshot to another provider goes.
 */
public enum CopyStatus {

	/** Asked for; the backend has not started sending it yet (queued). */
	PENDING,
	/** On its way to the target. */
	RUNNING,
	/** The target holds the copy, usable. */
	SUCCEEDED,
	/** It ended without a usable copy at the target; the reason says what is left. */
	FAILED;

	public boolean isFinished() {
		return this == SUCCEEDED || this == FAILED;
	}

}
