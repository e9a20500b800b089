package io.snapgate.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.snapgate.domain.DiskType;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderType;
import io.snapgate.domain.Scope;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotStatus;
import io.snapgate.domain.VolumeSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.snapgate.api.ApiTestConfiguration.SYSTEM;
import static io.snapgate.api.ApiTestConfiguration.VOLUME;
import static io.snapgate.api.SnapshotControllerTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PATCH /snapshots/{id}}: a JSON merge patch of a snapshot's name, description and
 * retention, over the fakes: {@code sys} changes what VergeOS changes (not the name),
 * {@code vol} its snapshots' names and descriptions, without retention.
 */
@WebMvcTest(properties = "snapgate.security.open=true")
@ActiveProfiles("sandbox")
@Import(ApiTestConfiguration.class)
class SnapshotPatchTests {

	private static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

	private static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");

	@Autowired
	MockMvcTester mvc;

	@BeforeEach
	void seed() {
		SYSTEM.reset();
		VOLUME.reset();
		SYSTEM.withSnapshot("12", "Daily_20261122", T0);
		SYSTEM.withSnapshot(new Snapshot(new ProviderId("sys"), new ProviderType("fake-system"), "2",
				"Weekly_immutable", null, Scope.SYSTEM, null, SnapshotStatus.AVAILABLE, "normal", T0,
				T0.plus(Duration.ofDays(30)), null, true, true, T0.plus(Duration.ofDays(30)), Map.of(), null));
		VOLUME.withSnapshot(new Snapshot(new ProviderId("vol"), new ProviderType("fake-volume"), "s-8kQ2x1Zv",
				"pre_upgrade", "before upgrade", Scope.VOLUME, new VolumeSource("v-1", DiskType.CDS, null),
				SnapshotStatus.AVAILABLE, "available", T0, null, null, false, false, null, Map.of(), null));
	}

	@Test
	void aMergePatchChangesWhatItGivesAndAnswersTheSnapshotAsReadBack() {
		MvcTestResult result = patch("/snapshots/vol:s-8kQ2x1Zv", "{\"name\":\"kept_for_audit\"}");

		assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON).bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.id").isEqualTo("vol:s-8kQ2x1Zv");
			json.assertThat().extractingPath("$.name").isEqualTo("kept_for_audit");
			json.assertThat().extractingPath("$.description").isEqualTo("before upgrade");
			json.assertThat().doesNotHavePath("$.members");
		});
		assertThat(VOLUME.callsTo("update")).isEqualTo(1);
	}

	@Test
	void plainJsonIsTakenAsTheSamePatch() {
		assertThat(this.mvc.patch()
			.uri("/snapshots/sys:12")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"description\":\"kept for the audit\"}")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.description")
			.isEqualTo("kept for the audit");
	}

	@Test
	void aNullDescriptionClearsIt() {
		assertThat(patch("/snapshots/vol:s-8kQ2x1Zv", "{\"description\":null}")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.description")
			.isNull();
	}

	@Test
	void aRetentionCountsFromWhenTheSnapshotWasTakenAndNeverExpireKeepsIt() {
		assertThat(patch("/snapshots/sys:12", "{\"retention\":\"P30D\"}")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.expiresAt")
			.isEqualTo("2026-12-22T02:00:00Z");
		assertThat(patch("/snapshots/sys:12", "{\"neverExpire\":true}")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.expiresAt")
			.isNull();
	}

	@Test
	void anEmptyPatchChangesNothing() {
		assertThat(patch("/snapshots/sys:12", "{}")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.name")
			.isEqualTo("Daily_20261122");
	}

	@ParameterizedTest(name = "{1} on {0}")
	@CsvSource(delimiter = '|', value = { "sys:12|{\"name\":\"renamed\"}|name",
			"vol:s-8kQ2x1Zv|{\"retention\":\"P7D\"}|retention", "vol:s-8kQ2x1Zv|{\"neverExpire\":true}|neverExpire" })
	void whatTheProviderCannotChangeIsRefusedByNameBeforeItIsAsked(String id, String body, String field) {
		MvcTestResult refused = patch("/snapshots/" + id, body);

		assertProblem(refused, 400, "UNSUPPORTED_FIELD");
		assertThat(refused).bodyJson().extractingPath("$.errors[*].field").isEqualTo(List.of(field));
		assertThat(SYSTEM.calls()).isEmpty();
		assertThat(VOLUME.calls()).isEmpty();
	}

	@Test
	void anImmutableSnapshotsExpiryIsNotBroughtForward() {
		MvcTestResult refused = patch("/snapshots/sys:2", "{\"retention\":\"P7D\"}");

		assertProblem(refused, 409, "SNAPSHOT_LOCKED");
		assertThat(refused).bodyJson().extractingPath("$.lockExpiresAt").isEqualTo("2026-12-22T02:00:00Z");
		assertThat(refused).bodyJson().extractingPath("$.provider").isEqualTo("sys");
	}

	@Test
	void aDryRunTellsTheChangeAndChangesNothing() {
		MvcTestResult preview = patch("/snapshots/sys:12?dryRun=true", "{\"description\":\"x\",\"retention\":\"P7D\"}");

		assertThat(preview).hasStatusOk().bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.dryRun").isEqualTo(true);
			json.assertThat().extractingPath("$.operation").isEqualTo("UPDATE_SNAPSHOT");
			json.assertThat().extractingPath("$.provider").isEqualTo("sys");
			json.assertThat().extractingPath("$.actions[0].change").isEqualTo("UPDATE");
			json.assertThat().extractingPath("$.checks[0].name").isEqualTo("PROVIDER_TAKES_FIELDS");
		});
		assertThat(SYSTEM.calls()).containsExactly("previewUpdate");
		assertThat(this.mvc.get().uri("/snapshots/sys:12")).bodyJson().extractingPath("$.description").isNull();
	}

	@Test
	void aDryRunFailsAsTheChangeWould() {
		assertProblem(patch("/snapshots/sys:12?dryRun=true", "{\"name\":\"renamed\"}"), 400, "UNSUPPORTED_FIELD");
		assertProblem(patch("/snapshots/sys:2?dryRun=true", "{\"retention\":\"P7D\"}"), 409, "SNAPSHOT_LOCKED");
		assertProblem(patch("/snapshots/sys:99?dryRun=true", "{\"description\":\"x\"}"), 404, "SNAPSHOT_NOT_FOUND");
		assertThat(SYSTEM.callsTo("update")).isZero();
	}

	@Test
	void unknownAndInvalidSnapshotsAreProblems() {
		assertProblem(patch("/snapshots/sys:99", "{\"description\":\"x\"}"), 404, "SNAPSHOT_NOT_FOUND");
		assertProblem(patch("/snapshots/nope:12", "{\"description\":\"x\"}"), 404, "SNAPSHOT_NOT_FOUND");
		assertProblem(patch("/snapshots/sys:bad_id", "{\"description\":\"x\"}"), 400, "INVALID_SNAPSHOT_ID");
	}

	@ParameterizedTest
	@ValueSource(strings = { "[]", "\"x\"", "{\"nmae\":\"x\"}", "{\"name\":42}", "{\"neverExpire\":\"yes\"}",
			"{\"description\":[]}", "{\"name\":" })
	void malformedPatchesAreMalformed(String body) {
		assertProblem(patch("/snapshots/sys:12", body), 400, "MALFORMED_REQUEST");
		assertThat(SYSTEM.calls()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\":null}", "{\"name\":\"\"}", "{\"retention\":null}",
			"{\"retention\":\"forever\"}", "{\"retention\":\"PT0S\"}", "{\"retention\":\"P7D\",\"neverExpire\":true}",
			"{\"name\":\"a\\u0000b\"}" })
	void invalidValuesAreRefusedOnTheirField(String body) {
		MvcTestResult refused = patch("/snapshots/sys:12", body);

		assertProblem(refused, 400, "VALIDATION_FAILED");
		assertThat(refused).bodyJson().extractingPath("$.errors[0].field").asString().isIn("name", "retention");
		assertThat(SYSTEM.calls()).isEmpty();
	}

	@Test
	void aTooLongDescriptionIsRefused() {
		assertProblem(patch("/snapshots/sys:12", "{\"description\":\"" + "d".repeat(1025) + "\"}"), 400,
				"VALIDATION_FAILED");
	}

	@ParameterizedTest
	@ValueSource(strings = { "x [snapgate:0123456789abcdef]", "[snapgate-step:sent:1]", "a[snapgate:" })
	void aDescriptionCannotForgeTheMarksSnapGateKeepsForItself(String description) {
		MvcTestResult refused = patch("/snapshots/sys:12", "{\"description\":\"" + description + "\"}");

		assertProblem(refused, 400, "VALIDATION_FAILED");
		assertThat(refused).bodyJson().extractingPath("$.errors[0].field").isEqualTo("description");
		assertThat(SYSTEM.calls()).isEmpty();
	}

	@Test
	void otherMediaTypesAreRefused() {
		for (String type : List.of("text/plain", "application/json-patch+json")) {
			assertProblem(this.mvc.patch()
				.uri("/snapshots/sys:12")
				.contentType(MediaType.parseMediaType(type))
				.content("{\"description\":\"x\"}")
				.exchange(), 415, "UNSUPPORTED_MEDIA_TYPE");
		}
	}

	@Test
	void aConditionalChangeIsRefusedRatherThanIgnored() {
		MvcTestResult refused = this.mvc.patch()
			.uri("/snapshots/sys:12")
			.contentType(MERGE_PATCH)
			.header("If-Match", "\"0abc\"")
			.content("{\"description\":\"x\"}")
			.exchange();

		assertProblem(refused, 400, "UNSUPPORTED_FIELD");
		assertThat(refused).bodyJson().extractingPath("$.errors[0].field").isEqualTo("If-Match");
		assertThat(SYSTEM.calls()).isEmpty();
	}

	@Test
	void aMisspelledFlagIsNeverTakenForTheRealChange() {
		assertProblem(patch("/snapshots/sys:12?dryrun=true", "{\"description\":\"x\"}"), 400, "UNKNOWN_PARAMETER");
		assertThat(SYSTEM.calls()).isEmpty();
	}

	private MvcTestResult patch(String uri, String body) {
		return this.mvc.patch().uri(uri).contentType(MERGE_PATCH).content(body).exchange();
	}

}
