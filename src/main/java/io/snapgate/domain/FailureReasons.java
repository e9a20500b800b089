package io.snapgate.domain;

/**
 * An upstream's message as callers may read it: control characters gone, whitespace
 * folded, at most {@value #MAX_LENGTH} characters.
 */
public final class FailureReasons {

	public static final int MAX_LENGTH = 500;

	private FailureReasons() {
	}

	public static String bounded(String message) {
		String printable = message.replaceAll("\\p{Cntrl}+", " ").replaceAll("\\s+", " ").strip();
		return (printable.length() <= MAX_LENGTH) ? printable : printable.substring(0, MAX_LENGTH - 1) + "…";
	}

}
