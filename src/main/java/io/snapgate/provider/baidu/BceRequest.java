package io.snapgate.provider.baidu;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What BCE v1 signs of a request: method, path, query and headers, decoded.
 *
 * @param method the HTTP method
 * @param path the request path, decoded, as sent (including any path prefix of the
 * endpoint)
 * @param query the query parameters, decoded; a parameter without value maps to
 * {@code ""}
 * @param headers the request headers that may be signed, by name (any case)
 * @param signedHeaders the lower-case names of the headers to sign; empty to sign BCE's
 * default set ({@code host}, {@code content-length}, {@code content-type},
 * {@code content-md5}, every {@code x-bce-*}) and send no list
 */
public record BceRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
		List<String> signedHeaders) {

	public BceRequest {
		query = Map.copyOf(query);
		headers = Map.copyOf(headers);
		signedHeaders = List.copyOf(signedHeaders);
	}

	/**
	 * A request as it travels: the raw (percent-encoded) path and query of its URI.
	 */
	public static BceRequest of(String method, String rawPath, @Nullable String rawQuery, Map<String, String> headers,
			List<String> signedHeaders) {
		return new BceRequest(method, decode(rawPath), parseQuery(rawQuery), headers, signedHeaders);
	}

	/** The parameters of a raw query string; a repeated name keeps its first value. */
	static Map<String, String> parseQuery(@Nullable String rawQuery) {
		Map<String, String> query = new LinkedHashMap<>();
		if (rawQuery == null || rawQuery.isEmpty()) {
			return query;
		}
		for (String pair : rawQuery.split("&", -1)) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals));
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
			query.putIfAbsent(name, value);
		}
		return query;
	}

	/**
	 * Percent-decoding; a {@code +} stays a plus, as it does in a URI path and in BCE's
	 * own encoding.
	 */
	static String decode(String raw) {
		if (raw.indexOf('%') < 0) {
			return raw;
		}
		byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
		byte[] decoded = new byte[bytes.length];
		int length = 0;
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
				decoded[length++] = (byte) (Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16));
				i += 2;
			}
			else {
				decoded[length++] = bytes[i];
			}
		}
		return new String(decoded, 0, length, StandardCharsets.UTF_8);
	}

	private static boolean isHex(byte b) {
		return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
	}

}
