package io.snapgate.domain;

/**
 * The kind of disk a volume snapshot was taken of.
 */
public enum DiskType {

	/** The boot disk of an instance. */
	SYSTEM,
	/** A separately attached data disk. */
	CDS

}
