package io.snapgate.domain;

/**
 * What a provider can do. Callers and the application layer ask for capabilities instead
 * of provider types.
 */
public enum Capability {

	/** Snapshots of a whole system (VMs, tenants) at once. */
	SYSTEM_SNAPSHOT,
	/** Snapshots of one disk, named by {@code volumeId} on create. */
	VOLUME_SNAPSHOT,
	/** Restore a VM from a system snapshot as a new copy. */
	RESTORE_VM,
	/** Restore a tenant from a system snapshot as a new copy. */
	RESTORE_TENANT,
	/** Roll a disk back to one of its snapshots, in place. */
	ROLLBACK_VOLUME,
	/** Snapshots can be made immutable (locked against deletion). */
	IMMUTABLE,
	/**
	 * Snapshots take a retention period, in whole units of
	 * {@link SnapshotFeatures#retentionUnit()}, or are kept until deleted.
	 */
	RETENTION,
	/** Snapshots can be hidden from tenants. */
	PRIVATE

}
