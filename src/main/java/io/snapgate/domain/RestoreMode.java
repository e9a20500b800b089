package io.snapgate.domain;

/**
 * Whether a restore makes something new or overwrites what exists.
 */
public enum RestoreMode {

	/** A new VM or tenant is made from the snapshot. */
	NEW_COPY,
	/** The disk is rolled back; its current data is lost. */
	IN_PLACE

}
