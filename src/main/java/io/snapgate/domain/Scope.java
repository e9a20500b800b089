package io.snapgate.domain;

/**
 * What a snapshot covers.
 */
public enum Scope {

	/** A whole system with its VMs and tenants. */
	SYSTEM,
	/** One disk. */
	VOLUME;

	public Capability capability() {
		return (this == SYSTEM) ? Capability.SYSTEM_SNAPSHOT : Capability.VOLUME_SNAPSHOT;
	}

}
