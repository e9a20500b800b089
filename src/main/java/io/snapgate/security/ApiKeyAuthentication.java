package io.snapgate.security;

import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A caller authenticated by an API key: the key's owner with the key's scopes. The key
 * itself is not kept.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final String owner;

	ApiKeyAuthentication(String owner, Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.owner = owner;
		setAuthenticated(true);
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
