package io.snapgate.security;

import io.snapgate.application.CallerIdentity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The authenticated caller as the audit log names them: {@code jwt:<subject>} or
 * {@code apikey:<owner>}.
 */
final class SecurityCallerIdentity implements CallerIdentity {

	@Override
	public String current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return switch (authentication) {
			case JwtAuthenticationToken jwt -> "jwt:" + jwt.getToken().getSubject();
			case ApiKeyAuthentication key -> "apikey:" + key.getName();
			case null, default -> "anonymous";
		};
	}

}
