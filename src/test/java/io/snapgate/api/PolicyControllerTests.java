package io.snapgate.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.Policy;
import io.snapgate.domain.PolicyRetention;
import io.snapgate.domain.PolicySchedule;
import io.snapgate.domain.PolicyStatus;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.ScheduleRule;
import io.snapgate.domain.UpstreamUnavailableException;
import io.snapgate.testing.FakePolicyProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.snapgate.api.ApiTestConfiguration.CLOCK;
import static io.snapgate.api.ApiTestConfiguration.SYSTEM;
import static io.snapgate.api.ApiTestConfiguration.VOLUME;
import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(properties = "snapgate.security.open=true")
@ActiveProfiles("sandbox")
@Import(ApiTestConfiguration.class)
class PolicyControllerTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private static final String VOLUME_POLICY = """
			{"provider": "vol", "name": "nightly-db",
			 "schedule": {"timeZone": "Asia/Shanghai", "rules": [{"every": "WEEK", "on": ["SUNDAY", "SATURDAY"], "at": "03:00"}]},
			 "retention": {"keepFor": "P7D", "minKept": null},
			 "targets": [{"type": "VOLUME", "id": "v-Cds00001"}]}""";

	private static final String SYSTEM_POLICY = """
			{"provider": "sys", "name": "system",
			 "schedule": {"timeZone": "Europe/Berlin", "rules": [
			   {"every": "HOUR", "minute": 15}, {"every": "DAY", "at": "00:30"}, {"every": "MONTH", "day": 1, "at": "04:00"}]},
			 "retention": {"keepFor": "PT36H", "minKept": 2}, "immutable": true,
			 "targets": [{"type": "SYSTEM"}]}""";

	@Autowired
	MockMvcTester mvc;

	private FakePolicyProvider system;

	private FakePolicyProvider volume;

	@BeforeEach
	void seed() {
		SYSTEM.reset();
		VOLUME.reset();
		CLOCK.set(NOW);
		this.system = SYSTEM.policyFake();
		this.volume = VOLUME.policyFake();
	}

	@Test
	void listsPoliciesOfEveryProviderByProvider() {
		this.volume.withPolicy(this.volume.policy("p-1", "disks", NOW.minus(Duration.ofDays(9)),
				NOW.minus(Duration.ofHours(3)), PolicyTarget.volume("v-1")));
		this.system.withPolicy(weekly(this.system, "p-7", NOW.minus(Duration.ofDays(20))));

		assertThat(this.mvc.get().uri("/policies")).hasStatusOk().bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.items[*].id").isEqualTo(List.of("sys:p-7", "vol:p-1"));
			json.assertThat().extractingPath("$.items[0].overdue").isEqualTo(true);
			json.assertThat().extractingPath("$.items[1].overdue").isEqualTo(false);
			json.assertThat().extractingPath("$.items[1].lastSnapshotAt").isEqualTo("2026-12-01T09:00:00Z");
			json.assertThat().extractingPath("$.partial").isEqualTo(false);
			json.assertThat().extractingPath("$.nextPageToken").isNull();
		});
	}

	@Test
	void showsAPolicyInTheContractsShape() {
		this.system.withPolicy(weekly(this.system, "p-7", NOW.minus(Duration.ofMinutes(30))));

		assertThat(this.mvc.get().uri("/policies/sys:p-7")).hasStatusOk().bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.id").isEqualTo("sys:p-7");
			json.assertThat().extractingPath("$.provider").isEqualTo("sys");
			json.assertThat().extractingPath("$.providerType").isEqualTo("fake-system");
			json.assertThat().extractingPath("$.nativeId").isEqualTo("p-7");
			json.assertThat().extractingPath("$.schedule.timeZone").isEqualTo("Europe/Berlin");
			json.assertThat()
				.extractingPath("$.schedule.rules")
				.isEqualTo(List.of(Map.of("every", "HOUR", "minute", 0), Map.of("every", "DAY", "at", "02:00"),
						Map.of("every", "WEEK", "on", List.of("SATURDAY", "SUNDAY"), "at", "03:00"),
						Map.of("every", "MONTH", "day", 1, "at", "04:00")));
			json.assertThat().extractingPath("$.retention").isEqualTo(Map.of("forever", true));
			json.assertThat().extractingPath("$.targets").isEqualTo(List.of(Map.of("type", "SYSTEM")));
			json.assertThat().extractingPath("$.status").isEqualTo("ACTIVE");
			json.assertThat().extractingPath("$.providerStatus").isEqualTo("active");
			json.assertThat().extractingPath("$.lastSnapshotAt").isEqualTo("2026-12-01T11:30:00Z");
			json.assertThat().extractingPath("$.overdue").isEqualTo(false);
			json.assertThat().extractingPath("$.attributes").isEqualTo(Map.of());
		});
	}

	@Test
	void pagesWithASealedTokenBoundToPolicyListings() throws Exception {
		for (int i = 1; i <= 3; i++) {
			this.volume.withPolicy(this.volume.policy("p-" + i, "p" + i, NOW, null, PolicyTarget.volume("v-" + i)));
		}
		this.system.withPolicy(this.system.policy("p-9", "s", NOW, null, PolicyTarget.SYSTEM));

		MvcTestResult first = this.mvc.get().uri("/policies?pageSize=2").exchange();
		assertThat(first).hasStatusOk()
			.bodyJson()
			.extractingPath("$.items[*].id")
			.isEqualTo(List.of("sys:p-9", "vol:p-1"));
		String token = JsonPath.read(first.getResponse().getContentAsString(), "$.nextPageToken");

		MvcTestResult second = this.mvc.get().uri("/policies?pageSize=2&pageToken={t}", token).exchange();
		assertThat(second).hasStatusOk()
			.bodyJson()
			.extractingPath("$.items[*].id")
			.isEqualTo(List.of("vol:p-2", "vol:p-3"));
		assertThat(second).bodyJson().extractingPath("$.nextPageToken").isNull();

		assertProblem(this.mvc.get().uri("/policies?pageToken={t}&provider=vol", token).exchange(), 400,
				"INVALID_PAGE_TOKEN");
		assertProblem(this.mvc.get().uri("/snapshots?pageToken={t}", token).exchange(), 400, "INVALID_PAGE_TOKEN");
		assertProblem(this.mvc.get().uri("/policies?pageToken=forged").exchange(), 400, "INVALID_PAGE_TOKEN");
	}

	@Test
	void theProviderFilterAndAFailingProvider() {
		this.volume.withPolicy(this.volume.policy("p-1", "disks", NOW, null, PolicyTarget.volume("v-1")));
		this.system
			.failWith(() -> new UpstreamUnavailableException(ErrorCode.UPSTREAM_UNAVAILABLE, "down", null, null));

		assertThat(this.mvc.get().uri("/policies?provider=vol")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.items[*].id")
			.isEqualTo(List.of("vol:p-1"));
		assertThat(this.system.calls()).isEmpty();
		assertThat(this.mvc.get().uri("/policies")).hasStatusOk().bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.partial").isEqualTo(true);
			json.assertThat().extractingPath("$.providerErrors[0].provider").isEqualTo("sys");
		});
		assertThat(this.mvc.get().uri("/policies?provider=plain")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.items")
			.isEqualTo(List.of());
		assertProblem(this.mvc.get().uri("/policies?provider=zulu").exchange(), 400, "UNKNOWN_PROVIDER");
		assertProblem(this.mvc.get().uri("/policies?pageSize=501").exchange(), 400, "VALIDATION_FAILED");
		assertProblem(this.mvc.get().uri("/policies?pageSize=0").exchange(), 400, "VALIDATION_FAILED");
	}

	@Test
	void createsAVolumePolicyAndPointsAtIt() {
		MvcTestResult result = post("/policies", VOLUME_POLICY);

		assertThat(result).hasStatus(HttpStatus.CREATED)
			.headers()
			.hasValue("Location", "http://localhost/policies/vol:p-1001");
		assertThat(result).bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.id").isEqualTo("vol:p-1001");
			json.assertThat().extractingPath("$.schedule.rules[0].on").isEqualTo(List.of("SATURDAY", "SUNDAY"));
			json.assertThat()
				.extractingPath("$.retention")
				.asMap()
				.containsOnlyKeys("keepFor", "minKept")
				.containsEntry("keepFor", "P7D")
				.containsEntry("minKept", null);
			json.assertThat().extractingPath("$.targets[0]").isEqualTo(Map.of("type", "VOLUME", "id", "v-Cds00001"));
			json.assertThat().extractingPath("$.lastSnapshotAt").isNull();
			json.assertThat().extractingPath("$.overdue").isEqualTo(false);
		});
		assertThat(this.volume.stored("p-1001")).hasValueSatisfying((policy) -> {
			assertThat(policy.schedule().timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
			assertThat(policy.retention()).isEqualTo(new PolicyRetention(Duration.ofDays(7), null));
		});
	}

	@Test
	void createsASystemPolicyWithEveryKindOfRule() {
		MvcTestResult result = post("/policies", SYSTEM_POLICY);

		assertThat(result).hasStatus(HttpStatus.CREATED).bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.schedule.rules[*].every").isEqualTo(List.of("HOUR", "DAY", "MONTH"));
			json.assertThat().extractingPath("$.retention").isEqualTo(Map.of("keepFor", "PT36H", "minKept", 2));
			json.assertThat().extractingPath("$.immutable").isEqualTo(true);
			json.assertThat().extractingPath("$.targets").isEqualTo(List.of(Map.of("type", "SYSTEM")));
		});
	}

	@Test
	void theSameIdempotencyKeyAndBodyMakeOnePolicyAndAnotherBodyIs422() {
		MvcTestResult first = post("/policies", VOLUME_POLICY, "key-1");
		MvcTestResult second = post("/policies", VOLUME_POLICY, "key-1");

		assertThat(first).hasStatus(HttpStatus.CREATED);
		assertThat(second.getResponse().getHeader("Location")).isEqualTo(first.getResponse().getHeader("Location"));
		assertThat(this.volume.size()).isEqualTo(1);

		assertProblem(post("/policies", VOLUME_POLICY.replace("nightly-db", "other"), "key-1"), 422,
				"IDEMPOTENCY_KEY_REUSED");
		assertProblem(post("/policies", VOLUME_POLICY, "bad key"), 400, "VALIDATION_FAILED");
	}

	@Test
	void aPreviewOfACreateTellsThePolicyAndMakesNone() {
		MvcTestResult result = post("/policies?dryRun=true", VOLUME_POLICY);

		assertThat(result).hasStatusOk().bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.operation").isEqualTo("CREATE_POLICY");
			json.assertThat().extractingPath("$.provider").isEqualTo("vol");
			json.assertThat().extractingPath("$.actions[0].kind").isEqualTo("POLICY");
		});
		assertThat(this.volume.callsTo("create")).isZero();
		assertThat(this.volume.callsTo("previewCreate")).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/policies", "/policies?dryRun=true" })
	void whatTheSchedulerCannotExpressPassesThroughNamingTheFieldAlsoInAPreview(String uri) {
		MvcTestResult result = post(uri,
				VOLUME_POLICY.replace("\"03:00\"", "\"03:30\"").replace("\"minKept\": null", "\"minKept\": 3"));

		assertProblem(result, 400, "UNSUPPORTED_FIELD");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.isEqualTo(List.of("schedule.rules[0].at", "retention.minKept"));
		assertThat(result).bodyJson().extractingPath("$.provider").isEqualTo("vol");
	}

	@ParameterizedTest
	@ValueSource(strings = { "schedule.rules[0].every|\"every\": \"WEEK\"|\"every\": \"FORTNIGHT\"",
			"schedule.rules[0].at|\"03:00\"|\"3am\"", "schedule.rules[0].at|\"03:00\"|\"24:00\"",
			"schedule.timeZone|Asia/Shanghai|Mars/Olympus", "schedule.timeZone|Asia/Shanghai|+08:00",
			"schedule.timeZone|\"timeZone\": \"Asia/Shanghai\", |",
			"retention|\"minKept\": null|\"minKept\": null, \"forever\": true",
			"retention.keepFor|\"keepFor\": \"P7D\", |", "retention.keepFor|P7D|seven days",
			"schedule.rules[0].on[0]|\"SUNDAY\"|\"SUN\"", "schedule.rules[0].minute|\"on\"|\"minute\": 5, \"on\"",
			"schedule.rules|[{\"every\": \"WEEK\", \"on\": [\"SUNDAY\", \"SATURDAY\"], \"at\": \"03:00\"}]|[]",
			"name|\"nightly-db\"|\" \"", "provider|\"provider\": \"vol\", |",
			"targets[0].id|\"type\": \"VOLUME\", \"id\": \"v-Cds00001\"|\"type\": \"VOLUME\"",
			"targets[0].id|\"VOLUME\", \"id\": \"v-Cds00001\"|\"SYSTEM\", \"id\": \"v-Cds00001\"",
			"targets[0].type|\"VOLUME\"|\"DISK\"", "targets[0].id|v-Cds00001|v'1",
			"copies[0].targetProvider|\"retention\": {|\"copies\": [{\"retention\": \"P7D\"}], \"retention\": {",
			"copies[0].targetProvider|\"retention\": {|\"copies\": [{\"targetProvider\": \"Not Ours\"}], \"retention\": {",
			"copies[0].retention|\"retention\": {|\"copies\": [{\"targetProvider\": \"dr\", \"retention\": \"PT0S\"}], \"retention\": {" })
	void badInputIsA400NamingTheField(String change) {
		String[] parts = change.split("\\|", -1);
		String body = VOLUME_POLICY.replace(parts[1], parts[2]);
		assertThat(body).as("the change applies").isNotEqualTo(VOLUME_POLICY);

		MvcTestResult result = post("/policies", body);

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().contains(parts[0]);
		assertThat(this.volume.callsTo("create")).isZero();
	}

	@Test
	void aRuleTakesOnlyItsOwnFields() {
		MvcTestResult result = post("/policies",
				SYSTEM_POLICY
					.replace("{\"every\": \"HOUR\", \"minute\": 15}", "{\"every\": \"HOUR\", \"at\": \"01:00\"}")
					.replace("{\"every\": \"DAY\", \"at\": \"00:30\"}", "{\"every\": \"DAY\", \"day\": 3}"));

		assertProblem(result, 400, "VALIDATION_FAILED");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.isEqualTo(List.of("schedule.rules[0].at", "schedule.rules[0].minute", "schedule.rules[1].day",
					"schedule.rules[1].at"));
	}

	@Test
	void unknownFieldsAndMalformedBodiesAreProblems() {
		MvcTestResult unknown = post("/policies", VOLUME_POLICY.replace("\"name\"", "\"owner\": \"me\", \"name\""));
		assertProblem(unknown, 400, "MALFORMED_REQUEST");
		assertThat(unknown).bodyJson().extractingPath("$.errors[0].field").isEqualTo("owner");
		assertProblem(post("/policies", "{\"provider\": "), 400, "MALFORMED_REQUEST");
		assertProblem(post("/policies", VOLUME_POLICY.replace("\"minKept\": null", "\"minKept\": \"lots\"")), 400,
				"MALFORMED_REQUEST");
	}

	@Test
	void creatingOnAnUnknownProviderOrOneWithoutPoliciesIsRefusedByField() {
		assertProblem(post("/policies", VOLUME_POLICY.replace("\"vol\"", "\"zulu\"")), 400, "UNKNOWN_PROVIDER");
		MvcTestResult plain = post("/policies", VOLUME_POLICY.replace("\"vol\"", "\"plain\""));
		assertProblem(plain, 400, "UNSUPPORTED_FIELD");
		assertThat(plain).bodyJson().extractingPath("$.errors[0].field").isEqualTo("provider");
	}

	@Test
	void replacesScheduleRetentionNameAndFlagsButNotTheTargets() {
		this.volume.withPolicy(this.volume.policy("p-1", "disks", NOW, null, PolicyTarget.volume("v-1")));

		MvcTestResult result = this.mvc.put()
			.uri("/policies/vol:p-1")
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"name": "renamed", "schedule": {"timeZone": "Asia/Shanghai", "rules": [{"every": "DAY", "at": "02:00"}]},
							 "retention": {"forever": true}}""")
			.exchange();

		assertThat(result).hasStatusOk().bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.name").isEqualTo("renamed");
			json.assertThat().extractingPath("$.retention").isEqualTo(Map.of("forever", true));
			json.assertThat().extractingPath("$.targets[*].id").isEqualTo(List.of("v-1"));
		});
	}

	@Test
	void aReplaceThatNamesTargetsOrAnotherProviderIsRefused() {
		this.volume.withPolicy(this.volume.policy("p-1", "disks", NOW, null, PolicyTarget.volume("v-1")));

		MvcTestResult withTargets = put("/policies/vol:p-1", VOLUME_POLICY.replace("\"provider\": \"vol\", ", ""));
		assertProblem(withTargets, 400, "VALIDATION_FAILED");
		assertThat(withTargets).bodyJson().extractingPath("$.errors[0].field").isEqualTo("targets");
		assertProblem(put("/policies/vol:p-1", VOLUME_POLICY.replace("\"vol\"", "\"sys\"")), 400, "VALIDATION_FAILED");
		assertThat(this.volume.callsTo("replace")).isZero();
	}

	@Test
	void deletes() {
		this.volume.withPolicy(this.volume.policy("p-1", "disks", NOW, null, PolicyTarget.volume("v-1")));

		assertThat(this.mvc.delete().uri("/policies/vol:p-1")).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.volume.size()).isZero();
		assertProblem(this.mvc.delete().uri("/policies/vol:p-1").exchange(), 404, "POLICY_NOT_FOUND");
	}

	@Test
	void attachesAndDetachesTargets() {
		this.volume.withPolicy(this.volume.policy("p-1", "disks", NOW, null, PolicyTarget.volume("v-1")));

		assertThat(post("/policies/vol:p-1/targets", "{\"targets\": [{\"type\": \"VOLUME\", \"id\": \"v-2\"}]}"))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.targets[*].id")
			.isEqualTo(List.of("v-1", "v-2"));
		assertThat(this.mvc.delete().uri("/policies/vol:p-1/targets/v-1")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.targets[*].id")
			.isEqualTo(List.of("v-2"));
		assertProblem(post("/policies/vol:p-1/targets", "{\"targets\": []}"), 400, "VALIDATION_FAILED");
		assertProblem(post("/policies/vol:p-1/targets", "{}"), 400, "VALIDATION_FAILED");
		assertProblem(post("/policies/vol:p-1/targets", "{\"targets\": [{\"type\": \"SYSTEM\"}]}"), 400,
				"UNSUPPORTED_FIELD");
		assertProblem(this.mvc.delete().uri("/policies/vol:p-1/targets/v'1").exchange(), 400, "VALIDATION_FAILED");
		assertThat(this.volume.callsTo("detach")).isEqualTo(1);
	}

	@Test
	void everyPolicyWriteHasAPreviewThatChangesNothing() {
		this.volume.withPolicy(this.volume.policy("p-1", "disks", NOW, null, PolicyTarget.volume("v-1")));
		String replace = """
				{"name": "renamed", "schedule": {"timeZone": "Asia/Shanghai", "rules": [{"every": "DAY", "at": "02:00"}]},
				 "retention": {"forever": true}}""";

		MvcTestResult replaced = put("/policies/vol:p-1?dryRun=true", replace);
		MvcTestResult deleted = this.mvc.delete().uri("/policies/vol:p-1?dryRun=true").exchange();
		MvcTestResult attached = post("/policies/vol:p-1/targets?dryRun=true",
				"{\"targets\": [{\"type\": \"VOLUME\", \"id\": \"v-2\"}]}");
		MvcTestResult detached = this.mvc.delete().uri("/policies/vol:p-1/targets/v-1?dryRun=true").exchange();

		assertPreview(replaced, "REPLACE_POLICY", "OVERWRITE");
		assertPreview(deleted, "DELETE_POLICY", "DETACH");
		assertThat(deleted).bodyJson().extractingPath("$.actions[*].change").isEqualTo(List.of("DETACH", "DELETE"));
		assertPreview(attached, "ATTACH_TARGETS", "ATTACH");
		assertPreview(detached, "DETACH_TARGET", "DETACH");
		assertThat(this.volume.calls()).containsExactly("previewReplace", "previewDelete", "previewAttach",
				"previewDetach");
		assertThat(this.volume.stored("p-1"))
			.hasValue(this.volume.policy("p-1", "disks", NOW, null, PolicyTarget.volume("v-1")));
	}

	@Test
	void aPreviewAnswersTheProblemItsWriteWould() {
		this.volume.withPolicy(this.volume.policy("p-1", "disks", NOW, null, PolicyTarget.volume("v-1")));

		assertProblem(put("/policies/vol:p-1?dryRun=true", VOLUME_POLICY.replace("\"provider\": \"vol\", ", "")), 400,
				"VALIDATION_FAILED");
		assertProblem(this.mvc.delete().uri("/policies/vol:p-404?dryRun=true").exchange(), 404, "POLICY_NOT_FOUND");
		assertProblem(post("/policies/vol:p-1/targets?dryRun=true", "{\"targets\": [{\"type\": \"SYSTEM\"}]}"), 400,
				"UNSUPPORTED_FIELD");
		assertProblem(this.mvc.delete().uri("/policies/vol:p-1/targets/v-9?dryRun=true").exchange(), 404, "NOT_FOUND");
		assertProblem(this.mvc.delete().uri("/policies/vol:p-1?dryrun=true").exchange(), 400, "UNKNOWN_PARAMETER");
		assertThat(this.volume.size()).isOne();
		assertThat(this.volume.calls()).doesNotContain("replace", "delete", "attach", "detach");
	}

	@Test
	void unknownPoliciesProvidersAndProvidersWithoutPoliciesAreNotFound() {
		assertProblem(this.mvc.get().uri("/policies/vol:p-404").exchange(), 404, "POLICY_NOT_FOUND");
		assertProblem(this.mvc.get().uri("/policies/zulu:p-1").exchange(), 404, "POLICY_NOT_FOUND");
		assertProblem(this.mvc.get().uri("/policies/plain:p-1").exchange(), 404, "POLICY_NOT_FOUND");
		assertProblem(this.mvc.delete().uri("/policies/zulu:p-1").exchange(), 404, "POLICY_NOT_FOUND");
		assertProblem(post("/policies/zulu:p-1/targets", "{\"targets\": [{\"type\": \"SYSTEM\"}]}"), 404,
				"POLICY_NOT_FOUND");
		assertProblem(this.mvc.delete().uri("/policies/plain:p-1/targets/v-1").exchange(), 404, "POLICY_NOT_FOUND");
	}

	@ParameterizedTest
	@ValueSource(strings = { "vol:1", "vol", ":p-1", "vol:", "VOL:p-1", "vol:p-1 x" })
	void aMalformedPolicyIdIsRefusedBeforeAnyUpstreamCall(String id) {
		MvcTestResult result = this.mvc.get().uri("/policies/{id}", id).exchange();

		assertProblem(result, 400, "INVALID_POLICY_ID");
		assertThat(this.volume.calls()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "../x", "vol:..", "vol:%2e%2e", "vol:../p-1", "vol:p-1;x" })
	void aPolicyIdThatWouldLeaveItsPathIsRefused(String id) {
		MvcTestResult result = this.mvc.get().uri("/policies/{id}", id).exchange();

		assertThat(result).hasStatus4xxClientError().hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.volume.calls()).isEmpty();
	}

	private Policy weekly(FakePolicyProvider provider, String nativeId, Instant lastSnapshotAt) {
		PolicySchedule schedule = new PolicySchedule(ZoneId.of("Europe/Berlin"),
				List.of(new ScheduleRule.Hourly(0), new ScheduleRule.Daily(LocalTime.of(2, 0)),
						new ScheduleRule.Weekly(
								java.util.Set.of(java.time.DayOfWeek.SUNDAY, java.time.DayOfWeek.SATURDAY),
								LocalTime.of(3, 0)),
						new ScheduleRule.Monthly(1, LocalTime.of(4, 0))));
		Policy base = provider.policy(nativeId, "system", schedule, NOW.minus(Duration.ofDays(60)), lastSnapshotAt,
				PolicyTarget.SYSTEM);
		return new Policy(base.provider(), base.providerType(), nativeId, base.name(), schedule,
				PolicyRetention.forever(), true, base.targets(), PolicyStatus.ACTIVE, "active", base.createdAt(),
				lastSnapshotAt, Map.of());
	}

	private MvcTestResult post(String uri, String body) {
		return this.mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	private MvcTestResult post(String uri, String body, String idempotencyKey) {
		return this.mvc.post()
			.uri(uri)
			.header("Idempotency-Key", idempotencyKey)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult put(String uri, String body) {
		return this.mvc.put().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	private static void assertPreview(MvcTestResult result, String operation, String firstChange) {
		assertThat(result).hasStatusOk().bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.dryRun").isEqualTo(true);
			json.assertThat().extractingPath("$.operation").isEqualTo(operation);
			json.assertThat().extractingPath("$.provider").isEqualTo("vol");
			json.assertThat().extractingPath("$.actions[0].change").isEqualTo(firstChange);
		});
	}

	private static void assertProblem(MvcTestResult result, int status, String code) {
		assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code);
	}

}
