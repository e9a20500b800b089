package io.snapgate.security;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.snapgate.application.ProviderGrants;
import io.snapgate.application.ProviderScope;
import io.snapgate.domain.ProviderId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How an API key's {@code providers} and {@code grants} limit its scopes, with the two
 * keys docs/security.md shows.
 */
class ApiKeyGrantsTests {

	private static final ProviderId BJ = new ProviderId("baidu-bj");

	private static final ProviderId GZ = new ProviderId("baidu-gz");

	private static final ProviderId PROD = new ProviderId("vergeos-prod");

	@Test
	void aKeyWithoutProvidersOrGrantsReachesEveryProviderAsBefore() {
		assertThat(ApiKeyGrants.of(key(Set.of("snapshots:read", "snapshots:write"), null, List.of())))
			.isSameAs(ProviderGrants.UNRESTRICTED);
	}

	@Test
	void providersLimitEveryScopeOfTheKey() {
		ProviderGrants teamBaidu = ApiKeyGrants
			.of(key(Set.of("snapshots:read", "snapshots:write", "restores:write"), List.of("baidu-*"), List.of()));

		for (ProviderScope scope : List.of(ProviderScope.SNAPSHOTS_READ, ProviderScope.SNAPSHOTS_WRITE,
				ProviderScope.RESTORES_WRITE)) {
			assertThat(teamBaidu.allows(scope, BJ)).isTrue();
			assertThat(teamBaidu.allows(scope, GZ)).isTrue();
			assertThat(teamBaidu.allows(scope, PROD)).isFalse();
		}
		assertThat(teamBaidu.allows(ProviderScope.POLICIES_READ, BJ)).as("a scope the key does not have").isFalse();
		assertThat(teamBaidu.sees(PROD)).isFalse();
	}

	@Test
	void aScopeThatAGrantNamesReachesOnlyThatGrantsProvidersAndTheOthersEveryProvider() {
		ProviderGrants drOncall = ApiKeyGrants.of(key(Set.of("snapshots:read", "restores:write"), null,
				List.of(new SecuritySettings.Grant(Set.of("restores:write"), List.of("vergeos-prod")))));

		assertThat(drOncall.allows(ProviderScope.SNAPSHOTS_READ, BJ)).isTrue();
		assertThat(drOncall.allows(ProviderScope.SNAPSHOTS_READ, PROD)).isTrue();
		assertThat(drOncall.allows(ProviderScope.RESTORES_WRITE, PROD)).isTrue();
		assertThat(drOncall.allows(ProviderScope.RESTORES_WRITE, BJ)).isFalse();
		assertThat(drOncall.allows(ProviderScope.SNAPSHOTS_WRITE, BJ)).as("a scope the key does not have").isFalse();
	}

	@Test
	void aGrantNarrowsOrWidensItsScopesAgainstTheKeysProvidersAndGrantsNamingOneScopeAddUp() {
		ProviderGrants grants = ApiKeyGrants
			.of(key(Set.of("snapshots:read", "snapshots:write", "policies:read"), List.of("baidu-bj"), List.of(
					new SecuritySettings.Grant(Set.of("snapshots:read"), List.of("baidu-*")),
					new SecuritySettings.Grant(Set.of("snapshots:read", "policies:read"), List.of("vergeos-prod")))));

		assertThat(grants.allows(ProviderScope.SNAPSHOTS_READ, GZ)).isTrue();
		assertThat(grants.allows(ProviderScope.SNAPSHOTS_READ, PROD)).isTrue();
		assertThat(grants.allows(ProviderScope.POLICIES_READ, PROD)).isTrue();
		assertThat(grants.allows(ProviderScope.POLICIES_READ, BJ)).as("named in a grant: providers do not add")
			.isFalse();
		assertThat(grants.allows(ProviderScope.SNAPSHOTS_WRITE, BJ)).isTrue();
		assertThat(grants.allows(ProviderScope.SNAPSHOTS_WRITE, GZ)).isFalse();
	}

	@Test
	void aKeyForMetricsAloneWithProvidersSeesNoProvider() {
		ProviderGrants grants = ApiKeyGrants.of(key(Set.of("actuator:read"), List.of("baidu-*"), List.of()));

		assertThat(grants.sees(BJ)).isFalse();
	}

	@Test
	void theScopesThatGrantsTakeAreTheScopesThatActOnProviders() {
		List<String> providerScopes = Arrays.stream(ProviderScope.values()).map(ProviderScope::value).toList();

		assertThat(SecuritySettings.PROVIDER_SCOPES.split("\\|", -1))
			.containsExactlyInAnyOrderElementsOf(providerScopes);
		assertThat(Scopes.ALL).containsAll(providerScopes)
			.hasSize(providerScopes.size() + 1)
			.contains(Scopes.ACTUATOR_READ);
	}

	private static SecuritySettings.ApiKey key(Set<String> scopes, @Nullable List<String> providers,
			List<SecuritySettings.Grant> grants) {
		return new SecuritySettings.ApiKey("team", "0".repeat(64), scopes, false, providers, grants);
	}

}
