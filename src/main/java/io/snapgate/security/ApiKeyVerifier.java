package io.snapgate.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.snapgate.application.ProviderGrants;

import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks an API key against the configured hashes. A SHA-256 digest compared in constant
 * time costs microseconds, so a key is checked afresh on every request; a slow password
 * hash is not needed because keys are long random strings, not passwords.
 */
final class ApiKeyVerifier {

	static final int MAX_KEY_LENGTH = 256;

	private final List<Entry> keys;

	ApiKeyVerifier(List<SecuritySettings.ApiKey> keys) {
		this.keys = keys.stream().map(Entry::of).toList();
	}

	boolean isEmpty() {
		return this.keys.isEmpty();
	}

	Optional<ApiKeyAuthentication> verify(String presented) {
		if (presented.isEmpty() || presented.length() > MAX_KEY_LENGTH) {
			return Optional.empty();
		}
		byte[] digest = sha256(presented);
		Entry match = null;
		for (Entry entry : this.keys) {
			// every entry is compared, so the time taken does not tell which one matched
			if (MessageDigest.isEqual(entry.digest(), digest) && match == null) {
				match = entry;
			}
		}
		if (match == null || match.key().revoked()) {
			return Optional.empty();
		}
		return Optional.of(new ApiKeyAuthentication(match.key().owner(),
				match.key().scopes().stream().map(Scopes::authority).map(SimpleGrantedAuthority::new).toList(),
				match.grants()));
	}

	static byte[] sha256(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	// never compared nor hashed as a whole: only its digest is, in constant time
	@SuppressWarnings("ArrayRecordComponent")
	private record Entry(SecuritySettings.ApiKey key, byte[] digest, ProviderGrants grants) {

		static Entry of(SecuritySettings.ApiKey key) {
			return new Entry(key, HexFormat.of().parseHex(key.sha256()), ApiKeyGrants.of(key));
		}

	}

}
