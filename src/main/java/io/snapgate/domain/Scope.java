package io.snapgate.domain;

/**
 * What a snapshot covers.
 */
public enum Scope {

	/** A whole system with its VMs and tenants. */
	SYSTEM,
	/** One disk. */
	VOLUME,
	/** One machine (a VM, an instance) with all its disks. */
	MACHINE;

	public Capability capability() {
		return switch (this) {
			case SYSTEM -> Capability.SYSTEM_SNAPSHOT;
			case VOLUME -> Capability.VOLUME_SNAPSHOT;
			case MACHINE -> Capability.MACHINE_SNAPSHOT;
		};
	}

}
