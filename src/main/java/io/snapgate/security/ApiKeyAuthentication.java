package io.snapgate.security;

import java.util.Collection;

import io.snapgate.application.ProviderGrants;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A caller authenticated by an API key: the key's owner with the key's scopes and the
 * providers they reach. The key itself is not kept.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final String owner;

	// sessions are stateless: an authentication is never serialized
	private final transient ProviderGrants grants;

	ApiKeyAuthentication(String owner, Collection<? extends GrantedAuthority> authorities, ProviderGrants grants) {
		super(authorities);
		this.owner = owner;
		this.grants = grants;
		setAuthenticated(true);
	}

	ProviderGrants grants() {
		return this.grants;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return this.owner;
	}

	@Override
	public String getName() {
		return this.owner;
	}

}
