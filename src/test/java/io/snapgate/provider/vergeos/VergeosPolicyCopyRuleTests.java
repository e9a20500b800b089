package io.snapgate.provider.vergeos;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.snapgate.domain.ConflictException;
import io.snapgate.domain.CopyRule;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.Policy;
import io.snapgate.domain.PolicyCopy;
import io.snapgate.domain.PolicyRetention;
import io.snapgate.domain.PolicySchedule;
import io.snapgate.domain.PolicySpec;
import io.snapgate.domain.Preview;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ScheduleRule;
import io.snapgate.domain.UpstreamErrorException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.snapgate.provider.vergeos.VergeosFixtures.NOW_EPOCH;
import static io.snapgate.provider.vergeos.VergeosFixtures.PERIOD_FIELDS;
import static io.snapgate.provider.vergeos.VergeosFixtures.newestScheduledSnapshot;
import static io.snapgate.provider.vergeos.VergeosFixtures.periodRow;
import static io.snapgate.provider.vergeos.VergeosFixtures.profileRow;
import static io.snapgate.provider.vergeos.VergeosFixtures.takenBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A policy's copy rules on VergeOS: every period of the profile linked to the outgoing
 * sync that reaches the target ({@code site_syncs_outgoing_profile_periods}), read back
 * after each write, with the newest copy the remote site holds; links removed before the
 * periods they name; and every rule VergeOS cannot run refused before anything is
 * written.
 */
class VergeosPolicyCopyRuleTests {

	@RegisterExtension
	static final WireMockExtension vergeos = VergeosFixtures.wireMock();

	private static final String LINKS = "/api/v4/site_syncs_outgoing_profile_periods";

	private static final String PERIODS = "/api/v4/snapshot_profile_periods";

	private static final String DAILY = periodRow(70, 7, "daily-0200", "daily", 0, 2, "any", 0, 604800, 1, false);

	private static final String HOURLY = periodRow(71, 7, "hourly-at-15", "hourly", 15, 0, "any", 0, 86400, 1, false);

	private static final ProviderId DR = new ProviderId("vergeos-dr");

	private static final IdempotencyKey KEY = new IdempotencyKey("policy-1", IdempotencyKey.sha256Hex("spec"));

	private final VergeosPolicies policies = VergeosFixtures.policies(vergeos.baseUrl(), ZoneOffset.UTC,
			Map.of("vergeos-dr", "to-dr-site"));

	@BeforeEach
	void aSyncReachesTheDrSite() {
		vergeos.stubFor(put(urlPathMatching(PERIODS + "/\\d+")).willReturn(ok()));
		vergeos.stubFor(VergeosFixtures.vmsWithProfiles().atPriority(10).willReturn(okJson("[]")));
		syncs(true);
		vergeos.stubFor(newestScheduledSnapshot().willReturn(okJson(takenBy(40, 1, 10, NOW_EPOCH - 600))));
	}

	@Test
	void aCreateLinksEveryPeriodToTheSyncThatReachesTheTargetAndReadsTheRuleBack() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profiles"))
			.withQueryParam("filter", equalTo("description ct '" + KEY.token(VergeosFixtures.PROVIDER) + "'"))
			.willReturn(okJson("[]")));
		vergeos.stubFor(post(urlPathEqualTo("/api/v4/snapshot_profiles"))
			.willReturn(aResponse().withStatus(201).withBody("{\"$key\":\"7\"}")));
		vergeos.stubFor(post(urlPathEqualTo(PERIODS)).willReturn(aResponse().withStatus(201).withBody("{}")));
		profileAnswers(DAILY + "," + HOURLY, "[]");
		vergeos.stubFor(get(urlPathEqualTo(LINKS)).inScenario("links")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson("[]")));
		vergeos.stubFor(post(urlPathEqualTo(LINKS)).inScenario("links")
			.willSetStateTo("linked")
			.willReturn(aResponse().withStatus(201).withBody("{\"$key\":\"5\"}")));
		vergeos.stubFor(get(urlPathEqualTo(LINKS)).inScenario("links")
			.whenScenarioStateIs("linked")
			.willReturn(okJson("[" + link(80, 70, 2592000) + "," + link(81, 71, 2592000) + "]")));

		Policy policy = this.policies.create(spec(new CopyRule(DR, Duration.ofDays(30))), KEY);

		vergeos.verify(2, postRequestedFor(urlPathEqualTo(LINKS)));
		vergeos.verify(postRequestedFor(urlPathEqualTo(LINKS)).withRequestBody(equalToJson(
				"""
						{"site_syncs_outgoing":3,"profile_period":70,"retention":2592000,"priority":0,"do_not_expire":false}""")));
		vergeos.verify(postRequestedFor(urlPathEqualTo(LINKS)).withRequestBody(equalToJson(
				"""
						{"site_syncs_outgoing":3,"profile_period":71,"retention":2592000,"priority":0,"do_not_expire":false}""")));
		vergeos.verify(getRequestedFor(urlPathEqualTo(LINKS))
			.withQueryParam("fields", equalTo("$key,site_syncs_outgoing,profile_period,retention,do_not_expire"))
			.withQueryParam("filter", equalTo("(profile_period eq 70 or profile_period eq 71)")));
		assertThat(policy.copies())
			.containsExactly(new PolicyCopy(new CopyRule(DR, Duration.ofDays(30)), true, null, null));
	}

	@Test
	void aPolicyShowsTheNewestOfItsSnapshotsThatTheRemoteSiteHolds() {
		profileAnswers(DAILY + "," + HOURLY, "[" + cloudSnapshot(501, "hourly-at-15_202612011215", NOW_EPOCH - 300)
				+ "," + cloudSnapshot(500, "daily-0200_20261201", NOW_EPOCH - 36000) + "]");
		links("[" + link(80, 70, 2592000) + "," + link(81, 71, 2592000) + "]");
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/site_syncs_outgoing_remote_snaps"))
			.withQueryParam("filter", equalTo("site_syncs_outgoing eq 3"))
			.withQueryParam("sort", equalTo("-created"))
			.willReturn(okJson("""
					[{"$key":12,"name":"someone-elses","status":"complete","remote_key":"902","created":%d},
					 {"$key":11,"name":"daily-0200_20261201","status":"complete","remote_key":"901","created":%d}]"""
				.formatted(NOW_EPOCH - 60, NOW_EPOCH - 36000))));

		Policy policy = this.policies.get("7").orElseThrow();

		assertThat(policy.copies()).containsExactly(new PolicyCopy(new CopyRule(DR, Duration.ofDays(30)), true,
				Instant.ofEpochSecond(NOW_EPOCH - 36000), "901"));
	}

	@Test
	void aLinkToASyncThatIsNoCopyTargetIsNoRuleAndNoLinkIsNoRule() {
		profileAnswers(DAILY, "[]");
		links("[{\"$key\":80,\"site_syncs_outgoing\":4,\"profile_period\":70,\"retention\":86400}]");

		assertThat(this.policies.get("7").orElseThrow().copies()).isEmpty();
	}

	@Test
	void aTargetNoSyncReachesARepeatedTargetAndAFractionOfASecondAreRefusedBeforeAnythingIsWritten() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.policies.create(spec(new CopyRule(new ProviderId("baidu-gz"), null)), KEY))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.UNSUPPORTED_FIELD);
				assertThat(ex.fieldErrors()).extracting((error) -> error.field())
					.containsExactly("copies[0].targetProvider");
			});
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.policies.create(spec(new CopyRule(DR, null), new CopyRule(DR, null)), KEY))
			.satisfies((ex) -> assertThat(ex.fieldErrors()).extracting((error) -> error.field())
				.containsExactly("copies[1].targetProvider"));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.policies.create(spec(new CopyRule(DR, Duration.ofMillis(1500))), KEY))
			.satisfies((ex) -> assertThat(ex.fieldErrors()).extracting((error) -> error.field())
				.containsExactly("copies[0].retention"));
		assertThat(writes()).isEmpty();
	}

	@Test
	void aDisabledSyncIsRefusedNamingTheRule() {
		syncs(false);

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.policies.create(spec(new CopyRule(DR, null)), KEY))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).contains("to-dr-site").contains("disabled");
				assertThat(ex.fieldErrors()).extracting((error) -> error.field())
					.containsExactly("copies[0].targetProvider");
			});
		assertThat(writes()).isEmpty();
	}

	@Test
	void aLinkVergeOsKeepsWithAnotherRetentionIsA502NamingTheField() {
		profileAnswers(DAILY, "[]");
		vergeos.stubFor(get(urlPathEqualTo(LINKS)).inScenario("links")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson("[]")));
		vergeos.stubFor(post(urlPathEqualTo(LINKS)).inScenario("links")
			.willSetStateTo("linked")
			.willReturn(aResponse().withStatus(201).withBody("{}")));
		vergeos.stubFor(get(urlPathEqualTo(LINKS)).inScenario("links")
			.whenScenarioStateIs("linked")
			.willReturn(okJson("[" + link(80, 70, 259200) + "]")));

		assertThatExceptionOfType(UpstreamErrorException.class)
			.isThrownBy(() -> this.policies.replace("7", dailyOnly(new CopyRule(DR, Duration.ofDays(30)))))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("site_syncs_outgoing_profile_periods.retention")
				.contains("repeat the replace"));
	}

	@Test
	void aReplaceUnlinksThePeriodsItDeletesFirstAndDropsARuleNoLongerAsked() {
		profileAnswers(DAILY + "," + HOURLY, "[]");
		links("[" + link(80, 70, 2592000) + "," + link(81, 71, 2592000) + "]");
		vergeos.stubFor(delete(urlPathEqualTo(LINKS + "/80")).willReturn(ok()));
		vergeos.stubFor(delete(urlPathEqualTo(LINKS + "/81")).willReturn(ok()));
		vergeos.stubFor(delete(urlPathEqualTo(PERIODS + "/71")).willReturn(ok()));

		Preview preview = this.policies.previewReplace("7", dailyOnly());

		assertThat(preview.actions()).filteredOn((action) -> action.kind().equals("COPY_RULE"))
			.extracting(Preview.Action::change)
			.containsExactly(Preview.Change.DELETE);

		this.policies.replace("7", dailyOnly());

		List<String> writes = writes();
		assertThat(writes.indexOf("DELETE " + LINKS + "/81")).as("the link goes before its period")
			.isLessThan(writes.indexOf("DELETE " + PERIODS + "/71"));
		assertThat(writes).contains("DELETE " + LINKS + "/80");
	}

	@Test
	void aDeleteUnlinksThePeriodsAndARefusedDeleteMakesPeriodsAndLinksAgain() {
		profileAnswers(DAILY, "[]");
		links("[" + link(80, 70, 2592000) + "]");
		vergeos.stubFor(delete(urlPathEqualTo(LINKS + "/80")).willReturn(ok()));
		vergeos.stubFor(delete(urlPathEqualTo(PERIODS + "/70")).willReturn(ok()));
		vergeos.stubFor(post(urlPathEqualTo("/api/v4/snapshot_profile_actions"))
			.willReturn(aResponse().withStatus(409).withBody("{\"err\":\"Snapshot profile is in use\"}")));
		vergeos.stubFor(post(urlPathEqualTo(PERIODS)).willReturn(aResponse().withStatus(201).withBody("{}")));
		vergeos.stubFor(post(urlPathEqualTo(LINKS)).willReturn(aResponse().withStatus(201).withBody("{}")));

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.policies.delete("7"));

		List<String> writes = writes();
		assertThat(writes).startsWith("DELETE " + LINKS + "/80", "DELETE " + PERIODS + "/70",
				"POST /api/v4/snapshot_profile_actions", "POST " + PERIODS);
		// the links stub answers the link as it was, so the read-back finds it kept
		assertThat(writes).doesNotContain("POST " + LINKS);
	}

	private static PolicySpec spec(CopyRule... copies) {
		return new PolicySpec("nightly",
				new PolicySchedule(ZoneOffset.UTC,
						List.of(new ScheduleRule.Daily(LocalTime.of(2, 0)), new ScheduleRule.Hourly(15))),
				new PolicyRetention(Duration.ofDays(7), null), false, List.of(), List.of(copies));
	}

	private static PolicySpec dailyOnly(CopyRule... copies) {
		return new PolicySpec("nightly",
				new PolicySchedule(ZoneOffset.UTC, List.of(new ScheduleRule.Daily(LocalTime.of(2, 0)))),
				new PolicyRetention(Duration.ofDays(7), null), false, List.of(), List.of(copies));
	}

	private static void syncs(boolean enabled) {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/site_syncs_outgoing"))
			.withQueryParam("fields", equalTo("$key,name,enabled,status,state"))
			.willReturn(okJson("""
					[{"$key":3,"name":"to-dr-site","enabled":%s,"status":"syncing","state":"online"},
					 {"$key":4,"name":"to-lab","enabled":true,"status":"syncing","state":"online"}]"""
				.formatted(enabled))));
	}

	private static void profileAnswers(String periods, String cloudSnapshots) {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profiles/7"))
			.willReturn(okJson(profileRow(7, "nightly", "Protection policy managed through SnapGate"))));
		vergeos.stubFor(get(urlPathEqualTo(PERIODS)).withQueryParam("fields", equalTo(PERIOD_FIELDS))
			.withQueryParam("filter", equalTo("profile eq 7"))
			.willReturn(okJson("[" + periods + "]")));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots"))
			.withQueryParam("filter", equalTo("snapshot_profile eq 7"))
			.willReturn(okJson(cloudSnapshots)));
	}

	private static void links(String rows) {
		vergeos.stubFor(get(urlPathEqualTo(LINKS)).willReturn(okJson(rows)));
	}

	private static String link(long key, long period, @Nullable Integer retention) {
		return """
				{"$key":%d,"site_syncs_outgoing":3,"profile_period":%d,"retention":%s,"do_not_expire":false}"""
			.formatted(key, period, retention);
	}

	private static String cloudSnapshot(long key, String name, long created) {
		return """
				{"$key":%d,"name":"%s","created":%d,"expires":0,"snapshot_profile":7,"snapshot_period":70}"""
			.formatted(key, name, created);
	}

	private static List<String> writes() {
		return vergeos.findAll(anyRequestedFor(anyUrl()))
			.stream()
			.filter((request) -> !request.getMethod().getName().equals("GET"))
			.map((request) -> request.getMethod().getName() + " " + request.getUrl())
			.toList();
	}

}
