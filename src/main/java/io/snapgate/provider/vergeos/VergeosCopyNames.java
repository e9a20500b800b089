package io.snapgate.provider.vergeos;

import io.snapgate.domain.IdempotencyKey;

/**
 * The name of a copy recovered under an idempotency key without a name of the caller's:
 * the original's name and a short digest of the key, so that a repeat of the request
 * knows the copy by its name.
 */
final class VergeosCopyNames {

	private static final int DIGEST = 8;

	private static final int MAX_NAME = 128;

	private VergeosCopyNames() {
	}

	static String keyed(String memberName, IdempotencyKey key) {
		String suffix = " restored " + IdempotencyKey.sha256Hex("copy\n" + key.key()).substring(0, DIGEST);
		String base = (memberName.length() + suffix.length() > MAX_NAME)
				? memberName.substring(0, MAX_NAME - suffix.length()) : memberName;
		return base + suffix;
	}

}
