package io.snapgate.domain;

/**
 * A provider's own position in its listing (an offset, a marker). Opaque outside its
 * adapter, which must accept back any cursor it handed out.
 */
public record Cursor(String value) {

	public static final int MAX_LENGTH = 256;

	public Cursor {
		if (value.isEmpty() || value.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("A cursor has 1 to " + MAX_LENGTH + " characters");
		}
	}

}
