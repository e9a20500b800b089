package io.snapgate.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates requests that carry an API key, in {@code X-API-Key} or as
 * {@code Authorization: ApiKey <key>} (for clients such as Prometheus that can only set
 * {@code Authorization}). A key that is unknown or revoked is refused at once: it is
 * never mistaken for an anonymous request. So is a request with more than one key,
 * whichever of them is valid: which one counts would otherwise depend on who reads the
 * headers, a proxy in front or the gateway.
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
		List<String> presented = presentedKeys(request);
		if (presented.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		if (presented.size() > 1) {
			refuse(request, response, new MultipleApiKeysException());
			return;
		}
		Optional<ApiKeyAuthentication> authentication = this.verifier.verify(presented.getFirst().strip());
		if (authentication.isEmpty()) {
			refuse(request, response, new BadCredentialsException("Unknown or revoked API key"));
			return;
		}
		var context = this.contexts.createEmptyContext();
		context.setAuthentication(authentication.get());
		this.contexts.setContext(context);
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
			throws IOException, ServletException {
		this.contexts.clearContext();
		this.entryPoint.commence(request, response, reason);
	}

	private static List<String> presentedKeys(HttpServletRequest request) {
		List<String> keys = new ArrayList<>(Collections.list(request.getHeaders(HEADER)));
		for (String authorization : Collections.list(request.getHeaders("Authorization"))) {
			if (authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
				keys.add(authorization.substring(SCHEME.length()));
			}
		}
		return keys;
	}

}
