package io.snapgate.provider.vergeos;

import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.snapgate.domain.ConflictException;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.Preview;
import io.snapgate.domain.ScheduleRule;
import io.snapgate.testing.UpstreamJournal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.snapgate.provider.vergeos.VergeosFixtures.NOW_EPOCH;
import static io.snapgate.provider.vergeos.VergeosFixtures.newestScheduledSnapshot;
import static io.snapgate.provider.vergeos.VergeosFixtures.periodRow;
import static io.snapgate.provider.vergeos.VergeosFixtures.profileRow;
import static io.snapgate.provider.vergeos.VergeosFixtures.takenBy;
import static io.snapgate.provider.vergeos.VergeosPolicyCreationTests.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A preview of each VergeOS policy write plans and checks what the write would, from
 * reads alone, and sends VergeOS no write.
 */
class VergeosPolicyPreviewTests {

	@RegisterExtension
	static final WireMockExtension vergeos = VergeosFixtures.wireMock();

	/** No VM has a snapshot profile. */
	@BeforeEach
	void noVmHasAProfile() {
		vergeos.stubFor(VergeosFixtures.vmsWithProfiles().atPriority(10).willReturn(okJson("[]")));
	}

	private final VergeosPolicies policies = VergeosFixtures.policies(vergeos.baseUrl(), ZoneOffset.UTC);

	@AfterEach
	void nothingWasWritten() {
		assertThat(UpstreamJournal.writes(vergeos)).as("the journal shows no write").isEmpty();
	}

	@Test
	void aPreviewTellsTheProfileAndItsPeriods() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profiles")).willReturn(okJson("[]")));

		Preview preview = this.policies.previewCreate(spec("nightly", ZoneOffset.UTC,
				new ScheduleRule.Daily(LocalTime.of(2, 0)), new ScheduleRule.Hourly(15)), null);

		assertThat(preview.actions()).extracting(Preview.Action::kind).containsExactly("POLICY", "PERIOD", "PERIOD");
		assertThat(preview.warnings()).singleElement()
			.satisfies((warning) -> assertThat(warning).contains("Immutable"));
	}

	@Test
	void aCreatedPolicyIsSaidToTakeNothingUntilItIsChosenInVergeos() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profiles")).willReturn(okJson("[]")));

		Preview preview = this.policies
			.previewCreate(spec("nightly", ZoneOffset.UTC, new ScheduleRule.Daily(LocalTime.of(2, 0))), null);

		assertThat(preview.actions().getFirst().description()).contains("NOT_ASSIGNED")
			.contains("System > System Snapshots");
	}

	@Test
	void aReplacePreviewNamesTheRenameAndEachPeriodChangedDeletedOrMade() {
		stubPolicy(7, "nightly", periodRow(70, 7, "daily-0200", "daily", 0, 2, "any", 0, 86400, 1, false),
				periodRow(71, 7, "hourly-at-15", "hourly", 15, 0, "any", 0, 604800, 1, true));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profiles"))
			.withQueryParam("filter", equalTo("name eq 'nightly-2'"))
			.willReturn(okJson("[]")));
		vergeos.stubFor(newestScheduledSnapshot().willReturn(okJson(takenBy(40, 7, 71, NOW_EPOCH - 600))));

		Preview preview = this.policies.previewReplace("7", spec("nightly-2", ZoneOffset.UTC,
				new ScheduleRule.Hourly(15), new ScheduleRule.Monthly(1, LocalTime.of(4, 0))));

		assertThat(preview.actions())
			.extracting((action) -> action.change() + " " + action.kind() + " " + action.name())
			.containsExactly("OVERWRITE POLICY nightly-2", "DELETE PERIOD daily-0200", "CREATE PERIOD monthly-01-0400");
		assertThat(preview.warnings()).singleElement()
			.satisfies((warning) -> assertThat(warning).contains("system's snapshots"));
	}

	@Test
	void aReplaceToANameTakenElsewhereIsTheReplacesConflictAndAMissingPolicyIsNotFound() {
		stubPolicy(7, "nightly", periodRow(70, 7, "daily-0200", "daily", 0, 2, "any", 0, 604800, 1, true));
		vergeos.stubFor(
				get(urlPathEqualTo("/api/v4/snapshot_profiles")).withQueryParam("filter", equalTo("name eq 'taken'"))
					.willReturn(okJson("[" + profileRow(8, "taken", "") + "]")));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profiles/9")).willReturn(notFound()));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.policies.previewReplace("7",
					spec("taken", ZoneOffset.UTC, new ScheduleRule.Daily(LocalTime.of(2, 0)))))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.NAME_TAKEN));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.policies.previewReplace("9",
				spec("x", ZoneOffset.UTC, new ScheduleRule.Daily(LocalTime.of(2, 0)))));
	}

	@Test
	void aDeletePreviewNamesThePeriodsDeletedFirstAndThenTheProfile() {
		stubPolicy(7, "nightly", periodRow(70, 7, "daily-0200", "daily", 0, 2, "any", 0, 604800, 1, true),
				periodRow(71, 7, "hourly-at-15", "hourly", 15, 0, "any", 0, 604800, 1, true));
		vergeos.stubFor(newestScheduledSnapshot().willReturn(okJson(takenBy(40, 1, 10, NOW_EPOCH - 600))));

		Preview preview = this.policies.previewDelete("7");

		assertThat(preview.actions()).extracting((action) -> action.change() + " " + action.kind() + " " + action.id())
			.containsExactly("DELETE PERIOD 70", "DELETE PERIOD 71", "DELETE POLICY vergeos-test:7");
		assertThat(preview.actions()).extracting(Preview.Action::name)
			.containsExactly("daily-0200", "hourly-at-15", "nightly");
		assertThat(preview.checks()).extracting((check) -> check.name() + " " + check.outcome())
			.containsExactly("NOT_THE_SYSTEMS PASSED", "NOT_IN_USE UNKNOWN");
	}

	@Test
	void deletingTheSystemsProfileIsRefusedInAPreviewAsVergeosRefusesIt() {
		stubPolicy(7, "nightly", periodRow(70, 7, "daily-0200", "daily", 0, 2, "any", 0, 604800, 1, true));
		vergeos.stubFor(newestScheduledSnapshot().willReturn(okJson(takenBy(40, 7, 70, NOW_EPOCH - 600))));

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.policies.previewDelete("7"))
			.withMessageContaining("in use")
			.withMessageContaining("newest scheduled snapshot");
	}

	@Test
	void attachAndDetachPreviewsAreRefusedAsTheWritesAreWithoutARequest() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.policies.previewAttach("7", List.of(PolicyTarget.SYSTEM)))
			.satisfies((ex) -> assertThat(ex.fieldErrors()).extracting("field").containsExactly("targets[0].type"));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.policies.previewDetach("7", "v-1"))
			.satisfies((ex) -> assertThat(ex.fieldErrors()).extracting("field").containsExactly("targetId"));
		assertThat(vergeos.getAllServeEvents()).isEmpty();
	}

	@Test
	void aTakenNameIsTheCreatesConflict() {
		vergeos.stubFor(
				get(urlPathEqualTo("/api/v4/snapshot_profiles")).withQueryParam("filter", equalTo("name eq 'nightly'"))
					.willReturn(okJson("[" + profileRow(3, "nightly", "") + "]")));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.policies
				.previewCreate(spec("nightly", ZoneOffset.UTC, new ScheduleRule.Daily(LocalTime.of(2, 0))), null))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.NAME_TAKEN));
	}

	private static void stubPolicy(long key, String name, String... periods) {
		vergeos.stubFor(
				get(urlPathEqualTo("/api/v4/snapshot_profiles/" + key)).willReturn(okJson(profileRow(key, name, ""))));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profile_periods"))
			.withQueryParam("filter", equalTo("profile eq " + key))
			.willReturn(okJson("[" + String.join(",", periods) + "]")));
	}

}
