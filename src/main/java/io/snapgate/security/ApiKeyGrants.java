package io.snapgate.security;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.snapgate.application.ProviderGlob;
import io.snapgate.application.ProviderGrants;
import io.snapgate.application.ProviderScope;

/**
 * The providers each scope of an API key reaches: a scope that a grant names reaches the
 * providers of the grants that name it; any other, those of the key's {@code providers},
 * or every provider when the key names none.
 */
final class ApiKeyGrants {

	private ApiKeyGrants() {
	}

	static ProviderGrants of(SecuritySettings.ApiKey key) {
		if (key.providers() == null && key.grants().isEmpty()) {
			return ProviderGrants.UNRESTRICTED;
		}
		Map<ProviderScope, Set<ProviderGlob>> reach = new EnumMap<>(ProviderScope.class);
		for (String held : key.scopes()) {
			Optional<ProviderScope> scope = ProviderScope.of(held);
			scope.ifPresent((granted) -> reach.put(granted, reachOf(key, granted)));
		}
		return ProviderGrants.of(reach);
	}

	private static Set<ProviderGlob> reachOf(SecuritySettings.ApiKey key, ProviderScope scope) {
		List<String> named = new ArrayList<>();
		boolean finer = false;
		for (SecuritySettings.Grant grant : key.grants()) {
			if (grant.scopes().contains(scope.value())) {
				finer = true;
				named.addAll(grant.providers());
			}
		}
		if (!finer) {
			List<String> providers = key.providers();
			if (providers == null) {
				return Set.of(ProviderGlob.ANY);
			}
			named.addAll(providers);
		}
		Set<ProviderGlob> globs = new LinkedHashSet<>();
		named.forEach((glob) -> globs.add(new ProviderGlob(glob)));
		return globs;
	}

}
