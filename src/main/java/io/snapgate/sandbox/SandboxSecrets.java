package io.snapgate.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * How the emulators compare the credentials a request presents with the ones they expect.
 */
public final class SandboxSecrets {

	private SandboxSecrets() {
	}

	/**
	 * Whether {@code given} is {@code expected}, compared in a time that does not tell
	 * how much of it was right, as an upstream compares credentials.
	 */
	public static boolean same(String given, String expected) {
		return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
	}

}
