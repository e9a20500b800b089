package io.snapgate.domain;

/**
 * What a restore brings back.
 */
public sealed interface RestoreTarget permits RestoreTarget.MemberTarget, RestoreTarget.VolumeTarget {

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
