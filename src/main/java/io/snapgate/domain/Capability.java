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
	/**
	 * Snapshots of one machine (a VM, an instance with all its disks), named by
	 * {@code machine} on create.
	 */
	MACHINE_SNAPSHOT,
	/** Snapshots of a machine can quiesce it first (a guest agent flushes its disks). */
	QUIESCE,
	/** Restore a VM from a system snapshot as a new copy. */
	RESTORE_VM,
	/** Restore a tenant from a system snapshot as a new copy. */
	RESTORE_TENANT,
	/** Roll a disk back to one of its snapshots, in place. */
	ROLLBACK_VOLUME,
	/** Restore a machine snapshot as a new machine beside the original. */
	RESTORE_MACHINE,
	/** Revert a machine to one of its snapshots, in place. */
	REVERT_MACHINE,
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
