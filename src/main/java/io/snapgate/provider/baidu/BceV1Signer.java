package io.snapgate.provider.baidu;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Baidu's BCE v1 request signature ({@code bce-auth-v1}): pure, no I/O. The emulator
 * verifies with the same code that the adapter signs with.
 */
public final class BceV1Signer {

	public static final String AUTH_VERSION = "bce-auth-v1";

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final Set<String> DEFAULT_SIGNED = Set.of("host", "content-length", "content-type", "content-md5");

	private static final HexFormat HEX = HexFormat.of();

	private final String accessKeyId;

	private final String secretAccessKey;

	private final int expirationSeconds;

	private final Clock clock;

	public BceV1Signer(String accessKeyId, String secretAccessKey, int expirationSeconds, Clock clock) {
		this.accessKeyId = accessKeyId;
		this.secretAccessKey = secretAccessKey;
		this.expirationSeconds = expirationSeconds;
		this.clock = clock;
	}

	/**
	 * The current instant to the second, as {@code x-bce-date} and the signature carry
	 * it.
	 */
	public Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	/**
	 * The {@code Authorization} header value of a request signed at {@code timestamp}.
	 */
	public String authorization(BceRequest request, Instant timestamp) {
		String prefix = AUTH_VERSION + "/" + this.accessKeyId + "/" + timestamp(timestamp) + "/"
				+ this.expirationSeconds;
		String signingKey = hmacHex(this.secretAccessKey, prefix);
		Canonical canonical = canonicalize(request);
		String signature = hmacHex(signingKey, canonical.request());
		String signedHeaders = request.signedHeaders().isEmpty() ? "" : String.join(";", canonical.signedHeaders());
		return prefix + "/" + signedHeaders + "/" + signature;
	}

	/** The canonical request, the text that is signed. */
	public String canonicalRequest(BceRequest request) {
		return canonicalize(request).request();
	}

	/** An instant as BCE writes it: {@code yyyy-MM-ddTHH:mm:ssZ}, UTC. */
	public static String timestamp(Instant instant) {
		return TIMESTAMP.format(instant);
	}

	/** The instant of a BCE timestamp, or {@code null} when it is not one. */
	public static @Nullable Instant parseTimestamp(@Nullable String text) {
		if (text == null) {
			return null;
		}
		try {
			return Instant.from(TIMESTAMP.parse(text));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * RFC 3986 percent-encoding of the UTF-8 bytes: letters, digits and {@code - . _ ~}
	 * stay, every other byte is {@code %XX} in upper-case hex.
	 */
	public static String encode(String value, boolean keepSlash) {
		StringBuilder encoded = new StringBuilder(value.length());
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~' || (keepSlash && c == '/')) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(HEX.toHexDigits(b).toUpperCase(Locale.ROOT));
			}
		}
		return encoded.toString();
	}

	private static Canonical canonicalize(BceRequest request) {
		String uri = encode(request.path().isEmpty() ? "/" : request.path(), true);
		List<String> query = new ArrayList<>();
		request.query().forEach((name, value) -> {
			if (!name.equalsIgnoreCase("authorization")) {
				query.add(encode(name, false) + "=" + encode(value, false));
			}
		});
		query.sort(null);
		Set<String> wanted = new TreeSet<>();
		request.signedHeaders().forEach((name) -> wanted.add(name.trim().toLowerCase(Locale.ROOT)));
		List<String> headers = new ArrayList<>();
		Set<String> signed = new TreeSet<>();
		for (Map.Entry<String, String> header : request.headers().entrySet()) {
			String name = header.getKey().trim().toLowerCase(Locale.ROOT);
			String value = header.getValue().trim();
			boolean include = wanted.isEmpty() ? (DEFAULT_SIGNED.contains(name) || name.startsWith("x-bce-"))
					: wanted.contains(name);
			if (include && !value.isEmpty() && !name.equals("authorization")) {
				headers.add(encode(name, false) + ":" + encode(value, false));
				signed.add(name);
			}
		}
		headers.sort(null);
		String canonical = request.method().toUpperCase(Locale.ROOT) + "\n" + uri + "\n" + String.join("&", query)
				+ "\n" + String.join("\n", headers);
		return new Canonical(canonical, List.copyOf(signed));
	}

	private static String hmacHex(String key, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HEX.formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	@Override
	public String toString() {
		return "BceV1Signer[accessKeyId=" + this.accessKeyId + "]";
	}

	private record Canonical(String request, List<String> signedHeaders) {
	}

}
