package io.snapgate.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.snapgate.application.ProviderGlob;
import io.snapgate.application.ProviderGrants;
import io.snapgate.application.ProviderScope;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads a token's grants from its grants claim: {@code scope@provider} entries, such as
 * {@code snapshots:read@*} or {@code restores:write@vergeos-prod}, with {@code *@baidu-*}
 * for every scope of the token. The claim is a list of strings, or one string of entries
 * separated by spaces, as identity providers such as Keycloak issue attributes. Entries
 * add up, as attributes from several groups do, and a scope of the token that no entry
 * names reaches no provider. A token without the claim reaches every provider, unless
 * grants are required; one whose claim cannot be read is refused.
 */
final class JwtGrants {

	static final int MAX_ENTRIES = 256;

	private static final String EVERY_SCOPE = "*";

	private final String claim;

	private final boolean required;

	JwtGrants(SecuritySettings.Jwt settings) {
		this.claim = settings.grantsClaim();
		this.required = settings.requireGrants();
	}

	/**
	 * @param authorities what the token was granted, its scopes among them
	 * @throws InvalidGrantsClaimException when the claim is not a list of entries of that
	 * form
	 */
	ProviderGrants of(Jwt jwt, Collection<? extends GrantedAuthority> authorities) {
		Object claimed = jwt.getClaims().get(this.claim);
		if (claimed == null) {
			return this.required ? ProviderGrants.NONE : ProviderGrants.UNRESTRICTED;
		}
		List<Entry> entries = entries(claimed);
		Map<ProviderScope, Set<ProviderGlob>> reach = new EnumMap<>(ProviderScope.class);
		for (GrantedAuthority authority : authorities) {
			String name = authority.getAuthority();
			Optional<ProviderScope> held = (name != null) ? Scopes.providerScopeOf(name) : Optional.empty();
			held.ifPresent((scope) -> reach.put(scope, reachOf(scope, entries)));
		}
		return ProviderGrants.of(reach);
	}

	private static Set<ProviderGlob> reachOf(ProviderScope scope, List<Entry> entries) {
		Set<ProviderGlob> globs = new LinkedHashSet<>();
		for (Entry entry : entries) {
			if (entry.scope().equals(EVERY_SCOPE) || entry.scope().equals(scope.value())) {
				globs.add(entry.providers());
			}
		}
		return globs;
	}

	private List<Entry> entries(Object value) {
		List<String> raw = new ArrayList<>();
		if (value instanceof String text) {
			for (String part : text.split("\\s+", -1)) {
				if (!part.isEmpty()) {
					raw.add(part);
				}
			}
		}
		else if (value instanceof Collection<?> list) {
			for (Object item : list) {
				if (!(item instanceof String text)) {
					throw invalid();
				}
				raw.add(text.strip());
			}
		}
		else {
			throw invalid();
		}
		if (raw.size() > MAX_ENTRIES) {
			throw invalid();
		}
		return raw.stream().map(this::entry).toList();
	}

	private Entry entry(String text) {
		int at = text.indexOf('@');
		if (at <= 0 || at != text.lastIndexOf('@')) {
			throw invalid();
		}
		String scope = text.substring(0, at);
		String providers = text.substring(at + 1);
		if ((!scope.equals(EVERY_SCOPE) && ProviderScope.of(scope).isEmpty()) || !ProviderGlob.isValid(providers)) {
			throw invalid();
		}
		return new Entry(scope, new ProviderGlob(providers));
	}

	private InvalidGrantsClaimException invalid() {
		return new InvalidGrantsClaimException(this.claim);
	}

	/**
	 * @param scope a scope, or {@code *} for every scope of the token
	 */
	private record Entry(String scope, ProviderGlob providers) {
	}

}
