package io.snapgate.provider.vergeos;

import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.snapgate.application.ProviderAccess;
import io.snapgate.application.ProviderScope;
import io.snapgate.application.SnapshotLocator;
import io.snapgate.domain.PolicyFeatures;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.ProviderHealth;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.domain.SnapshotRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.snapgate.provider.vergeos.VergeosFixtures.API_KEY;
import static io.snapgate.provider.vergeos.VergeosFixtures.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the adapter answers itself: which ids are its own, its health from the system row,
 * and what its snapshot profiles can honour.
 */
class VergeosSnapshotProviderTests {

	@RegisterExtension
	static final WireMockExtension vergeos = VergeosFixtures.wireMock();

	private final VergeosSnapshotProvider provider = VergeosFixtures.provider(VergeosFixtures.basic(vergeos.baseUrl()));

	@Test
	void anIdThatIsNotAKeyNeverReachesVergeos() {
		assertThat(this.provider.isValidNativeId("12")).isTrue();
		assertThat(this.provider.isValidNativeId("1".repeat(18))).isTrue();
		assertThat(this.provider.isValidNativeId("1".repeat(19))).isFalse();
		assertThat(this.provider.isValidNativeId("12 or 1")).isFalse();
		assertThat(this.provider.isValidNativeId("")).isFalse();
		SnapshotLocator locator = new SnapshotLocator(
				ProviderAccess.unrestricted(new ProviderRegistry(List.of(this.provider))));
		assertThatExceptionOfType(io.snapgate.domain.InvalidRequestException.class)
			.isThrownBy(() -> locator.locate(SnapshotRef.parse(PROVIDER + ":../system"), ProviderScope.SNAPSHOTS_READ));
		vergeos.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void itsPoliciesAreItsSnapshotProfilesReadInTheConfiguredZone() {
		PolicyFeatures features = VergeosFixtures.policies(vergeos.baseUrl(), ZoneId.of("Asia/Tokyo")).features();

		assertThat(this.provider.policies())
			.hasValueSatisfying((policies) -> assertThat(policies.id()).isEqualTo(PROVIDER));
		assertThat(features).isEqualTo(
				new PolicyFeatures(EnumSet.allOf(PolicyFeatures.RuleKind.class), Set.of(), ZoneId.of("Asia/Tokyo"),
						Duration.ofSeconds(1), false, true, true, Set.of(PolicyTarget.Type.MACHINE), 50, false));
		vergeos.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void healthReadsTheSystemRowWithAnApiKey() {
		VergeosSnapshotProvider keyed = VergeosFixtures.provider(VergeosFixtures.apiKey(vergeos.baseUrl()));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/system")).withHeader("Authorization", equalTo("Bearer " + API_KEY))
			.withQueryParam("fields", equalTo("$key,yb_version,os_version,cloud_name"))
			.willReturn(
					okJson("[{\"$key\":1,\"yb_version\":\"4.12.0\",\"os_version\":\"26.0\",\"cloud_name\":\"c\"}]")));

		assertThat(keyed.health()).isEqualTo(ProviderHealth.UP);
		assertThat(this.provider.health()).isEqualTo(ProviderHealth.DOWN);
	}

}
