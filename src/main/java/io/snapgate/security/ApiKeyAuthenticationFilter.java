package io.snapgate.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates requests that carry an API key, in {@code X-API-Key} or as
 * {@code Authorization: ApiKey <key>} (for clients such as Prometheus that can only set
 * {@code Authorization}). A key that is unknown or revoked is refused at once: it is
 * never mistaken for an anonymous request.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	static final String HEADER = "X-API-Key";

	static final String SCHEME = "ApiKey ";

	private final ApiKeyVerifier verifier;

	private final AuthenticationEntryPoint entryPoint;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	ApiKeyAuthenticationFilter(ApiKeyVerifier verifier, AuthenticationEntryPoint entryPoint) {
		this.verifier = verifier;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = request.getHeader(HEADER);
		String authorization = request.getHeader("Authorization");
		if (presented == null && authorization != null
				&& authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			presented = authorization.substring(SCHEME.length());
		}
		if (presented == null) {
			chain.doFilter(request, response);
			return;
		}
		Optional<ApiKeyAuthentication> authentication = this.verifier.verify(presented.strip());
		if (authentication.isEmpty()) {
			this.contexts.clearContext();
			this.entryPoint.commence(request, response, new BadCredentialsException("Unknown or revoked API key"));
			return;
		}
		var context = this.contexts.createEmptyContext();
		context.setAuthentication(authentication.get());
		this.contexts.setContext(context);
		chain.doFilter(request, response);
	}

}
