package io.snapgate.domain;

/**
 * The progress of a restore.
 */
public enum RestoreStatus {

	PENDING, RUNNING, SUCCEEDED, FAILED;

	public boolean isFinished() {
		return this == SUCCEEDED || this == FAILED;
	}

}
