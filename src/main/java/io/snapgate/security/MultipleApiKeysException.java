package io.snapgate.security;

import java.io.Serial;

import org.springframework.security.authentication.BadCredentialsException;

/**
 * A request that carries more than one API key, in repeated {@code X-API-Key} headers or
 * in both {@code X-API-Key} and {@code Authorization: ApiKey}.
 */
final class MultipleApiKeysException extends BadCredentialsException {

	@Serial
	private static final long serialVersionUID = 1L;

	MultipleApiKeysException() {
		super("More than one API key");
	}

}
