package io.snapgate.application;

import java.util.Arrays;
import java.util.Optional;

/**
 * The scopes that act on providers, and so may be granted on some providers only.
 * {@code actuator:read} is not one of them: it reaches the gateway itself.
 */
public enum ProviderScope {

	SNAPSHOTS_READ("snapshots:read"), SNAPSHOTS_WRITE("snapshots:write"), RESTORES_WRITE("restores:write"),
	POLICIES_READ("policies:read"), POLICIES_WRITE("policies:write");

	private final String value;

	ProviderScope(String value) {
		this.value = value;
	}

	/** The scope as callers hold it, such as {@code snapshots:read}. */
	public String value() {
		return this.value;
	}

	public static Optional<ProviderScope> of(String value) {
		return Arrays.stream(values()).filter((scope) -> scope.value.equals(value)).findFirst();
	}

	@Override
	public String toString() {
		return this.value;
	}

}
