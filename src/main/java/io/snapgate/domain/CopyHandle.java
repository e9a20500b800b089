package io.snapgate.domain;

/**
 * What a provider needs to find a copy again: written by the adapter, opaque to everybody
 * else, carried inside the public copy id so that any replica can answer for it.
 */
public record CopyHandle(String value) {

	public static final int MAX_LENGTH = 512;

	public CopyHandle {
		if (value.isEmpty() || value.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("A copy handle has 1 to " + MAX_LENGTH + " characters");
		}
	}

}
