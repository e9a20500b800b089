package io.snapgate.application;

import io.snapgate.domain.MemberType;
import org.jspecify.annotations.Nullable;

/**
 * What a caller can ask to restore.
 */
public enum RestoreTargetType {

	VM(MemberType.VM), TENANT(MemberType.TENANT), VOLUME(null), MACHINE(null);

	private final @Nullable MemberType memberType;

	RestoreTargetType(@Nullable MemberType memberType) {
		this.memberType = memberType;
	}

	@Nullable MemberType memberType() {
		return this.memberType;
	}

}
