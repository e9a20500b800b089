package bench.fairpeer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request whose {@code X-API-Key} hashes to the configured SHA-256, compared in
 * constant time, afresh on every request; refuses one whose key does not; lets one without a key
 * through as anonymous, for the authorization rules to refuse.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

	private static final int MAX_KEY_LENGTH = 256;

	private final byte[] digest;

	private final String owner;

	private final Collection<? extends GrantedAuthority> authorities;

	private final AuthenticationEntryPoint entryPoint;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	ApiKeyFilter(byte[] digest, String owner, Collection<? extends GrantedAuthority> authorities,
			AuthenticationEntryPoint entryPoint) {
		this.digest = digest;
		this.owner = owner;
		this.authorities = authorities;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader("X-API-Key");
		if (key == null) {
			chain.doFilter(request, response);
			return;
		}
		key = key.strip();
		if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !MessageDigest.isEqual(this.digest, sha256(key))) {
			this.contexts.clearContext();
			this.entryPoint.commence(request, response, new BadCredentialsException("Unknown API key"));
			return;
		}
		var context = this.contexts.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(this.owner, "", this.authorities));
		this.contexts.setContext(context);
		chain.doFilter(request, response);
	}

	private static byte[] sha256(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
