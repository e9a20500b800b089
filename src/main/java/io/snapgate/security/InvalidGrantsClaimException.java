package io.snapgate.security;

import java.io.Serial;

import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * A token whose grants claim is not a list of {@code scope@provider} entries: refused, as
 * guessing what it meant could grant more than meant.
 */
final class InvalidGrantsClaimException extends InvalidBearerTokenException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String claim;

	InvalidGrantsClaimException(String claim) {
		super("The " + claim + " claim is not a list of scope@provider entries");
		this.claim = claim;
	}

	String claim() {
		return this.claim;
	}

}
