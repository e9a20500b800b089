package io.snapgate.domain;

/**
 * What a provider needs to find a restore again: written by the adapter, opaque to
 * everybody else, carried inside the public restore id so that any replica can answer for
 * it.
 */
public record RestoreHandle(String value) {

	public static final int MAX_LENGTH = 512;

	public RestoreHandle {
		if (value.isEmpty() || value.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("A restore handle has 1 to " + MAX_LENGTH + " characters");
		}
	}

}
