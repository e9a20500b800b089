package io.snapgate.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the opaque strings SnapGate hands to callers (page tokens, restore ids) with an
 * HMAC, so that any replica sharing the key can trust what comes back and nothing
 * tampered with gets through. Payloads are signed, not encrypted: they hold positions and
 * upstream ids, never secrets.
 */
public final class TokenSigner {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private static final int MAC_BYTES = 16;

	private final SecretKeySpec key;

	public TokenSigner(byte[] key) {
		if (key.length < 16) {
			throw new IllegalArgumentException("The token signing key needs at least 16 bytes");
		}
		this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
	}

	public String seal(String payload) {
		byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
		return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
	}

	/**
	 * The payload of a sealed string, or empty when it is malformed or was tampered with.
	 */
	public Optional<String> open(String sealed) {
		int dot = sealed.indexOf('.');
		if (dot <= 0 || dot != sealed.lastIndexOf('.')) {
			return Optional.empty();
		}
		try {
			byte[] payload = DECODER.decode(sealed.substring(0, dot));
			byte[] mac = DECODER.decode(sealed.substring(dot + 1));
			if (!MessageDigest.isEqual(mac, mac(payload))) {
				return Optional.empty();
			}
			return Optional.of(new String(payload, StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private byte[] mac(byte[] payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
