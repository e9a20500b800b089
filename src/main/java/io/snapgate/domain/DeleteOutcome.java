package io.snapgate.domain;

/**
 * How a delete ended.
 */
public enum DeleteOutcome {

	/** The snapshot is gone. */
	DELETED,
	/** The upstream accepted the delete and finishes it on its own. */
	ACCEPTED

}
