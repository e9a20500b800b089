package io.snapgate.domain;

import org.jspecify.annotations.Nullable;

/**
 * What a policy protects.
 *
 * @param type a disk, or the whole system
 * @param id the disk's id; {@code null} for the whole system
 */
public record PolicyTarget(Type type, @Nullable String id) {

	public static final PolicyTarget SYSTEM = new PolicyTarget(Type.SYSTEM, null);

	public static PolicyTarget volume(String id) {
		return new PolicyTarget(Type.VOLUME, id);
	}

	public enum Type {

		/** One disk. */
		VOLUME,
		/** The whole system. */
		SYSTEM

	}

}
