package io.snapgate.provider.vergeos;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.jayway.jsonpath.JsonPath;
import io.snapgate.domain.ConflictException;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.Policy;
import io.snapgate.domain.PolicyRetention;
import io.snapgate.domain.PolicySchedule;
import io.snapgate.domain.PolicySpec;
import io.snapgate.domain.PolicyStatus;
import io.snapgate.domain.ScheduleRule;
import io.snapgate.domain.UpstreamErrorException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.snapgate.provider.vergeos.VergeosFixtures.NOW_EPOCH;
import static io.snapgate.provider.vergeos.VergeosFixtures.PASSWORD;
import static io.snapgate.provider.vergeos.VergeosFixtures.PERIOD_FIELDS;
import static io.snapgate.provider.vergeos.VergeosFixtures.PROFILE_FIELDS;
import static io.snapgate.provider.vergeos.VergeosFixtures.PROVIDER;
import static io.snapgate.provider.vergeos.VergeosFixtures.USER;
import static io.snapgate.provider.vergeos.VergeosFixtures.newestScheduledSnapshot;
import static io.snapgate.provider.vergeos.VergeosFixtures.periodRow;
import static io.snapgate.provider.vergeos.VergeosFixtures.profileRow;
import static io.snapgate.provider.vergeos.VergeosFixtures.takenBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Creating a policy: the profile and period bodies VergeOS is sent, the idempotency
 * marker that makes a repeat find the first profile, and the undoing of a create that
 * fails part-way.
 */
class VergeosPolicyCreationTests {

	@RegisterExtension
	static final WireMockExtension vergeos = VergeosFixtures.wireMock();

	/** No VM has a snapshot profile. */
	@BeforeEach
	void noVmHasAProfile() {
		vergeos.stubFor(VergeosFixtures.vmsWithProfiles().atPriority(10).willReturn(okJson("[]")));
	}

	private static final IdempotencyKey KEY = new IdempotencyKey("policy-1", IdempotencyKey.sha256Hex("spec A"));

	private static final String TOKEN = KEY.token(PROVIDER);

	private static final String DESCRIPTION = "Protection policy managed through SnapGate [snapgate:" + TOKEN + ":"
			+ KEY.fingerprint().substring(0, 12) + "]";

	private static final String PERIODS = "/api/v4/snapshot_profile_periods";

	private final VergeosPolicies policies = VergeosFixtures.policies(vergeos.baseUrl(), ZoneOffset.UTC);

	@Test
	void aCreatePostsTheMarkedProfileThenOnePeriodPerRuleAndDayAndReadsItBack() {
		lookupAnswers("[]");
		vergeos.stubFor(post(urlPathEqualTo("/api/v4/snapshot_profiles")).withBasicAuth(USER, PASSWORD)
			.withRequestBody(equalToJson("{\"name\":\"nightly\",\"description\":\"" + DESCRIPTION + "\"}"))
			.willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"location\":\"/v4/snapshot_profiles/7\",\"dbpath\":\"snapshot_profiles/7\",\"$row\":1,"
						+ "\"$key\":\"7\"}")));
		periodPostsAnswer();
		readBackAnswers(7, periodRow(70, 7, "hourly-at-15", "hourly", 15, 0, "any", 0, 604800, 1, true));

		Policy policy = this.policies.create(
				spec("nightly", ZoneOffset.UTC, new ScheduleRule.Hourly(15), new ScheduleRule.Daily(LocalTime.of(2, 0)),
						new ScheduleRule.Weekly(Set.of(DayOfWeek.SUNDAY, DayOfWeek.SATURDAY), LocalTime.of(3, 0)),
						new ScheduleRule.Monthly(1, LocalTime.of(4, 0))),
				KEY);

		assertThat(policy.nativeId()).isEqualTo("7");
		assertThat(policy.status()).as("SnapGate gives the profile to nothing").isEqualTo(PolicyStatus.NOT_ASSIGNED);
		assertThat(policy.targets()).isEmpty();
		assertThat(policy.attributes())
			.containsEntry("systemAssignment", "newest-scheduled-snapshot-from-another-profile")
			.containsEntry("systemProfile", "1");
		assertThat(postedPeriodNames()).containsExactly("hourly-at-15", "daily-0200", "weekly-sat-0300",
				"weekly-sun-0300", "monthly-01-0400");
		expectPeriod("""
				{"profile":7,"name":"hourly-at-15","frequency":"hourly","minute":15,"hour":0,"day_of_week":"any",
				 "day_of_month":0,"month":0,"retention":604800,"min_snapshots":1,"immutable":true}""");
		expectPeriod("""
				{"profile":7,"name":"daily-0200","frequency":"daily","minute":0,"hour":2,"day_of_week":"any",
				 "day_of_month":0,"month":0,"retention":604800,"min_snapshots":1,"immutable":true}""");
		expectPeriod("""
				{"profile":7,"name":"weekly-sat-0300","frequency":"weekly","minute":0,"hour":3,"day_of_week":"sat",
				 "day_of_month":0,"month":0,"retention":604800,"min_snapshots":1,"immutable":true}""");
		expectPeriod("""
				{"profile":7,"name":"weekly-sun-0300","frequency":"weekly","minute":0,"hour":3,"day_of_week":"sun",
				 "day_of_month":0,"month":0,"retention":604800,"min_snapshots":1,"immutable":true}""");
		expectPeriod("""
				{"profile":7,"name":"monthly-01-0400","frequency":"monthly","minute":0,"hour":4,"day_of_week":"any",
				 "day_of_month":1,"month":0,"retention":604800,"min_snapshots":1,"immutable":true}""");
		vergeos.verify(1, postRequestedFor(urlPathEqualTo("/api/v4/snapshot_profiles")));
	}

	@Test
	void theSameKeyTwiceMakesOneProfileWhicheverReplicaIsAsked() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profiles"))
			.withQueryParam("filter", equalTo("description ct '" + TOKEN + "'"))
			.inScenario("twice")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson("[]")));
		vergeos.stubFor(post(urlPathEqualTo("/api/v4/snapshot_profiles")).inScenario("twice")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("made")
			.willReturn(aResponse().withStatus(201).withBody("{\"$key\":\"7\"}")));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profiles"))
			.withQueryParam("filter", equalTo("description ct '" + TOKEN + "'"))
			.inScenario("twice")
			.whenScenarioStateIs("made")
			.willReturn(okJson("[" + profileRow(7, "nightly", DESCRIPTION) + "]")));
		periodPostsAnswer();
		readBackAnswers(7, periodRow(70, 7, "daily-0200", "daily", 0, 2, "any", 0, 604800, 1, false));

		Policy first = this.policies.create(daily("nightly", ZoneOffset.UTC, LocalTime.of(2, 0)), KEY);
		VergeosPolicies otherReplica = VergeosFixtures.policies(vergeos.baseUrl(), ZoneOffset.UTC);
		Policy again = otherReplica.create(daily("nightly", ZoneOffset.UTC, LocalTime.of(2, 0)), KEY);

		assertThat(again.id()).isEqualTo(first.id()).isEqualTo("vergeos-test:7");
		vergeos.verify(1, postRequestedFor(urlPathEqualTo("/api/v4/snapshot_profiles")));
		vergeos.verify(1, postRequestedFor(urlPathEqualTo(PERIODS)));
	}

	@Test
	void theSameKeyWithAnotherSpecIsRefused() {
		lookupAnswers("[" + profileRow(7, "nightly", DESCRIPTION) + "]");
		IdempotencyKey other = new IdempotencyKey(KEY.key(), IdempotencyKey.sha256Hex("spec B"));

		assertThatExceptionOfType(IdempotencyKeyReusedException.class)
			.isThrownBy(() -> this.policies.create(daily("nightly", ZoneOffset.UTC, LocalTime.of(2, 0)), other))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED));
		vergeos.verify(0, postRequestedFor(anyUrl()));
	}

	@Test
	void aRepeatFinishesACreateThatStoppedPartWay() {
		lookupAnswers("[" + profileRow(7, "nightly", DESCRIPTION) + "]");
		periodPostsAnswer();
		readBackAnswers(7, periodRow(70, 7, "hourly-at-15", "hourly", 15, 0, "any", 0, 604800, 1, true));

		this.policies.create(spec("nightly", ZoneOffset.UTC, new ScheduleRule.Hourly(15),
				new ScheduleRule.Daily(LocalTime.of(2, 0))), KEY);

		vergeos.verify(0, postRequestedFor(urlPathEqualTo("/api/v4/snapshot_profiles")));
		assertThat(postedPeriodNames()).containsExactly("daily-0200");
	}

	@Test
	void aPeriodThatFailsDeletesTheNewProfileAgainAndSaysSo() {
		lookupAnswers("[]");
		vergeos.stubFor(post(urlPathEqualTo("/api/v4/snapshot_profiles"))
			.willReturn(aResponse().withStatus(201).withBody("{\"$key\":\"7\"}")));
		vergeos.stubFor(
				post(urlPathEqualTo(PERIODS)).willReturn(aResponse().withStatus(201).withBody("{\"$key\":\"70\"}")));
		vergeos
			.stubFor(post(urlPathEqualTo(PERIODS)).withRequestBody(equalToJson("{\"name\":\"daily-0200\"}", true, true))
				.willReturn(aResponse().withStatus(422)
					.withBody("{\"err\":\"Validation error on field: 'retention' - 'fails validation test'\"}")));
		vergeos.stubFor(get(urlPathEqualTo(PERIODS)).withQueryParam("filter", equalTo("profile eq 7"))
			.willReturn(
					okJson("[" + periodRow(70, 7, "hourly-at-15", "hourly", 15, 0, "any", 0, 604800, 1, true) + "]")));
		vergeos.stubFor(delete(urlPathEqualTo(PERIODS + "/70")).willReturn(ok()));
		vergeos.stubFor(post(urlPathEqualTo("/api/v4/snapshot_profile_actions"))
			.withRequestBody(equalToJson("{\"snapshot_profile\":7,\"action\":\"delete\"}"))
			.willReturn(aResponse().withStatus(201).withBody("{}")));

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.policies.create(
					spec("nightly", ZoneOffset.UTC, new ScheduleRule.Hourly(15),
							new ScheduleRule.Daily(LocalTime.of(2, 0)), new ScheduleRule.Daily(LocalTime.of(3, 0))),
					KEY))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.UPSTREAM_REJECTED_REQUEST);
				assertThat(ex.getMessage()).contains("'daily-0200'").contains("deleted again").contains("nothing");
				assertThat(ex.upstream().code()).isEqualTo("422");
			});
		assertThat(postedPeriodNames()).containsExactly("hourly-at-15", "daily-0200");
		vergeos.verify(1, deleteRequestedFor(urlPathEqualTo(PERIODS + "/70")));
		vergeos.verify(1, postRequestedFor(urlPathEqualTo("/api/v4/snapshot_profile_actions")));
	}

	@Test
	void whenUndoingFailsTooTheErrorSaysWhatIsLeftAndHowToFinishIt() {
		lookupAnswers("[]");
		vergeos.stubFor(post(urlPathEqualTo("/api/v4/snapshot_profiles"))
			.willReturn(aResponse().withStatus(201).withBody("{\"$key\":\"7\"}")));
		vergeos.stubFor(post(urlPathEqualTo(PERIODS)).willReturn(aResponse().withStatus(500)));
		vergeos.stubFor(get(urlPathEqualTo(PERIODS)).willReturn(okJson("[]")));
		vergeos
			.stubFor(post(urlPathEqualTo("/api/v4/snapshot_profile_actions")).willReturn(aResponse().withStatus(500)));

		assertThatExceptionOfType(UpstreamErrorException.class)
			.isThrownBy(() -> this.policies.create(daily("nightly", ZoneOffset.UTC, LocalTime.of(2, 0)), KEY))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("failed too")
				.contains("same Idempotency-Key")
				.contains("delete policy 7"));
	}

	@Test
	void aTwinThatWonTheNameIsRecognisedByItsMarker() {
		lookupAnswers("[]");
		vergeos.stubFor(post(urlPathEqualTo("/api/v4/snapshot_profiles"))
			.willReturn(aResponse().withStatus(409).withBody("{\"err\":\"Row exists\"}")));
		vergeos.stubFor(
				get(urlPathEqualTo("/api/v4/snapshot_profiles")).withQueryParam("filter", equalTo("name eq 'nightly'"))
					.withQueryParam("fields", equalTo(PROFILE_FIELDS))
					.withQueryParam("limit", equalTo("1"))
					.willReturn(okJson("[" + profileRow(8, "nightly", DESCRIPTION) + "]")));

		Policy policy = this.policies.create(daily("nightly", ZoneOffset.UTC, LocalTime.of(2, 0)), KEY);

		assertThat(policy.nativeId()).isEqualTo("8");
		assertThat(policy.schedule().rules()).containsExactly(new ScheduleRule.Daily(LocalTime.of(2, 0)));
		vergeos.verify(0, postRequestedFor(urlPathEqualTo(PERIODS)));
	}

	@Test
	void aNameTakenBySomebodyElseIsAConflict() {
		lookupAnswers("[]");
		vergeos.stubFor(post(urlPathEqualTo("/api/v4/snapshot_profiles"))
			.willReturn(aResponse().withStatus(409).withBody("{\"err\":\"Row exists\"}")));
		vergeos.stubFor(
				get(urlPathEqualTo("/api/v4/snapshot_profiles")).withQueryParam("filter", equalTo("name eq 'nightly'"))
					.willReturn(okJson("[" + profileRow(9, "nightly", "made by hand") + "]")));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.policies.create(daily("nightly", ZoneOffset.UTC, LocalTime.of(2, 0)), KEY))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.NAME_TAKEN);
				assertThat(ex.getMessage()).contains("snapshot profile by that name");
			});
		vergeos.verify(0, postRequestedFor(urlPathEqualTo(PERIODS)));
	}

	@Test
	void aTokyoScheduleIsWrittenInTheSystemsUtc() {
		lookupAnswers("[]");
		vergeos.stubFor(post(urlPathEqualTo("/api/v4/snapshot_profiles"))
			.willReturn(aResponse().withStatus(201).withBody("{\"$key\":\"7\"}")));
		periodPostsAnswer();
		readBackAnswers(7, periodRow(70, 7, "daily-1800", "daily", 0, 18, "any", 0, 604800, 1, false));

		Policy policy = this.policies
			.create(spec("tokyo", ZoneId.of("Asia/Tokyo"), new ScheduleRule.Daily(LocalTime.of(3, 0)),
					new ScheduleRule.Weekly(Set.of(DayOfWeek.SATURDAY), LocalTime.of(3, 30))), KEY);

		expectPeriod("""
				{"profile":7,"name":"daily-1800","frequency":"daily","minute":0,"hour":18,"day_of_week":"any",
				 "day_of_month":0,"month":0,"retention":604800,"min_snapshots":1,"immutable":true}""");
		expectPeriod("""
				{"profile":7,"name":"weekly-fri-1830","frequency":"weekly","minute":30,"hour":18,"day_of_week":"fri",
				 "day_of_month":0,"month":0,"retention":604800,"min_snapshots":1,"immutable":true}""");
		assertThat(policy.schedule().timeZone()).isEqualTo(ZoneOffset.UTC);
		assertThat(policy.schedule().rules()).containsExactly(new ScheduleRule.Daily(LocalTime.of(18, 0)));
	}

	@Test
	void berlinIsRefusedOnAUtcSystemBeforeAnythingIsSent() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(
					() -> this.policies.create(daily("berlin", ZoneId.of("Europe/Berlin"), LocalTime.of(2, 0)), KEY))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.UNSUPPORTED_FIELD);
				assertThat(ex.fieldErrors()).extracting("field").containsExactly("schedule.timeZone");
			});
		vergeos.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aProfileMadeWithoutAKeyInTheReplyIsFoundByItsMarker() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profiles"))
			.withQueryParam("filter", equalTo("description ct '" + TOKEN + "'"))
			.inScenario("keyless")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson("[]")));
		vergeos.stubFor(post(urlPathEqualTo("/api/v4/snapshot_profiles")).inScenario("keyless")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("made")
			.willReturn(aResponse().withStatus(201)));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profiles"))
			.withQueryParam("filter", equalTo("description ct '" + TOKEN + "'"))
			.inScenario("keyless")
			.whenScenarioStateIs("made")
			.willReturn(okJson("[" + profileRow(12, "nightly", DESCRIPTION) + "]")));
		periodPostsAnswer();
		readBackAnswers(12, periodRow(120, 12, "daily-0200", "daily", 0, 2, "any", 0, 604800, 1, false));

		assertThat(this.policies.create(daily("nightly", ZoneOffset.UTC, LocalTime.of(2, 0)), KEY).nativeId())
			.isEqualTo("12");
		vergeos.verify(
				postRequestedFor(urlPathEqualTo(PERIODS)).withRequestBody(equalToJson("{\"profile\":12}", true, true)));
	}

	static PolicySpec spec(String name, ZoneId zone, ScheduleRule... rules) {
		return new PolicySpec(name, new PolicySchedule(zone, List.of(rules)),
				new PolicyRetention(Duration.ofDays(7), null), true, List.of());
	}

	private static PolicySpec daily(String name, ZoneId zone, LocalTime at) {
		return new PolicySpec(name, new PolicySchedule(zone, List.of(new ScheduleRule.Daily(at))),
				new PolicyRetention(Duration.ofDays(7), null), false, List.of());
	}

	private static void lookupAnswers(String rows) {
		vergeos
			.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profiles")).withQueryParam("fields", equalTo(PROFILE_FIELDS))
				.withQueryParam("filter", equalTo("description ct '" + TOKEN + "'"))
				.withQueryParam("sort", equalTo("+name"))
				.withQueryParam("limit", equalTo("10"))
				.withQueryParam("offset", equalTo("0"))
				.willReturn(okJson(rows)));
	}

	private static void periodPostsAnswer() {
		vergeos.stubFor(post(urlPathEqualTo(PERIODS))
			.willReturn(aResponse().withStatus(201).withBody("{\"$key\":\"70\",\"location\":\"/v4/x/70\"}")));
	}

	private static void readBackAnswers(long key, String period) {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profiles/" + key))
			.willReturn(okJson(profileRow(key, "nightly", DESCRIPTION))));
		vergeos.stubFor(get(urlPathEqualTo(PERIODS)).withQueryParam("fields", equalTo(PERIOD_FIELDS))
			.withQueryParam("filter", equalTo("profile eq " + key))
			.willReturn(okJson("[" + period + "]")));
		vergeos.stubFor(newestScheduledSnapshot().willReturn(okJson(takenBy(40, 1, 10, NOW_EPOCH - 600))));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots"))
			.withQueryParam("filter", equalTo("snapshot_profile eq " + key))
			.willReturn(okJson("[]")));
	}

	private static void expectPeriod(String body) {
		vergeos.verify(1, postRequestedFor(urlPathEqualTo(PERIODS)).withRequestBody(equalToJson(body)));
	}

	private static List<String> postedPeriodNames() {
		return vergeos.findAll(postRequestedFor(urlPathEqualTo(PERIODS)))
			.stream()
			.map((request) -> JsonPath.<String>read(request.getBodyAsString(), "$.name"))
			.toList();
	}

}
