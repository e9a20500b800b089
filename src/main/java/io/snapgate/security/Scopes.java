package io.snapgate.security;

import java.util.Optional;
import java.util.Set;

import io.snapgate.application.ProviderScope;

/**
 * The scopes a caller can hold.
 */
public final class Scopes {

	public static final String SNAPSHOTS_READ = "snapshots:read";

	public static final String SNAPSHOTS_WRITE = "snapshots:write";

	public static final String RESTORES_WRITE = "restores:write";

	public static final String POLICIES_READ = "policies:read";

	public static final String POLICIES_WRITE = "policies:write";

	public static final String ACTUATOR_READ = "actuator:read";

	public static final Set<String> ALL = Set.of(SNAPSHOTS_READ, SNAPSHOTS_WRITE, RESTORES_WRITE, POLICIES_READ,
			POLICIES_WRITE, ACTUATOR_READ);

	private Scopes() {
	}

	private static final String AUTHORITY_PREFIX = "SCOPE_";

	static String authority(String scope) {
		return AUTHORITY_PREFIX + scope;
	}

	/** The scope an authority stands for, when it is one that acts on providers. */
	static Optional<ProviderScope> providerScopeOf(String authority) {
		return authority.startsWith(AUTHORITY_PREFIX) ? ProviderScope.of(authority.substring(AUTHORITY_PREFIX.length()))
				: Optional.empty();
	}

}
