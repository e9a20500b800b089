package io.snapgate.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.snapgate.domain.ConflictException;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.Member;
import io.snapgate.domain.MemberType;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderType;
import io.snapgate.domain.Scope;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotStatus;
import io.snapgate.domain.UpstreamAuthException;
import io.snapgate.domain.UpstreamDetails;
import io.snapgate.domain.UpstreamUnavailableException;
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

import static io.snapgate.api.ApiTestConfiguration.SYSTEM;
import static io.snapgate.api.ApiTestConfiguration.VOLUME;
import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(properties = "snapgate.security.open=true")
@ActiveProfiles("sandbox")
@Import(ApiTestConfiguration.class)
class SnapshotControllerTests {

	private static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");

	@Autowired
	MockMvcTester mvc;

	@BeforeEach
	void seed() {
		SYSTEM.reset();
		VOLUME.reset();
		SYSTEM.withSnapshot("12", "Daily_20261122", T0.plusSeconds(60))
			.withMembers("12", new Member(MemberType.VM, "41", "web-01"), new Member(MemberType.TENANT, "7", "acme"));
		VOLUME.withSnapshot("s-8kQ2x1Zv", "pre_upgrade", T0);
	}

	@Test
	void listsSnapshotsOfEveryProviderNewestFirst() {
		assertThat(this.mvc.get().uri("/snapshots")).hasStatusOk().bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.items[*].id").isEqualTo(List.of("sys:12", "vol:s-8kQ2x1Zv"));
			json.assertThat().extractingPath("$.partial").isEqualTo(false);
			json.assertThat().extractingPath("$.nextPageToken").isNull();
			json.assertThat().extractingPath("$.items[1].source.volumeId").isEqualTo("v-1");
			json.assertThat().extractingPath("$.items[0].providerType").isEqualTo("fake-system");
		});
	}

	@Test
	void pagesWithASealedTokenAndRefusesATamperedOne() throws Exception {
		MvcTestResult first = this.mvc.get().uri("/snapshots?pageSize=1").exchange();
		assertThat(first).hasStatusOk().bodyJson().extractingPath("$.items[0].id").isEqualTo("sys:12");
		String token = com.jayway.jsonpath.JsonPath.read(first.getResponse().getContentAsString(), "$.nextPageToken");

		assertThat(this.mvc.get().uri("/snapshots?pageSize=1&pageToken={t}", token)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.items[0].id")
			.isEqualTo("vol:s-8kQ2x1Zv");

		String tampered = token.substring(0, 3) + (token.charAt(3) == 'A' ? 'B' : 'A') + token.substring(4);
		assertProblem(this.mvc.get().uri("/snapshots?pageToken={t}", tampered).exchange(), 400, "INVALID_PAGE_TOKEN");
		assertProblem(this.mvc.get().uri("/snapshots?pageToken={t}&provider=sys", token).exchange(), 400,
				"INVALID_PAGE_TOKEN");
		assertProblem(this.mvc.get().uri("/snapshots?pageToken=not-a-token").exchange(), 400, "INVALID_PAGE_TOKEN");
	}

	@Test
	void aFailingProviderMakesTheListingPartial() {
		VOLUME.failWith(() -> new UpstreamUnavailableException(ErrorCode.UPSTREAM_UNAVAILABLE, "connection refused",
				null, null));

		assertThat(this.mvc.get().uri("/snapshots")).hasStatusOk().bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.partial").isEqualTo(true);
			json.assertThat().extractingPath("$.items[*].id").isEqualTo(List.of("sys:12"));
			json.assertThat().extractingPath("$.providerErrors[0].provider").isEqualTo("vol");
			json.assertThat().extractingPath("$.providerErrors[0].code").isEqualTo("UPSTREAM_UNAVAILABLE");
		});
	}

	@Test
	void listingWithMembersLoadsThemForSystemSnapshots() {
		assertThat(this.mvc.get().uri("/snapshots?include=members")).hasStatusOk().bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.items[0].members[0].id").isEqualTo("sys:12:vm:41");
			json.assertThat().extractingPath("$.items[1].members").isEqualTo(List.of());
		});
		assertThat(this.mvc.get().uri("/snapshots")).bodyJson().doesNotHavePath("$.items[0].members");
	}

	@Test
	void readsOneSnapshotWithItsMembers() {
		assertThat(this.mvc.get().uri("/snapshots/sys:12")).hasStatusOk().bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.id").isEqualTo("sys:12");
			json.assertThat().extractingPath("$.nativeId").isEqualTo("12");
			json.assertThat().extractingPath("$.scope").isEqualTo("SYSTEM");
			json.assertThat().extractingPath("$.createdAt").isEqualTo("2026-11-22T02:01:00Z");
			json.assertThat().extractingPath("$.members[*].name").isEqualTo(List.of("web-01", "acme"));
			json.assertThat().extractingPath("$.members[1].id").isEqualTo("sys:12:tenant:7");
		});
	}

	@Test
	void listsMembers() {
		assertThat(this.mvc.get().uri("/snapshots/sys:12/members")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].type")
			.isEqualTo(List.of("VM", "TENANT"));
	}

	@Test
	void listsOnlyTheSnapshotsOfOnePolicyAskingOnlyItsProvider() throws Exception {
		SYSTEM.withPolicySnapshot("20", "p-1", T0.plusSeconds(120))
			.withPolicySnapshot("21", "p-1", T0.plusSeconds(180))
			.withPolicySnapshot("22", "p-2", T0.plusSeconds(240));

		MvcTestResult first = this.mvc.get().uri("/snapshots?policy=sys:p-1&pageSize=1").exchange();

		assertThat(first).hasStatusOk().bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.items[*].id").isEqualTo(List.of("sys:21"));
			json.assertThat().extractingPath("$.items[0].policy").isEqualTo("sys:p-1");
		});
		assertThat(VOLUME.calls()).isEmpty();
		String token = com.jayway.jsonpath.JsonPath.read(first.getResponse().getContentAsString(), "$.nextPageToken");
		assertThat(this.mvc.get().uri("/snapshots?policy=sys:p-1&pageSize=1&pageToken={t}", token)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.items[*].id")
			.isEqualTo(List.of("sys:20"));
		assertProblem(this.mvc.get().uri("/snapshots?policy=sys:p-2&pageToken={t}", token).exchange(), 400,
				"INVALID_PAGE_TOKEN");
		assertThat(this.mvc.get().uri("/snapshots/sys:12")).bodyJson().extractingPath("$.policy").isNull();
	}

	@Test
	void aPolicyFilterIsCheckedLikeAPolicyIdBeforeAnyListing() {
		MvcTestResult malformed = this.mvc.get().uri("/snapshots?policy=sys").exchange();
		assertProblem(malformed, 400, "INVALID_POLICY_ID");
		assertThat(malformed).bodyJson().extractingPath("$.errors[0].field").isEqualTo("policy");
		assertProblem(this.mvc.get().uri("/snapshots?policy=sys:12").exchange(), 400, "INVALID_POLICY_ID");
		assertProblem(this.mvc.get().uri("/snapshots?policy=zulu:p-1").exchange(), 404, "POLICY_NOT_FOUND");
		assertProblem(this.mvc.get().uri("/snapshots?policy=plain:p-1").exchange(), 404, "POLICY_NOT_FOUND");
		MvcTestResult elsewhere = this.mvc.get().uri("/snapshots?policy=vol:p-1&provider=sys").exchange();
		assertProblem(elsewhere, 400, "VALIDATION_FAILED");
		assertThat(elsewhere).bodyJson().extractingPath("$.errors[0].field").isEqualTo("policy");
		assertThat(SYSTEM.calls()).isEmpty();
		assertThat(VOLUME.calls()).isEmpty();
	}

	@Test
	void anUnknownSnapshotIsNotFound() {
		assertProblem(this.mvc.get().uri("/snapshots/sys:99").exchange(), 404, "SNAPSHOT_NOT_FOUND");
		assertProblem(this.mvc.delete().uri("/snapshots/sys:99").exchange(), 404, "SNAPSHOT_NOT_FOUND");
	}

	@ParameterizedTest
	@ValueSource(strings = { "../x", "x", ":12", "sys:", "SYS:12", "sys:..", "sys:a b", "sys:%2e%2e" })
	void aMalformedSnapshotIdIsRefusedBeforeAnyUpstreamCall(String id) {
		MvcTestResult result = this.mvc.get().uri("/snapshots/{id}", id).exchange();
		assertThat(result).hasStatus4xxClientError().hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(SYSTEM.calls()).isEmpty();
	}

	@Test
	void aSnapshotIdOfAnUnknownProviderIsNotFound() {
		assertProblem(this.mvc.get().uri("/snapshots/nope:12").exchange(), 404, "SNAPSHOT_NOT_FOUND");
	}

	@Test
	void createsASnapshotAndPointsAtIt() {
		MvcTestResult result = this.mvc.post()
			.uri("/snapshots")
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"provider":"sys","name":"pre-upgrade","description":"before upgrade","retention":"P7D","immutable":true}""")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.ACCEPTED)
			.headers()
			.hasValue("Location", "http://localhost/snapshots/sys:n1001");
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("CREATING");
		assertThat(SYSTEM.size()).isEqualTo(2);
	}

	@Test
	void waitingForACreateThatSettlesAnswers201() {
		SYSTEM.createsAs(SnapshotStatus.AVAILABLE);

		assertThat(this.mvc.post()
			.uri("/snapshots?wait=true&timeout=PT2S")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"provider\":\"sys\",\"name\":\"now\"}")).hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("AVAILABLE");
	}

	@Test
	void waitingLongerThanAllowedIsRefused() {
		assertProblem(this.mvc.post()
			.uri("/snapshots?wait=true&timeout=PT1H")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"provider\":\"sys\",\"name\":\"now\"}")
			.exchange(), 400, "VALIDATION_FAILED");
		assertThat(SYSTEM.callsTo("create")).isZero();
	}

	@Test
	void theSameIdempotencyKeyAndBodyCreateOneSnapshot() {
		String body = "{\"provider\":\"vol\",\"name\":\"nightly\",\"volumeId\":\"v-x1\"}";
		MvcTestResult first = this.mvc.post()
			.uri("/snapshots")
			.header("Idempotency-Key", "6f1c0a62-1")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
		MvcTestResult second = this.mvc.post()
			.uri("/snapshots")
			.header("Idempotency-Key", "6f1c0a62-1")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();

		assertThat(first).hasStatus(HttpStatus.ACCEPTED);
		assertThat(second.getResponse().getHeader("Location")).isEqualTo(first.getResponse().getHeader("Location"));
		assertThat(VOLUME.size()).isEqualTo(2);

		assertProblem(this.mvc.post()
			.uri("/snapshots")
			.header("Idempotency-Key", "6f1c0a62-1")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"provider\":\"vol\",\"name\":\"other\",\"volumeId\":\"v-x1\"}")
			.exchange(), 422, "IDEMPOTENCY_KEY_REUSED");
	}

	@Test
	void fieldsTheProviderCannotHonourAreRefusedByName() {
		MvcTestResult volumeOnSystem = this.mvc.post()
			.uri("/snapshots")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"provider\":\"sys\",\"name\":\"a\",\"volumeId\":\"v-x1\"}")
			.exchange();
		assertProblem(volumeOnSystem, 400, "UNSUPPORTED_FIELD");
		assertThat(volumeOnSystem).bodyJson().extractingPath("$.errors[0].field").isEqualTo("volumeId");

		MvcTestResult immutableOnVolume = this.mvc.post()
			.uri("/snapshots")
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"provider\":\"vol\",\"name\":\"a\",\"volumeId\":\"v-x1\",\"immutable\":true,\"retention\":\"P7D\"}")
			.exchange();
		assertProblem(immutableOnVolume, 400, "UNSUPPORTED_FIELD");
		assertThat(immutableOnVolume).bodyJson()
			.extractingPath("$.errors[*].field")
			.isEqualTo(List.of("retention", "immutable"));

		assertProblem(this.mvc.post()
			.uri("/snapshots")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"provider\":\"vol\",\"name\":\"a\"}")
			.exchange(), 400, "VALIDATION_FAILED");
		assertThat(SYSTEM.callsTo("create") + VOLUME.callsTo("create")).isZero();
	}

	@Test
	void aMachineSnapshotIsRefusedByNameWhereTheProviderTakesNone() {
		MvcTestResult machine = this.mvc.post()
			.uri("/snapshots")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"provider\":\"sys\",\"name\":\"a\",\"machine\":\"web-01\",\"quiesce\":true}")
			.exchange();
		assertProblem(machine, 400, "UNSUPPORTED_FIELD");
		assertThat(machine).bodyJson().extractingPath("$.errors[*].field").isEqualTo(List.of("machine", "quiesce"));
		MvcTestResult both = this.mvc.post()
			.uri("/snapshots")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"provider\":\"vol\",\"name\":\"a\",\"volumeId\":\"v-x1\",\"machine\":\"i-1\"}")
			.exchange();
		assertProblem(both, 400, "UNSUPPORTED_FIELD");
		assertThat(both).bodyJson().extractingPath("$.errors[*].field").asArray().contains("machine");
		assertProblem(this.mvc.post()
			.uri("/snapshots")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"provider\":\"vol\",\"name\":\"a\",\"volumeId\":\"v-x1\",\"quiesce\":true}")
			.exchange(), 400, "VALIDATION_FAILED");
		assertThat(SYSTEM.callsTo("create") + VOLUME.callsTo("create")).isZero();
	}

	@Test
	void malformedAndHostileBodiesAreProblems() {
		assertProblem(post("{\"provider\":\"sys\",\"name\":"), 400, "MALFORMED_REQUEST");
		MvcTestResult unknown = post("{\"provider\":\"sys\",\"name\":\"a\",\"owner\":\"me\"}");
		assertProblem(unknown, 400, "MALFORMED_REQUEST");
		assertThat(unknown).bodyJson().extractingPath("$.errors[0].field").isEqualTo("owner");
		assertProblem(post("{\"provider\":\"sys\",\"name\":\"" + "x".repeat(129) + "\"}"), 400, "VALIDATION_FAILED");
		assertProblem(post("{\"provider\":\"sys\",\"name\":\"a\",\"description\":\"" + "d".repeat(5000) + "\"}"), 400,
				"VALIDATION_FAILED");
		assertProblem(post("{\"provider\":\"sys\",\"name\":\"a\\u0000b\"}"), 400, "VALIDATION_FAILED");
		assertProblem(post("{\"provider\":\"sys\",\"name\":\"a\",\"retention\":\"forever\"}"), 400,
				"VALIDATION_FAILED");
		assertProblem(post("{\"provider\":\"sys\",\"name\":\"a\",\"immutable\":\"yes\"}"), 400, "MALFORMED_REQUEST");
		assertProblem(post("{\"provider\":\"../etc\",\"name\":\"a\"}"), 400, "VALIDATION_FAILED");
		assertProblem(post("{\"provider\":\"zulu\",\"name\":\"a\"}"), 400, "UNKNOWN_PROVIDER");
		assertProblem(post("[]"), 400, "MALFORMED_REQUEST");
		assertProblem(this.mvc.post()
			.uri("/snapshots")
			.header("Idempotency-Key", "bad key with spaces")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"provider\":\"sys\",\"name\":\"a\"}")
			.exchange(), 400, "VALIDATION_FAILED");
		assertThat(SYSTEM.callsTo("create")).isZero();
	}

	@Test
	void badQueryValuesAreProblems() {
		assertProblem(this.mvc.get().uri("/snapshots?pageSize=501").exchange(), 400, "VALIDATION_FAILED");
		assertProblem(this.mvc.get().uri("/snapshots?pageSize=0").exchange(), 400, "VALIDATION_FAILED");
		assertProblem(this.mvc.get().uri("/snapshots?pageSize=lots").exchange(), 400, "VALIDATION_FAILED");
		assertProblem(this.mvc.get().uri("/snapshots?status=GONE").exchange(), 400, "VALIDATION_FAILED");
		assertProblem(this.mvc.get().uri("/snapshots?createdAfter=yesterday").exchange(), 400, "VALIDATION_FAILED");
		assertProblem(this.mvc.get().uri("/snapshots?provider=zulu").exchange(), 400, "UNKNOWN_PROVIDER");
		assertProblem(this.mvc.get().uri("/snapshots?provider=Bad_Id").exchange(), 400, "VALIDATION_FAILED");
		assertProblem(this.mvc.get().uri("/snapshots?volumeId=v'1").exchange(), 400, "VALIDATION_FAILED");
		assertThat(SYSTEM.calls()).isEmpty();
	}

	@Test
	void deletes() {
		assertThat(this.mvc.delete().uri("/snapshots/sys:12")).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(SYSTEM.size()).isZero();
	}

	@Test
	void aDeletePreviewTellsWhatWouldGoAndDeletesNothing() {
		assertThat(this.mvc.delete().uri("/snapshots/sys:12?dryRun=true")).hasStatusOk()
			.bodyJson()
			.satisfies((json) -> {
				json.assertThat().extractingPath("$.dryRun").isEqualTo(true);
				json.assertThat().extractingPath("$.operation").isEqualTo("DELETE_SNAPSHOT");
				json.assertThat().extractingPath("$.provider").isEqualTo("sys");
				json.assertThat().extractingPath("$.actions[0].change").isEqualTo("DELETE");
				json.assertThat().extractingPath("$.actions[0].id").isEqualTo("sys:12");
				json.assertThat().extractingPath("$.checks[0].outcome").isEqualTo("PASSED");
			});
		assertThat(SYSTEM.size()).isEqualTo(1);
		assertThat(SYSTEM.callsTo("delete")).isZero();
	}

	@Test
	void aDeletePreviewOfALockedSnapshotIsTheSameConflictAsTheDelete() {
		SYSTEM.withSnapshot(new Snapshot(new ProviderId("sys"), new ProviderType("fake-system"), "13", "locked", null,
				Scope.SYSTEM, null, SnapshotStatus.AVAILABLE, "normal", T0, null, null, true, true,
				Instant.parse("2026-12-22T02:00:00Z"), Map.of(), null));

		MvcTestResult preview = this.mvc.delete().uri("/snapshots/sys:13?dryRun=true").exchange();
		MvcTestResult real = this.mvc.delete().uri("/snapshots/sys:13").exchange();

		assertProblem(preview, 409, "SNAPSHOT_LOCKED");
		assertProblem(real, 409, "SNAPSHOT_LOCKED");
		assertProblem(this.mvc.delete().uri("/snapshots/sys:99?dryRun=true").exchange(), 404, "SNAPSHOT_NOT_FOUND");
	}

	@Test
	void aCreatePreviewChecksTheRequestAsTheCreateDoesAndTakesNothing() {
		assertThat(this.mvc.post()
			.uri("/snapshots?dryRun=true")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"provider\":\"sys\",\"name\":\"pre-upgrade\",\"retention\":\"P7D\"}")).hasStatusOk()
			.bodyJson()
			.satisfies((json) -> {
				json.assertThat().extractingPath("$.operation").isEqualTo("CREATE_SNAPSHOT");
				json.assertThat().extractingPath("$.actions[0].change").isEqualTo("CREATE");
				json.assertThat().extractingPath("$.actions[0].name").isEqualTo("pre-upgrade");
				json.assertThat().extractingPath("$.checks[0].name").isEqualTo("PROVIDER_TAKES_FIELDS");
			});
		assertThat(SYSTEM.callsTo("create")).isZero();
		assertProblem(post("/snapshots?dryRun=true", "{\"provider\":\"sys\",\"name\":\"a\",\"volumeId\":\"v-1\"}"), 400,
				"UNSUPPORTED_FIELD");
		assertProblem(post("/snapshots?dryRun=true", "{\"provider\":\"nope\",\"name\":\"a\"}"), 400,
				"UNKNOWN_PROVIDER");
		assertThat(SYSTEM.callsTo("previewCreate")).isEqualTo(1);
	}

	@Test
	void deletingALockedSnapshotIsAConflictThatSaysUntilWhen() {
		Instant until = Instant.parse("2026-12-22T02:00:00Z");
		SYSTEM.withSnapshot(
				new Snapshot(new ProviderId("sys"), new ProviderType("fake-system"), "13", "locked", null, Scope.SYSTEM,
						null, SnapshotStatus.AVAILABLE, "normal", T0, null, null, true, true, until, Map.of(), null));

		MvcTestResult result = this.mvc.delete().uri("/snapshots/sys:13").exchange();

		assertProblem(result, 409, "SNAPSHOT_LOCKED");
		assertThat(result).bodyJson().extractingPath("$.lockExpiresAt").isEqualTo("2026-12-22T02:00:00Z");
		assertThat(result).bodyJson().extractingPath("$.provider").isEqualTo("sys");
	}

	@ParameterizedTest
	@ValueSource(strings = { "SNAPSHOT_BUSY", "INSTANCE_BUSY", "VOLUME_BUSY", "QUOTA_EXCEEDED" })
	void upstreamConflictsKeepTheirCode(String code) throws Exception {
		VOLUME.failWith(() -> new ConflictException(ErrorCode.valueOf(code), "not now")
			.withUpstream(new UpstreamDetails("OperationDenied", "req-1", "raw upstream text")));

		MvcTestResult result = post("{\"provider\":\"vol\",\"name\":\"a\",\"volumeId\":\"v-x1\"}");

		assertProblem(result, 409, code);
		assertThat(result).bodyJson().extractingPath("$.upstreamCode").isEqualTo("OperationDenied");
		assertThat(result).bodyJson().extractingPath("$.upstreamRequestId").isEqualTo("req-1");
		assertThat(result.getResponse().getContentAsString()).doesNotContain("raw upstream text");
	}

	@Test
	void upstreamFailuresAreGatewayErrors() {
		VOLUME.failWith(() -> new UpstreamAuthException(ErrorCode.UPSTREAM_AUTH_FAILED,
				"The provider refused SnapGate's credentials; check them"));
		assertProblem(this.mvc.get().uri("/snapshots/vol:s-1").exchange(), 502, "UPSTREAM_AUTH_FAILED");

		VOLUME.failWith(() -> new UpstreamUnavailableException(ErrorCode.UPSTREAM_UNAVAILABLE, "breaker open",
				java.time.Duration.ofSeconds(30), null));
		MvcTestResult unavailable = this.mvc.get().uri("/snapshots/vol:s-1").exchange();
		assertProblem(unavailable, 503, "UPSTREAM_UNAVAILABLE");
		assertThat(unavailable).headers().hasValue("Retry-After", "30");
	}

	private MvcTestResult post(String body) {
		return post("/snapshots", body);
	}

	private MvcTestResult post(String uri, String body) {
		return this.mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	static void assertProblem(MvcTestResult result, int status, String code) {
		String content;
		try {
			content = result.getResponse().getContentAsString();
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
		assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code);
		assertThat(result).bodyJson().extractingPath("$.type").asString().startsWith("urn:snapgate:problem:");
		assertThat(content).doesNotContain("Exception").doesNotContain("\tat ");
	}

}
