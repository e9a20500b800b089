package io.snapgate.security;

import io.snapgate.application.ProviderGrants;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a verified token into a {@link JwtCaller}: its scopes and name as Spring Boot's
 * converter reads them (so its {@code ...jwt.authorities-claim-name} and the like still
 * apply), and its grants from the grants claim.
 */
final class JwtCallerConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private final Converter<Jwt, ? extends AbstractAuthenticationToken> scopes;

	private final JwtGrants grants;

	JwtCallerConverter(Converter<Jwt, ? extends AbstractAuthenticationToken> scopes, JwtGrants grants) {
		this.scopes = scopes;
		this.grants = grants;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		AbstractAuthenticationToken read = this.scopes.convert(jwt);
		if (read == null) {
			throw new IllegalStateException("The JWT converter gave no authentication");
		}
		ProviderGrants granted = this.grants.of(jwt, read.getAuthorities());
		return new JwtCaller(jwt, read.getAuthorities(), read.getName(), granted);
	}

}
