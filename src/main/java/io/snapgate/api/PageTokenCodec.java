package io.snapgate.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.snapgate.application.ListPosition;
import io.snapgate.application.ProviderPosition;
import io.snapgate.domain.Cursor;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.FieldError;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.ProviderId;

/**
 * Turns a listing position into the opaque {@code pageToken} and back. The token is bound
 * to the query it was made for, so that it cannot be replayed against other filters, and
 * sealed by the {@link TokenSigner}. It names only the providers its listing asked, so a
 * token made for one caller names none that the caller does not see; one made for a
 * caller who sees more goes on, for another, with only the providers that one may read.
 */
public final class PageTokenCodec {

	static final int MAX_TOKEN_LENGTH = 8192;

	private static final String VERSION = "p1";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final TokenSigner signer;

	public PageTokenCodec(TokenSigner signer) {
		this.signer = signer;
	}

	public String encode(ListPosition position, String queryFingerprint) {
		List<String> parts = new ArrayList<>();
		parts.add(VERSION);
		parts.add(queryFingerprint);
		position.positions().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach((entry) -> {
			ProviderPosition state = entry.getValue();
			String encoded = state.exhausted() ? "x" : (state.cursor() == null) ? "s"
					: "c" + ENCODER.encodeToString(state.cursor().value().getBytes(StandardCharsets.UTF_8));
			parts.add(entry.getKey().value() + "=" + encoded);
		});
		return this.signer.seal(String.join("\n", parts));
	}

	/**
	 * @param expectedProviders the providers the query selects for this caller; the token
	 * must cover every one of them, and where it stands in any other provider is never
	 * used, as a listing asks only the providers the caller may read
	 */
	public ListPosition decode(String token, String queryFingerprint, Set<ProviderId> expectedProviders) {
		if (token.length() > MAX_TOKEN_LENGTH) {
			throw invalid("the token is too long");
		}
		String payload = this.signer.open(token).orElseThrow(() -> invalid("the token is malformed or was altered"));
		String[] lines = payload.split("\n", -1);
		if (lines.length < 2 || !VERSION.equals(lines[0])) {
			throw invalid("the token is not one this gateway issues");
		}
		if (!lines[1].equals(queryFingerprint)) {
			throw invalid("the token belongs to a listing with other filters");
		}
		Map<ProviderId, ProviderPosition> positions = new LinkedHashMap<>();
		for (int i = 2; i < lines.length; i++) {
			int eq = lines[i].indexOf('=');
			if (eq <= 0 || !ProviderId.isValid(lines[i].substring(0, eq))) {
				throw invalid("the token is malformed");
			}
			positions.put(new ProviderId(lines[i].substring(0, eq)), position(lines[i].substring(eq + 1)));
		}
		if (!positions.keySet().containsAll(expectedProviders)) {
			throw invalid("the token belongs to a listing of other providers");
		}
		return new ListPosition(positions);
	}

	private static ProviderPosition position(String encoded) {
		if (encoded.equals("x")) {
			return ProviderPosition.EXHAUSTED;
		}
		if (encoded.equals("s")) {
			return ProviderPosition.START;
		}
		if (encoded.startsWith("c")) {
			try {
				return ProviderPosition
					.at(new Cursor(new String(DECODER.decode(encoded.substring(1)), StandardCharsets.UTF_8)));
			}
			catch (IllegalArgumentException ex) {
				throw invalid("the token is malformed");
			}
		}
		throw invalid("the token is malformed");
	}

	private static InvalidRequestException invalid(String why) {
		return new InvalidRequestException(ErrorCode.INVALID_PAGE_TOKEN,
				"Invalid pageToken: " + why + "; start again without one", FieldError.of("pageToken", why));
	}

}
