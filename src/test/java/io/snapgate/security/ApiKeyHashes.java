package io.snapgate.security;

import java.util.HexFormat;

/**
 * The hash to configure for an API key, for tests in other packages.
 */
public final class ApiKeyHashes {

	private ApiKeyHashes() {
	}

	public static String sha256Hex(String key) {
		return HexFormat.of().formatHex(ApiKeyVerifier.sha256(key));
	}

}
