package io.snapgate.domain;

import org.jspecify.annotations.Nullable;

/**
 * What a policy protects.
 *
 * @param type a disk, a machine, or the whole system
 * @param id the disk's or the machine's id; {@code null} for the whole system
 */
public record PolicyTarget(Type type, @Nullable String id) {

	public static final PolicyTarget SYSTEM = new PolicyTarget(Type.SYSTEM, null);

	public static PolicyTarget volume(String id) {
		return new PolicyTarget(Type.VOLUME, id);
	}

	public static PolicyTarget machine(String id) {
		return new PolicyTarget(Type.MACHINE, id);
	}

	public enum Type {

		/** One disk. */
		VOLUME,
		/** One machine: a VM, or an instance with all its disks. */
		MACHINE,
		/** The whole system. */
		SYSTEM

	}

}
