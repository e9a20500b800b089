package io.snapgate.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A caller's {@code Idempotency-Key} together with a fingerprint of the request it came
 * with. Both are derived deterministically, so that every replica, before and after a
 * restart, derives the same.
 *
 * @param key the caller's key
 * @param fingerprint a hex SHA-256 of the request's meaningful content
 */
public record IdempotencyKey(String key, String fingerprint) {

	public static final String PATTERN = "[A-Za-z0-9._:-]{1,128}";

	/**
	 * A short token, stable for this key on this provider, fit for upstream idempotency
	 * fields and markers: 32 lower-case hex characters.
	 */
	public String token(ProviderId provider) {
		return sha256Hex(provider.value() + "\n" + this.key).substring(0, 32);
	}

	public static String sha256Hex(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
