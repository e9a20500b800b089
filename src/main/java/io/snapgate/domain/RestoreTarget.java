package io.snapgate.domain;

/**
 * What a restore brings back.
 */
public sealed interface RestoreTarget
		permits RestoreTarget.MemberTarget, RestoreTarget.VolumeTarget, RestoreTarget.MachineTarget {

	RestoreMode mode();

	Capability requiredCapability();

	/**
	 * A VM or tenant of a system snapshot, named by its member name or member id,
	 * restored as a copy.
	 */
	record MemberTarget(MemberType type, String member) implements RestoreTarget {

		@Override
		public RestoreMode mode() {
			return RestoreMode.NEW_COPY;
		}

		@Override
		public Capability requiredCapability() {
			return this.type.restoreCapability();
		}

	}

	/**
	 * The machine a machine snapshot was taken of: restored beside it as a new machine,
	 * or reverted in place (every disk of the snapshot).
	 */
	record MachineTarget(RestoreMode mode) implements RestoreTarget {

		@Override
		public Capability requiredCapability() {
			return (this.mode == RestoreMode.IN_PLACE) ? Capability.REVERT_MACHINE : Capability.RESTORE_MACHINE;
		}

	}

	/**
	 * The disk a volume snapshot was taken of, rolled back in place.
	 */
	record VolumeTarget() implements RestoreTarget {

		@Override
		public RestoreMode mode() {
			return RestoreMode.IN_PLACE;
		}

		@Override
		public Capability requiredCapability() {
			return Capability.ROLLBACK_VOLUME;
		}

	}

}
