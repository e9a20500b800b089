package io.snapgate.provider.vergeos;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.snapgate.domain.Cursor;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.Page;
import io.snapgate.domain.Policy;
import io.snapgate.domain.PolicyRetention;
import io.snapgate.domain.PolicyStatus;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.ScheduleRule;
import io.snapgate.domain.UpstreamErrorException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.snapgate.provider.vergeos.VergeosFixtures.NOW_EPOCH;
import static io.snapgate.provider.vergeos.VergeosFixtures.PASSWORD;
import static io.snapgate.provider.vergeos.VergeosFixtures.PERIOD_FIELDS;
import static io.snapgate.provider.vergeos.VergeosFixtures.PROFILE_FIELDS;
import static io.snapgate.provider.vergeos.VergeosFixtures.PROVIDER;
import static io.snapgate.provider.vergeos.VergeosFixtures.SNAPSHOT_FIELDS;
import static io.snapgate.provider.vergeos.VergeosFixtures.USER;
import static io.snapgate.provider.vergeos.VergeosFixtures.newestScheduledSnapshot;
import static io.snapgate.provider.vergeos.VergeosFixtures.periodRow;
import static io.snapgate.provider.vergeos.VergeosFixtures.profileRow;
import static io.snapgate.provider.vergeos.VergeosFixtures.snapshotRow;
import static io.snapgate.provider.vergeos.VergeosFixtures.takenBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading snapshot profiles as policies: the requests for profiles, their periods and
 * their newest snapshot, and how a profile's periods read as neutral rules.
 */
class VergeosPolicyListingTests {

	@RegisterExtension
	static final WireMockExtension vergeos = VergeosFixtures.wireMock();

	/** No VM has a snapshot profile. */
	@BeforeEach
	void noVmHasAProfile() {
		vergeos.stubFor(VergeosFixtures.vmsWithProfiles().atPriority(10).willReturn(okJson("[]")));
	}

	private final VergeosPolicies policies = VergeosFixtures.policies(vergeos.baseUrl(), ZoneOffset.UTC);

	@Test
	void aPageReadsProfilesByNameTheirPeriodsInOneRequestAndTheSystemsNewestScheduledSnapshotOnce() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profiles")).withBasicAuth(USER, PASSWORD)
			.withQueryParam("fields", equalTo(PROFILE_FIELDS))
			.withQueryParam("sort", equalTo("+name"))
			.withQueryParam("limit", equalTo("2"))
			.withQueryParam("offset", equalTo("0"))
			.willReturn(okJson("[" + profileRow(3, "nightly", "") + "," + profileRow(4, "HIPAA", "") + "]")));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profiles")).withQueryParam("offset", equalTo("2"))
			.willReturn(okJson("[]")));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profile_periods"))
			.withQueryParam("fields", equalTo(PERIOD_FIELDS))
			.withQueryParam("filter", equalTo("(profile eq 3 or profile eq 4)"))
			.withQueryParam("sort", equalTo("+name"))
			.withQueryParam("limit", equalTo("500"))
			.withQueryParam("offset", equalTo("0"))
			.willReturn(okJson("[" + periodRow(10, 3, "daily-0200", "daily", 0, 2, "any", 0, 7 * 86400, 1, false) + ","
					+ periodRow(13, 3, "hourly-at-15", "hourly", 15, 0, "any", 0, 86400, 1, false) + ","
					+ periodRow(11, 3, "weekly-sat-0300", "weekly", 0, 3, "sat", 0, 30 * 86400, 2, false) + ","
					+ periodRow(12, 3, "weekly-sun-0300", "weekly", 0, 3, "sun", 0, 30 * 86400, 2, false) + ","
					+ periodRow(20, 4, "Yearly", "yearly", 0, 0, "any", 1, 0, 1, false) + "]")));
		vergeos.stubFor(newestScheduledSnapshot().willReturn(okJson(takenBy(40, 3, 10, NOW_EPOCH - 8 * 3600))));

		Page<Policy> page = this.policies.list(null, 2);

		assertThat(page.next()).isNull();
		assertThat(page.entries()).singleElement().satisfies((entry) -> {
			assertThat(entry.position()).isEqualTo(new Cursor("0"));
			Policy policy = entry.item();
			assertThat(policy.id()).isEqualTo("vergeos-test:3");
			assertThat(policy.provider()).isEqualTo(PROVIDER);
			assertThat(policy.providerType().value()).isEqualTo("vergeos");
			assertThat(policy.name()).isEqualTo("nightly");
			assertThat(policy.schedule().timeZone()).isEqualTo(ZoneOffset.UTC);
			assertThat(policy.schedule().rules()).containsExactly(new ScheduleRule.Daily(LocalTime.of(2, 0)),
					new ScheduleRule.Weekly(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.of(3, 0)),
					new ScheduleRule.Hourly(15));
			assertThat(policy.retention()).isEqualTo(new PolicyRetention(Duration.ofDays(30), 2));
			assertThat(policy.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of("retentionVaries", "true",
					"systemAssignment", "inferred-from-newest-scheduled-snapshot", "systemProfile", "3"));
			assertThat(policy.targets()).containsExactly(PolicyTarget.SYSTEM);
			assertThat(policy.status()).isEqualTo(PolicyStatus.ACTIVE);
			assertThat(policy.immutable()).isFalse();
			assertThat(policy.lastSnapshotAt()).isEqualTo(Instant.ofEpochSecond(NOW_EPOCH - 8 * 3600));
		});
		vergeos.verify(1, getRequestedFor(urlPathEqualTo("/api/v4/cloud_snapshots")));
		assertThat(vergeos.getAllServeEvents())
			.as("two pages of profiles (HIPAA is no policy), the periods, the newest scheduled snapshot, the VMs")
			.hasSize(5);
	}

	@Test
	void theCursorIsTheOffsetOfTheNextProfile() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profiles")).withQueryParam("limit", equalTo("1"))
			.withQueryParam("offset", equalTo("7"))
			.willReturn(okJson("[" + profileRow(8, "a", "") + "]")));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profile_periods"))
			.withQueryParam("filter", equalTo("(profile eq 8)"))
			.willReturn(okJson("[" + periodRow(1, 8, "hourly-at-00", "hourly", 0, 0, "any", 0, 3600, 1, true) + "]")));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots")).willReturn(okJson("[]")));

		Page<Policy> page = this.policies.list(new Cursor("7"), 1);

		assertThat(page.entries()).singleElement().satisfies((entry) -> {
			assertThat(entry.position()).isEqualTo(new Cursor("7"));
			assertThat(entry.item().immutable()).isTrue();
			assertThat(entry.item().lastSnapshotAt()).isNull();
		});
		assertThat(page.next()).isEqualTo(new Cursor("8"));
	}

	@Test
	void onePolicyIsItsProfileItsPeriodsAndItsNewestSnapshot() {
		vergeos.stubFor(
				get(urlPathEqualTo("/api/v4/snapshot_profiles/5")).withQueryParam("fields", equalTo(PROFILE_FIELDS))
					.willReturn(okJson(profileRow(5, "keep", "Protection policy managed through SnapGate "
							+ "[snapgate:0123456789abcdef0123456789abcdef:0123456789ab]"))));
		vergeos.stubFor(
				get(urlPathEqualTo("/api/v4/snapshot_profile_periods")).withQueryParam("fields", equalTo(PERIOD_FIELDS))
					.withQueryParam("filter", equalTo("profile eq 5"))
					.withQueryParam("sort", equalTo("+name"))
					.withQueryParam("limit", equalTo("500"))
					.withQueryParam("offset", equalTo("0"))
					.willReturn(okJson("[" + periodRow(30, 5, "monthly-01-0400", "monthly", 0, 4, "any", 1, 0, 3, true)
							+ "," + periodRow(31, 5, "Yearly", "yearly", 0, 0, "any", 1, 0, 1, true) + "]")));
		vergeos.stubFor(newestScheduledSnapshot().willReturn(okJson(takenBy(40, 1, 10, NOW_EPOCH - 600))));
		vergeos
			.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots")).withQueryParam("fields", equalTo(SNAPSHOT_FIELDS))
				.withQueryParam("filter", equalTo("snapshot_profile eq 5"))
				.withQueryParam("sort", equalTo("-created"))
				.withQueryParam("limit", equalTo("1"))
				.withQueryParam("offset", equalTo("0"))
				.willReturn(okJson("[" + snapshotRow(41, "monthly-01-0400_20261101_0400", "", NOW_EPOCH - 21 * 86400, 0,
						false, "unlocked", 0, "normal", null) + "]")));

		Policy policy = this.policies.get("5").orElseThrow();

		assertThat(policy.schedule().rules()).containsExactly(new ScheduleRule.Monthly(1, LocalTime.of(4, 0)));
		assertThat(policy.retention().isForever()).isTrue();
		assertThat(policy.retention().minKept()).isEqualTo(3);
		assertThat(policy.immutable()).isTrue();
		assertThat(policy.attributes()).containsEntry("unmappedPeriods", "Yearly");
		assertThat(policy.lastSnapshotAt()).isEqualTo(Instant.ofEpochSecond(NOW_EPOCH - 21 * 86400));
	}

	@Test
	void aMissingProfileOrOneWithoutARuleSnapGateCanShowIsNoPolicy() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profiles/6"))
			.willReturn(notFound().withBody("{\"err\":\"Row not found\"}")));
		vergeos
			.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profiles/7")).willReturn(okJson(profileRow(7, "HIPAA", ""))));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profile_periods"))
			.withQueryParam("filter", equalTo("profile eq 7"))
			.willReturn(okJson("[" + periodRow(32, 7, "Yearly", "yearly", 0, 0, "any", 1, 0, 1, false) + ","
					+ periodRow(33, 7, "Any day", "weekly", 0, 1, "any", 0, 60, 1, false) + "]")));

		assertThat(this.policies.get("6")).isEmpty();
		assertThat(this.policies.get("7")).isEmpty();
		vergeos.verify(0, getRequestedFor(urlPathEqualTo("/api/v4/cloud_snapshots")));
	}

	@Test
	void aValueSnapGateCannotReadIsAnUpstreamErrorNamingTheField() {
		vergeos
			.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profiles/9")).willReturn(okJson(profileRow(9, "odd", ""))));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profile_periods"))
			.withQueryParam("filter", equalTo("profile eq 9"))
			.willReturn(okJson("[" + periodRow(34, 9, "hourly", "hourly", 75, 0, "any", 0, 60, 1, false) + "]")));

		assertThatExceptionOfType(UpstreamErrorException.class).isThrownBy(() -> this.policies.get("9"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.UPSTREAM_ERROR);
				assertThat(ex.getMessage()).contains("minute").contains("period 34").contains("policy 9");
			});
	}

	@Test
	void anUnknownFrequencyOrDayIsUnreadableToo() {
		vergeos
			.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profiles/9")).willReturn(okJson(profileRow(9, "odd", ""))));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profile_periods"))
			.withQueryParam("filter", equalTo("profile eq 9"))
			.willReturn(okJson("[" + periodRow(35, 9, "x", "fortnightly", 0, 0, "any", 0, 60, 1, false) + "]")));
		vergeos
			.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profiles/10")).willReturn(okJson(profileRow(10, "odd", ""))));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profile_periods"))
			.withQueryParam("filter", equalTo("profile eq 10"))
			.willReturn(okJson("[" + periodRow(36, 10, "x", "weekly", 0, 0, "caturday", 0, 60, 1, false) + "]")));

		assertThatExceptionOfType(UpstreamErrorException.class).isThrownBy(() -> this.policies.get("9"))
			.withMessageContaining("frequency");
		assertThatExceptionOfType(UpstreamErrorException.class).isThrownBy(() -> this.policies.get("10"))
			.withMessageContaining("day_of_week");
	}

	@Test
	void aValueOfTheWrongTypeIsUnreadableNamingTheField() {
		vergeos
			.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profiles/11")).willReturn(okJson(profileRow(11, "odd", ""))));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profile_periods"))
			.withQueryParam("filter", equalTo("profile eq 11"))
			.willReturn(okJson("[" + periodRow(37, 11, "x", "hourly", 0, 0, "any", 0, 60, 1, false)
				.replace("\"retention\":60", "\"retention\":\"a week\"") + "]")));

		assertThatExceptionOfType(UpstreamErrorException.class).isThrownBy(() -> this.policies.get("11"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.UPSTREAM_ERROR);
				assertThat(ex.getMessage()).contains("retention");
			});
	}

	@Test
	void malformedJsonIsAnUpstreamError() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profiles")).willReturn(
				aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("[{\"$key\":")));

		assertThatExceptionOfType(UpstreamErrorException.class).isThrownBy(() -> this.policies.list(null, 10))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UPSTREAM_ERROR));
	}

	@Test
	void aPolicyIdIsAProfileKey() {
		assertThat(this.policies.isValidPolicyId("12")).isTrue();
		assertThat(this.policies.isValidPolicyId("asp-oG6prjrl")).isFalse();
		assertThat(this.policies.isValidPolicyId("1 or 1")).isFalse();
		assertThat(List.of(this.policies.features().rules().size(), this.policies.features().rulesPerPolicy()))
			.containsExactly(4, 50);
	}

}
