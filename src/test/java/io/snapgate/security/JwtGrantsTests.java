package io.snapgate.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.snapgate.application.ProviderGrants;
import io.snapgate.application.ProviderScope;
import io.snapgate.domain.ProviderId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A token's grants, from the claim an identity provider fills: entries add up, and a
 * scope that no entry names reaches nothing.
 */
class JwtGrantsTests {

	private static final ProviderId BJ = new ProviderId("baidu-bj");

	private static final ProviderId GZ = new ProviderId("baidu-gz");

	private static final ProviderId PROD = new ProviderId("vergeos-prod");

	private static final List<GrantedAuthority> SCOPES = List.of(new SimpleGrantedAuthority("SCOPE_snapshots:read"),
			new SimpleGrantedAuthority("SCOPE_restores:write"), new SimpleGrantedAuthority("SCOPE_policies:read"),
			new SimpleGrantedAuthority("SCOPE_actuator:read"));

	private final JwtGrants grants = new JwtGrants(new SecuritySettings.Jwt("snapgate_grants", false));

	@Test
	void aTokenWithoutTheClaimReachesEveryProviderAsBefore() {
		assertThat(this.grants.of(jwt(Map.of()), SCOPES)).isSameAs(ProviderGrants.UNRESTRICTED);
	}

	@Test
	void aTokenWithoutTheClaimReachesNothingWhereGrantsAreRequired() {
		JwtGrants required = new JwtGrants(new SecuritySettings.Jwt("snapgate_grants", true));

		assertThat(required.of(jwt(Map.of()), SCOPES)).isSameAs(ProviderGrants.NONE);
	}

	@Test
	void eachEntryGivesItsScopeItsProvidersAndAScopeNoEntryNamesReachesNothing() {
		ProviderGrants granted = this.grants
			.of(jwt(Map.of("snapgate_grants", List.of("snapshots:read@*", "restores:write@vergeos-prod"))), SCOPES);

		assertThat(granted.allows(ProviderScope.SNAPSHOTS_READ, BJ)).isTrue();
		assertThat(granted.allows(ProviderScope.SNAPSHOTS_READ, PROD)).isTrue();
		assertThat(granted.allows(ProviderScope.RESTORES_WRITE, PROD)).isTrue();
		assertThat(granted.allows(ProviderScope.RESTORES_WRITE, BJ)).isFalse();
		assertThat(granted.allows(ProviderScope.POLICIES_READ, BJ)).isFalse();
	}

	@Test
	void aStarEntryGivesEveryScopeOfTheTokenAndEntriesAddUp() {
		ProviderGrants granted = this.grants
			.of(jwt(Map.of("snapgate_grants", List.of("*@baidu-bj", "snapshots:read@baidu-*"))), SCOPES);

		assertThat(granted.allows(ProviderScope.RESTORES_WRITE, BJ)).isTrue();
		assertThat(granted.allows(ProviderScope.POLICIES_READ, BJ)).isTrue();
		assertThat(granted.allows(ProviderScope.SNAPSHOTS_READ, GZ)).isTrue();
		assertThat(granted.allows(ProviderScope.RESTORES_WRITE, GZ)).isFalse();
		assertThat(granted.allows(ProviderScope.SNAPSHOTS_WRITE, BJ)).as("a scope the token does not have").isFalse();
		assertThat(granted.sees(PROD)).isFalse();
	}

	@Test
	void theClaimMayBeOneStringOfEntriesAndItsNameIsConfigured() {
		JwtGrants named = new JwtGrants(new SecuritySettings.Jwt("tenancy", false));

		ProviderGrants granted = named.of(jwt(Map.of("tenancy", " snapshots:read@baidu-* \trestores:write@baidu-bj ")),
				SCOPES);

		assertThat(granted.allows(ProviderScope.SNAPSHOTS_READ, GZ)).isTrue();
		assertThat(granted.allows(ProviderScope.RESTORES_WRITE, BJ)).isTrue();
		assertThat(granted.allows(ProviderScope.RESTORES_WRITE, GZ)).isFalse();
		assertThat(this.grants.of(jwt(Map.of("tenancy", "snapshots:read@baidu-bj")), SCOPES))
			.as("another claim is not the grants claim")
			.isSameAs(ProviderGrants.UNRESTRICTED);
	}

	@Test
	void anEmptyClaimReachesNothing() {
		assertThat(this.grants.of(jwt(Map.of("snapgate_grants", List.of())), SCOPES).sees(BJ)).isFalse();
		assertThat(this.grants.of(jwt(Map.of("snapgate_grants", "")), SCOPES).sees(BJ)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "snapshots:read", "@baidu-bj", "snapshots:read@", "snapshot:read@baidu-bj",
			"actuator:read@baidu-bj", "snapshots:read@Baidu-BJ", "snapshots:read@baidu-bj@x", "snapshots:read@baidu_bj",
			"restores:write@../x" })
	void anEntryThatCannotBeReadRefusesTheToken(String entry) {
		assertThatExceptionOfType(InvalidGrantsClaimException.class)
			.isThrownBy(
					() -> this.grants.of(jwt(Map.of("snapgate_grants", List.of("snapshots:read@*", entry))), SCOPES))
			.withMessageContaining("snapgate_grants");
	}

	@Test
	void aClaimThatIsNotStringsRefusesTheToken() {
		assertThatExceptionOfType(InvalidGrantsClaimException.class)
			.isThrownBy(() -> this.grants.of(jwt(Map.of("snapgate_grants", Map.of("snapshots:read", "*"))), SCOPES));
		assertThatExceptionOfType(InvalidGrantsClaimException.class)
			.isThrownBy(() -> this.grants.of(jwt(Map.of("snapgate_grants", List.of(1, 2))), SCOPES));
		assertThatExceptionOfType(InvalidGrantsClaimException.class).isThrownBy(() -> this.grants.of(
				jwt(Map.of("snapgate_grants", java.util.Collections.nCopies(JwtGrants.MAX_ENTRIES + 1, "*@*"))),
				SCOPES));
	}

	private static Jwt jwt(Map<String, Object> claims) {
		Jwt.Builder jwt = Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.subject("tool")
			.issuedAt(Instant.parse("2026-12-01T00:00:00Z"));
		claims.forEach(jwt::claim);
		return jwt.build();
	}

}
