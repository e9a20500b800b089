package io.snapgate.security;

import java.io.Serial;
import java.util.Collection;

import io.snapgate.application.ProviderGrants;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A caller authenticated by a JWT, with the grants its token carries, read once.
 */
final class JwtCaller extends JwtAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	// sessions are stateless: an authentication is never serialized
	private final transient ProviderGrants grants;

	JwtCaller(Jwt jwt, Collection<? extends GrantedAuthority> authorities, String name, ProviderGrants grants) {
		super(jwt, authorities, name);
		this.grants = grants;
	}

	ProviderGrants grants() {
		return this.grants;
	}

}
