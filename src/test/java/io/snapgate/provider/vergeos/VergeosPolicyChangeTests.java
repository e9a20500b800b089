package io.snapgate.provider.vergeos;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.snapgate.domain.ConflictException;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.PolicyRetention;
import io.snapgate.domain.PolicySchedule;
import io.snapgate.domain.PolicySpec;
import io.snapgate.domain.ScheduleRule;
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
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.snapgate.provider.vergeos.VergeosFixtures.PERIOD_FIELDS;
import static io.snapgate.provider.vergeos.VergeosFixtures.PROFILE_FIELDS;
import static io.snapgate.provider.vergeos.VergeosFixtures.periodRow;
import static io.snapgate.provider.vergeos.VergeosFixtures.profileRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Replacing and deleting a policy: the profile renamed, its periods reconciled by name,
 * its periods and then the profile deleted, and what is put back when VergeOS refuses.
 */
class VergeosPolicyChangeTests {

	@RegisterExtension
	static final WireMockExtension vergeos = VergeosFixtures.wireMock();

	/** No VM has a snapshot profile, and no period is sent on an outgoing sync. */
	@BeforeEach
	void noVmHasAProfile() {
		vergeos.stubFor(VergeosFixtures.vmsWithProfiles().atPriority(10).willReturn(okJson("[]")));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/site_syncs_outgoing_profile_periods")).willReturn(okJson("[]")));
	}

	private static final String PERIODS = "/api/v4/snapshot_profile_periods";

	private static final String DAILY = periodRow(70, 7, "daily-0200", "daily", 0, 2, "any", 0, 604800, 1, false);

	private static final String HOURLY = periodRow(71, 7, "hourly-at-15", "hourly", 15, 0, "any", 0, 86400, 1, false);

	private final VergeosPolicies policies = VergeosFixtures.policies(vergeos.baseUrl(), ZoneOffset.UTC);

	@Test
	void aReplaceRenamesTheProfileThenChangesDeletesAndAddsPeriodsInThatOrder() {
		profileAnswers(7, "nightly", DAILY + "," + HOURLY);
		vergeos.stubFor(put(urlPathEqualTo("/api/v4/snapshot_profiles/7")).willReturn(ok()));
		vergeos.stubFor(put(urlPathEqualTo(PERIODS + "/70")).willReturn(ok()));
		vergeos.stubFor(delete(urlPathEqualTo(PERIODS + "/71")).willReturn(ok()));
		vergeos.stubFor(
				post(urlPathEqualTo(PERIODS)).willReturn(aResponse().withStatus(201).withBody("{\"$key\":\"72\"}")));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots")).willReturn(okJson("[]")));

		this.policies.replace("7", spec("nightly-db", Duration.ofDays(14), new ScheduleRule.Daily(LocalTime.of(2, 0)),
				new ScheduleRule.Weekly(Set.of(DayOfWeek.SATURDAY), LocalTime.of(3, 0))));

		vergeos.verify(putRequestedFor(urlPathEqualTo("/api/v4/snapshot_profiles/7"))
			.withRequestBody(equalToJson("{\"name\":\"nightly-db\"}")));
		vergeos.verify(putRequestedFor(urlPathEqualTo(PERIODS + "/70")).withRequestBody(equalToJson("""
				{"frequency":"daily","minute":0,"hour":2,"day_of_week":"any","day_of_month":0,"month":0,
				 "retention":1209600,"min_snapshots":1,"immutable":false}""")));
		vergeos.verify(postRequestedFor(urlPathEqualTo(PERIODS)).withRequestBody(equalToJson("""
				{"profile":7,"name":"weekly-sat-0300","frequency":"weekly","minute":0,"hour":3,"day_of_week":"sat",
				 "day_of_month":0,"month":0,"retention":1209600,"min_snapshots":1,"immutable":false}""")));
		assertThat(writes()).containsExactly("PUT /api/v4/snapshot_profiles/7", "PUT " + PERIODS + "/70",
				"DELETE " + PERIODS + "/71", "POST " + PERIODS);
	}

	@Test
	void aReplaceThatChangesNothingWritesNothing() {
		profileAnswers(7, "nightly", DAILY);
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots")).willReturn(okJson("[]")));

		this.policies.replace("7", spec("nightly", Duration.ofDays(7), new ScheduleRule.Daily(LocalTime.of(2, 0))));

		assertThat(writes()).isEmpty();
	}

	@Test
	void aReplaceOfAProfileWithPeriodsSnapGateCannotShowIsRefusedRatherThanDeleteThem() {
		profileAnswers(7, "nightly", DAILY + "," + periodRow(73, 7, "Yearly", "yearly", 0, 0, "any", 1, 0, 1, false));

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.policies.replace("7",
					spec("nightly", Duration.ofDays(7), new ScheduleRule.Daily(LocalTime.of(2, 0)))))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.UNSUPPORTED_FIELD);
				assertThat(ex.fieldErrors()).extracting("field").containsExactly("schedule");
				assertThat(ex.getMessage()).contains("Yearly");
			});
		assertThat(writes()).isEmpty();
	}

	@Test
	void replacingOrDeletingAMissingPolicyIsNotFoundNamingIt() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profiles/8"))
			.willReturn(notFound().withBody("{\"err\":\"Row not found\"}")));

		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.policies.replace("8",
					spec("x", Duration.ofDays(1), new ScheduleRule.Daily(LocalTime.of(2, 0)))))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.NOT_FOUND);
				assertThat(ex.getMessage()).isEqualTo("No VergeOS policy 8");
			});
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.policies.delete("8"))
			.satisfies((ex) -> assertThat(ex.getMessage()).isEqualTo("No VergeOS policy 8"));
		assertThat(writes()).isEmpty();
	}

	@Test
	void aProfileOfOtherPeriodsOnlyIsNoPolicyToDelete() {
		profileAnswers(9, "HIPAA", periodRow(90, 9, "Yearly", "yearly", 0, 0, "any", 1, 0, 1, false));

		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.policies.delete("9"));
		assertThat(writes()).isEmpty();
	}

	@Test
	void aDeleteRemovesThePeriodsThenDeletesTheProfileByAction() {
		profileAnswers(7, "nightly", DAILY + "," + HOURLY);
		vergeos.stubFor(delete(urlPathEqualTo(PERIODS + "/70")).willReturn(ok()));
		vergeos.stubFor(delete(urlPathEqualTo(PERIODS + "/71")).willReturn(notFound()));
		vergeos.stubFor(post(urlPathEqualTo("/api/v4/snapshot_profile_actions"))
			.withRequestBody(equalToJson("{\"snapshot_profile\":7,\"action\":\"delete\"}"))
			.willReturn(aResponse().withStatus(201).withBody("{}")));

		this.policies.delete("7");

		assertThat(writes()).containsExactly("DELETE " + PERIODS + "/70", "DELETE " + PERIODS + "/71",
				"POST /api/v4/snapshot_profile_actions");
	}

	@Test
	void aProfileInUseIsRefusedAndKeepsItsSchedule() {
		profileAnswers(7, "nightly", DAILY + "," + HOURLY);
		vergeos.stubFor(delete(urlPathEqualTo(PERIODS + "/70")).willReturn(ok()));
		vergeos.stubFor(delete(urlPathEqualTo(PERIODS + "/71")).willReturn(ok()));
		vergeos.stubFor(post(urlPathEqualTo("/api/v4/snapshot_profile_actions"))
			.willReturn(aResponse().withStatus(409).withBody("{\"err\":\"Snapshot profile is in use\"}")));
		vergeos.stubFor(
				post(urlPathEqualTo(PERIODS)).willReturn(aResponse().withStatus(201).withBody("{\"$key\":\"74\"}")));

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.policies.delete("7"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.SNAPSHOT_BUSY);
				assertThat(ex.getMessage()).contains("in use").contains("keeps its schedule");
				assertThat(ex.upstream().message()).isEqualTo("Snapshot profile is in use");
			});
		vergeos.verify(postRequestedFor(urlPathEqualTo(PERIODS)).withRequestBody(equalToJson("""
				{"profile":7,"name":"daily-0200","frequency":"daily","minute":0,"hour":2,"day_of_week":"any",
				 "day_of_month":0,"month":0,"retention":604800,"min_snapshots":1,"immutable":false}""")));
		vergeos.verify(postRequestedFor(urlPathEqualTo(PERIODS)).withRequestBody(equalToJson("""
				{"profile":7,"name":"hourly-at-15","frequency":"hourly","minute":15,"hour":0,"day_of_week":"any",
				 "day_of_month":0,"month":0,"retention":86400,"min_snapshots":1,"immutable":false}""")));
	}

	@Test
	void aRefusalThatSaysInUseUnderAnotherStatusIsTheSameConflict() {
		profileAnswers(7, "nightly", DAILY);
		vergeos.stubFor(delete(urlPathEqualTo(PERIODS + "/70")).willReturn(ok()));
		vergeos.stubFor(post(urlPathEqualTo("/api/v4/snapshot_profile_actions")).willReturn(aResponse().withStatus(422)
			.withBody("{\"err\":\"Cannot delete: profile is assigned to the system\"}")));
		vergeos.stubFor(post(urlPathEqualTo(PERIODS)).willReturn(aResponse().withStatus(500)));

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.policies.delete("7"))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("in use")
				.contains("making them again failed")
				.contains("part of its schedule, or none"));
	}

	@Test
	void aDeleteOfAProfileGoneMeanwhileIsDone() {
		profileAnswers(7, "nightly", DAILY);
		vergeos.stubFor(delete(urlPathEqualTo(PERIODS + "/70")).willReturn(ok()));
		vergeos.stubFor(post(urlPathEqualTo("/api/v4/snapshot_profile_actions")).willReturn(notFound()));

		this.policies.delete("7");

		vergeos.verify(0, postRequestedFor(urlPathEqualTo(PERIODS)));
		vergeos.verify(1, deleteRequestedFor(urlPathEqualTo(PERIODS + "/70")));
	}

	private static void profileAnswers(long key, String name, String periods) {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profiles/" + key))
			.withQueryParam("fields", equalTo(PROFILE_FIELDS))
			.willReturn(okJson(profileRow(key, name, ""))));
		vergeos.stubFor(get(urlPathEqualTo(PERIODS)).withQueryParam("fields", equalTo(PERIOD_FIELDS))
			.withQueryParam("filter", equalTo("profile eq " + key))
			.withQueryParam("sort", equalTo("+name"))
			.willReturn(okJson("[" + periods + "]")));
	}

	private static PolicySpec spec(String name, Duration keepFor, ScheduleRule... rules) {
		return new PolicySpec(name, new PolicySchedule(ZoneOffset.UTC, List.of(rules)),
				new PolicyRetention(keepFor, null), false, List.of());
	}

	/** The writes VergeOS received, in order. */
	private static List<String> writes() {
		return vergeos.findAll(anyRequestedFor(anyUrl()))
			.stream()
			.filter((request) -> !request.getMethod().getName().equals("GET"))
			.map((request) -> request.getMethod().getName() + " " + request.getUrl())
			.toList();
	}

}
