package io.snapgate.provider.vergeos;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.ProviderId;
import org.jspecify.annotations.Nullable;

/**
 * VergeOS takes no client token, so a create carries its idempotency key in the
 * snapshot's description instead: a trailing
 * {@code [snapgate:<token>:<fingerprint prefix>]}. Before creating, the adapter looks for
 * a snapshot whose description contains the token; callers never see the marker.
 *
 * @param token {@link IdempotencyKey#token(ProviderId)}: 32 hex characters
 * @param fingerprint the first 12 hex characters of the request's fingerprint
 */
record VergeosIdempotencyMarker(String token, String fingerprint) {

	private static final int FINGERPRINT_LENGTH = 12;

	private static final Pattern TRAILING = Pattern
		.compile("(?:^|\\s)\\[snapgate:([0-9a-f]{32}):([0-9a-f]{" + FINGERPRINT_LENGTH + "})]\\s*$");

	static VergeosIdempotencyMarker of(IdempotencyKey key, ProviderId provider) {
		return new VergeosIdempotencyMarker(key.token(provider), key.fingerprint().substring(0, FINGERPRINT_LENGTH));
	}

	/** The marker of a description, if it has one. */
	static Optional<VergeosIdempotencyMarker> in(@Nullable String description) {
		if (description == null) {
			return Optional.empty();
		}
		Matcher matcher = TRAILING.matcher(description);
		return matcher.find() ? Optional.of(new VergeosIdempotencyMarker(matcher.group(1), matcher.group(2)))
				: Optional.empty();
	}

	/** The description without its marker; {@code null} when nothing else is left. */
	static @Nullable String strip(@Nullable String description) {
		if (description == null) {
			return null;
		}
		String stripped = TRAILING.matcher(description).replaceFirst("");
		return stripped.isBlank() ? null : stripped;
	}

	String appendTo(@Nullable String description) {
		String marker = "[snapgate:" + this.token + ":" + this.fingerprint + "]";
		return (description == null || description.isBlank()) ? marker : description + " " + marker;
	}

}
