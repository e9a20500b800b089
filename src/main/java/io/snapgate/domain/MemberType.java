package io.snapgate.domain;

/**
 * What a system snapshot can contain and restore.
 */
public enum MemberType {

	VM(Capability.RESTORE_VM), TENANT(Capability.RESTORE_TENANT);

	private final Capability restoreCapability;

	MemberType(Capability restoreCapability) {
		this.restoreCapability = restoreCapability;
	}

	public Capability restoreCapability() {
		return this.restoreCapability;
	}

}
