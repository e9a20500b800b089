package io.snapgate.security;

import io.snapgate.application.Caller;
import io.snapgate.application.CallerIdentity;
import io.snapgate.application.ProviderGrants;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated caller: as the audit log names them, {@code jwt:<subject>} of tenant
 * {@code <subject>@<issuer>} or {@code apikey:<owner>} of tenant {@code <owner>}, and the
 * providers their grants reach. A request that is not authenticated reaches every
 * provider where the gateway runs open (the sandbox), and none anywhere else.
 */
final class SecurityCallerIdentity implements CallerIdentity {

	private final boolean open;

	SecurityCallerIdentity(boolean open) {
		this.open = open;
	}

	@Override
	public Caller current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return switch (authentication) {
			case JwtCaller jwt -> {
				String subject = String.valueOf(jwt.getToken().getSubject());
				String issuer = (jwt.getToken().getIssuer() != null) ? jwt.getToken().getIssuer().toString() : null;
				yield new Caller("jwt:" + subject, (issuer != null) ? subject + "@" + issuer : subject, jwt.grants());
			}
			case ApiKeyAuthentication key -> new Caller("apikey:" + key.getName(), key.getName(), key.grants());
			case null, default ->
				this.open ? Caller.ANONYMOUS : new Caller("anonymous", "anonymous", ProviderGrants.NONE);
		};
	}

}
