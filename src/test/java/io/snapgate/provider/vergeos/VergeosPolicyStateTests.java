package io.snapgate.provider.vergeos;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.snapgate.application.PolicyView;
import io.snapgate.domain.Policy;
import io.snapgate.domain.PolicyStatus;
import io.snapgate.domain.PolicyTarget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.snapgate.provider.vergeos.VergeosFixtures.NOW;
import static io.snapgate.provider.vergeos.VergeosFixtures.NOW_EPOCH;
import static io.snapgate.provider.vergeos.VergeosFixtures.PERIOD_FIELDS;
import static io.snapgate.provider.vergeos.VergeosFixtures.PROFILE_FIELDS;
import static io.snapgate.provider.vergeos.VergeosFixtures.SNAPSHOT_FIELDS;
import static io.snapgate.provider.vergeos.VergeosFixtures.newestScheduledSnapshot;
import static io.snapgate.provider.vergeos.VergeosFixtures.periodRow;
import static io.snapgate.provider.vergeos.VergeosFixtures.profileRow;
import static io.snapgate.provider.vergeos.VergeosFixtures.snapshotRow;
import static io.snapgate.provider.vergeos.VergeosFixtures.takenBy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether a VergeOS profile runs. Which profile the whole system uses is in no documented
 * API field, so it is inferred from the newest cloud snapshot a schedule took; a profile
 * the system stopped using, or never used, runs nothing SnapGate knows of and is never
 * overdue.
 */
class VergeosPolicyStateTests {

	private static final long HOUR = 3600;

	private static final long DAY = 86400;

	/** Profile A: hourly, the system's until B took over. */
	private static final long A = 3;

	/** Profile B: hourly, the system's now. */
	private static final long B = 4;

	/** Profile C: made and never used. */
	private static final long C = 5;

	@RegisterExtension
	static final WireMockExtension vergeos = VergeosFixtures.wireMock();

	/** No VM has a snapshot profile. */
	@BeforeEach
	void noVmHasAProfile() {
		vergeos.stubFor(VergeosFixtures.vmsWithProfiles().atPriority(10).willReturn(okJson("[]")));
	}

	private final VergeosPolicies policies = VergeosFixtures.policies(vergeos.baseUrl(), ZoneOffset.UTC);

	@Test
	void theProfileThatTookTheNewestScheduledSnapshotRunsAndTheOneItReplacedIsNeitherActiveNorOverdue() {
		stubProfiles();
		stubNewest(A, 10 * DAY);
		stubNewest(B, -1);
		Instant then = NOW.minusSeconds(10 * DAY - HOUR / 2);
		vergeos.stubFor(newestScheduledSnapshot().willReturn(okJson(takenBy(80, A, 30, NOW_EPOCH - 10 * DAY))));

		Map<String, PolicyView> before = views(this.policies.list(null, 10).items(), then);

		assertThat(before.get("3").policy().status()).isEqualTo(PolicyStatus.ACTIVE);
		assertThat(before.get("3").policy().targets()).containsExactly(PolicyTarget.SYSTEM);
		assertThat(before.get("3").overdue()).isFalse();
		assertThat(before.get("4").policy().status()).isEqualTo(PolicyStatus.NOT_ASSIGNED);

		vergeos.resetRequests();
		vergeos.stubFor(newestScheduledSnapshot().willReturn(okJson(takenBy(90, B, 40, NOW_EPOCH - HOUR / 2))));

		Map<String, PolicyView> views = views(this.policies.list(null, 10).items(), NOW);

		PolicyView a = views.get("3");
		assertThat(a.policy().status()).isEqualTo(PolicyStatus.NOT_ASSIGNED);
		assertThat(a.policy().targets()).isEmpty();
		assertThat(a.policy().lastSnapshotAt()).isEqualTo(Instant.ofEpochSecond(NOW_EPOCH - 10 * DAY));
		assertThat(a.overdue()).as("ten days without a snapshot, but the system no longer uses it").isFalse();
		assertThat(a.policy().attributes())
			.containsEntry("systemAssignment", "newest-scheduled-snapshot-from-another-profile")
			.containsEntry("systemProfile", "4");
		PolicyView b = views.get("4");
		assertThat(b.policy().status()).isEqualTo(PolicyStatus.ACTIVE);
		assertThat(b.policy().targets()).containsExactly(PolicyTarget.SYSTEM);
		assertThat(b.policy().lastSnapshotAt()).isEqualTo(Instant.ofEpochSecond(NOW_EPOCH - HOUR / 2));
		assertThat(b.overdue()).isFalse();
		assertThat(b.policy().attributes()).containsEntry("systemAssignment",
				"inferred-from-newest-scheduled-snapshot");
		PolicyView c = views.get("5");
		assertThat(c.policy().status()).as("never used").isEqualTo(PolicyStatus.NOT_ASSIGNED);
		assertThat(c.policy().lastSnapshotAt()).isNull();
		assertThat(c.overdue()).isFalse();
		vergeos.verify(1, getRequestedFor(urlPathEqualTo("/api/v4/cloud_snapshots")).withQueryParam("filter",
				equalTo(VergeosFixtures.SCHEDULED)));
		vergeos.verify(0, getRequestedFor(urlPathEqualTo("/api/v4/cloud_snapshots")).withQueryParam("filter",
				equalTo("snapshot_profile eq " + B)));
		assertThat(vergeos.getAllServeEvents())
			.as("profiles, periods, the newest scheduled snapshot, the VMs, and the newest of A and of C")
			.hasSize(6);
	}

	@Test
	void beforeTheNewProfileTakesItsFirstSnapshotTheOldOneIsStillTheSystemsAndFallsOverdue() {
		stubProfiles();
		stubNewest(B, -1);
		vergeos.stubFor(newestScheduledSnapshot().willReturn(okJson(takenBy(80, A, 30, NOW_EPOCH - 5 * HOUR))));

		Map<String, PolicyView> views = views(this.policies.list(null, 10).items(), NOW);

		assertThat(views.get("3").policy().status()).isEqualTo(PolicyStatus.ACTIVE);
		assertThat(views.get("3").overdue()).as("no system snapshot for five hourly runs").isTrue();
		assertThat(views.get("4").policy().status()).isEqualTo(PolicyStatus.NOT_ASSIGNED);
		assertThat(views.get("4").overdue()).isFalse();
	}

	@Test
	void withoutAnyScheduledSnapshotNoProfileCanBeToldToRunAndNoneIsReadFurther() {
		stubProfiles();
		vergeos.stubFor(newestScheduledSnapshot().willReturn(okJson("[]")));

		List<Policy> listed = this.policies.list(null, 10).items();

		assertThat(listed).extracting(Policy::status).containsOnly(PolicyStatus.UNKNOWN);
		assertThat(listed).allSatisfy((policy) -> {
			assertThat(policy.targets()).isEmpty();
			assertThat(policy.lastSnapshotAt()).isNull();
			assertThat(policy.attributes()).containsEntry("systemAssignment", "no-scheduled-snapshot")
				.doesNotContainKey("systemProfile");
			assertThat(PolicyView.at(policy, NOW).overdue()).isFalse();
		});
		vergeos.verify(1, getRequestedFor(urlPathEqualTo("/api/v4/cloud_snapshots")));
	}

	@Test
	void theSystemsProfileIsReadInThreeRequestsAndAnotherInFour() {
		stubProfiles();
		stubNewest(A, 10 * DAY);
		vergeos.stubFor(newestScheduledSnapshot().willReturn(okJson(takenBy(90, B, 40, NOW_EPOCH - HOUR / 2))));

		Policy b = this.policies.get("4").orElseThrow();
		int forB = vergeos.getAllServeEvents().size();
		Policy a = this.policies.get("3").orElseThrow();

		assertThat(b.status()).isEqualTo(PolicyStatus.ACTIVE);
		assertThat(b.lastSnapshotAt()).isEqualTo(Instant.ofEpochSecond(NOW_EPOCH - HOUR / 2));
		assertThat(forB).as("the profile, its periods, the newest scheduled snapshot, the VMs").isEqualTo(4);
		assertThat(a.status()).isEqualTo(PolicyStatus.NOT_ASSIGNED);
		assertThat(a.lastSnapshotAt()).isEqualTo(Instant.ofEpochSecond(NOW_EPOCH - 10 * DAY));
		assertThat(vergeos.getAllServeEvents().size() - forB).as("and its own newest snapshot").isEqualTo(5);
	}

	private static void stubProfiles() {
		vergeos
			.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profiles")).withQueryParam("fields", equalTo(PROFILE_FIELDS))
				.willReturn(okJson("[" + profileRow(A, "alpha", "") + "," + profileRow(B, "bravo", "") + ","
						+ profileRow(C, "charlie", "") + "]")));
		for (long key : List.of(A, B, C)) {
			vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profiles/" + key))
				.willReturn(okJson(profileRow(key, "p" + key, ""))));
			vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profile_periods"))
				.withQueryParam("fields", equalTo(PERIOD_FIELDS))
				.withQueryParam("filter", equalTo("profile eq " + key))
				.willReturn(okJson("[" + hourly(key) + "]")));
		}
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profile_periods"))
			.withQueryParam("filter", equalTo("(profile eq 3 or profile eq 4 or profile eq 5)"))
			.willReturn(okJson("[" + hourly(A) + "," + hourly(B) + "," + hourly(C) + "]")));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots"))
			.withQueryParam("filter", equalTo("snapshot_profile eq " + C))
			.willReturn(okJson("[]")));
	}

	/**
	 * The newest snapshot {@code profile} took, {@code age} seconds ago; none for a
	 * negative age.
	 */
	private static void stubNewest(long profile, long age) {
		String rows = (age < 0) ? "[]" : "[" + snapshotRow(70 + profile, "hourly-at-00_" + profile, "", NOW_EPOCH - age,
				NOW_EPOCH - age + DAY, false, "unlocked", 0, "normal", null) + "]";
		vergeos
			.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots")).withQueryParam("fields", equalTo(SNAPSHOT_FIELDS))
				.withQueryParam("filter", equalTo("snapshot_profile eq " + profile))
				.withQueryParam("sort", equalTo("-created"))
				.withQueryParam("limit", equalTo("1"))
				.willReturn(okJson(rows)));
	}

	private static String hourly(long profile) {
		return periodRow(10 * profile, profile, "hourly-at-00", "hourly", 0, 0, "any", 0, DAY, 1, false);
	}

	private static Map<String, PolicyView> views(List<Policy> policies, Instant now) {
		return policies.stream()
			.map((policy) -> PolicyView.at(policy, now))
			.collect(Collectors.toMap((view) -> view.policy().nativeId(), Function.identity()));
	}

}
