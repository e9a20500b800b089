package io.snapgate.api;

import java.time.Instant;

import io.snapgate.domain.Member;
import io.snapgate.domain.MemberType;
import io.snapgate.domain.RestoreStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
import static io.snapgate.api.SnapshotControllerTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(properties = "snapgate.security.open=true")
@ActiveProfiles("sandbox")
@Import(ApiTestConfiguration.class)
class RestoreControllerTests {

	private static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");

	@Autowired
	MockMvcTester mvc;

	@BeforeEach
	void seed() {
		SYSTEM.reset();
		VOLUME.reset();
		SYSTEM.withSnapshot("12", "Daily", T0)
			.withMembers("12", new Member(MemberType.VM, "41", "web-01"), new Member(MemberType.VM, "42", "dup"),
					new Member(MemberType.VM, "43", "dup"), new Member(MemberType.TENANT, "7", "acme"));
		VOLUME.withSnapshot("s-1", "pre", T0);
	}

	@Test
	void restoresAVmByNameAsANewCopyAndFollowsItById() throws Exception {
		MvcTestResult started = start("""
				{"snapshotId":"sys:12","target":{"type":"VM","member":"web-01"},"newName":"web-01-restored"}""");

		assertThat(started).hasStatus(HttpStatus.ACCEPTED).bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.mode").isEqualTo("NEW_COPY");
			json.assertThat().extractingPath("$.status").isEqualTo("PENDING");
			json.assertThat().extractingPath("$.snapshotId").isEqualTo("sys:12");
			json.assertThat().extractingPath("$.target.member").isEqualTo("sys:12:vm:41");
			json.assertThat().extractingPath("$.result.restoredName").isEqualTo("web-01-restored");
		});
		String location = started.getResponse().getHeader("Location");
		assertThat(location).startsWith("http://localhost/restores/");

		SYSTEM.restoresEndAs(RestoreStatus.SUCCEEDED);
		assertThat(this.mvc.get().uri(location)).hasStatusOk().bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.status").isEqualTo("SUCCEEDED");
			json.assertThat().extractingPath("$.finishedAt").isNotNull();
			json.assertThat().extractingPath("$.target.type").isEqualTo("VM");
			json.assertThat().extractingPath("$.snapshotId").isEqualTo("sys:12");
		});
	}

	@Test
	void restoresATenantByMemberId() {
		assertThat(start("{\"snapshotId\":\"sys:12\",\"target\":{\"type\":\"TENANT\",\"member\":\"sys:12:tenant:7\"}}"))
			.hasStatus(HttpStatus.ACCEPTED)
			.bodyJson()
			.extractingPath("$.target.member")
			.isEqualTo("sys:12:tenant:7");
	}

	@Test
	void aMemberTheSnapshotDoesNotContainIsNotFound() {
		assertProblem(start("{\"snapshotId\":\"sys:12\",\"target\":{\"type\":\"VM\",\"member\":\"db-01\"}}"), 404,
				"MEMBER_NOT_FOUND");
		assertProblem(start("{\"snapshotId\":\"sys:12\",\"target\":{\"type\":\"TENANT\",\"member\":\"web-01\"}}"), 404,
				"MEMBER_NOT_FOUND");
		assertThat(SYSTEM.callsTo("restore")).isZero();
	}

	@Test
	void anAmbiguousMemberNameAsksForTheId() {
		assertProblem(start("{\"snapshotId\":\"sys:12\",\"target\":{\"type\":\"VM\",\"member\":\"dup\"}}"), 400,
				"VALIDATION_FAILED");
	}

	@Test
	void anInPlaceRollbackNeedsConfirmation() {
		MvcTestResult unconfirmed = start("{\"snapshotId\":\"vol:s-1\",\"target\":{\"type\":\"VOLUME\"}}");
		assertProblem(unconfirmed, 400, "CONFIRMATION_REQUIRED");
		assertThat(unconfirmed).bodyJson().extractingPath("$.errors[0].field").isEqualTo("confirmInPlace");
		assertThat(VOLUME.callsTo("restore")).isZero();

		assertThat(start("{\"snapshotId\":\"vol:s-1\",\"target\":{\"type\":\"VOLUME\"},\"confirmInPlace\":true}"))
			.hasStatus(HttpStatus.ACCEPTED)
			.bodyJson()
			.extractingPath("$.mode")
			.isEqualTo("IN_PLACE");
	}

	@Test
	void aRestorePreviewAnswersThePlanAndStartsNothing() {
		MvcTestResult preview = start("/restores?dryRun=true",
				"{\"snapshotId\":\"sys:12\",\"target\":{\"type\":\"VM\",\"member\":\"web-01\"},\"newName\":\"copy\"}");

		assertThat(preview).hasStatusOk().bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.operation").isEqualTo("RESTORE");
			json.assertThat().extractingPath("$.checks[0].name").isEqualTo("PROVIDER_CAN_RESTORE");
			json.assertThat().extractingPath("$.actions[0].change").isEqualTo("CREATE");
			json.assertThat().extractingPath("$.warnings[0]").isEqualTo("a fake warning");
		});
		assertThat(SYSTEM.callsTo("restore")).isZero();
		assertThat(SYSTEM.callsTo("previewRestore")).isEqualTo(1);
	}

	@Test
	void aRestorePreviewFailsWhereTheRestoreWouldWithTheSameProblem() {
		for (String uri : new String[] { "/restores?dryRun=true", "/restores" }) {
			assertProblem(start(uri, "{\"snapshotId\":\"sys:12\",\"target\":{\"type\":\"VM\",\"member\":\"db-01\"}}"),
					404, "MEMBER_NOT_FOUND");
			assertProblem(start(uri, "{\"snapshotId\":\"vol:s-1\",\"target\":{\"type\":\"VOLUME\"}}"), 400,
					"CONFIRMATION_REQUIRED");
		}
		assertThat(SYSTEM.callsTo("restore") + VOLUME.callsTo("restore")).isZero();
	}

	@Test
	void aSafetySnapshotIsAFlagOfInPlaceRollbacksOnly() {
		assertProblem(start(
				"{\"snapshotId\":\"sys:12\",\"target\":{\"type\":\"VM\",\"member\":\"web-01\"},\"safetySnapshot\":false}"),
				400, "UNSUPPORTED_FIELD");
		assertThat(start(
				"{\"snapshotId\":\"vol:s-1\",\"target\":{\"type\":\"VOLUME\"},\"confirmInPlace\":true,\"safetySnapshot\":false}"))
			.hasStatus(HttpStatus.ACCEPTED);
	}

	@Test
	void theRestoresKeyReachesTheProviderWithTheRequestsFingerprint() {
		String body = "{\"snapshotId\":\"sys:12\",\"target\":{\"type\":\"VM\",\"member\":\"web-01\"}}";
		for (String sent : new String[] { body, body.replace("web-01", "sys:12:vm:41") }) {
			this.mvc.post()
				.uri("/restores")
				.header("Idempotency-Key", "k-1")
				.contentType(MediaType.APPLICATION_JSON)
				.content(sent)
				.exchange();
		}

		assertThat(SYSTEM.restoreKeys()).hasSize(2).allSatisfy((key) -> assertThat(key.key()).isEqualTo("k-1"));
		assertThat(SYSTEM.restoreKeys().get(0).fingerprint()).as("another body, another fingerprint")
			.isNotEqualTo(SYSTEM.restoreKeys().get(1).fingerprint());
	}

	@Test
	void aTargetTheProviderCannotRestoreIsRefused() {
		assertProblem(start("{\"snapshotId\":\"vol:s-1\",\"target\":{\"type\":\"VM\",\"member\":\"x\"}}"), 400,
				"UNSUPPORTED_FIELD");
		assertProblem(start("{\"snapshotId\":\"sys:12\",\"target\":{\"type\":\"VOLUME\"},\"confirmInPlace\":true}"),
				400, "UNSUPPORTED_FIELD");
	}

	@Test
	void aMachineComesBackAsANewOneOrInPlaceAndTheRequestMustSayWhich() {
		MvcTestResult unsaid = start("{\"snapshotId\":\"vol:s-1\",\"target\":{\"type\":\"MACHINE\"}}");
		assertProblem(unsaid, 400, "VALIDATION_FAILED");
		assertThat(unsaid).bodyJson().extractingPath("$.errors[0].field").isEqualTo("newName");
		MvcTestResult copy = start(
				"{\"snapshotId\":\"vol:s-1\",\"target\":{\"type\":\"MACHINE\"},\"newName\":\"web-01-copy\"}");
		assertProblem(copy, 400, "UNSUPPORTED_FIELD");
		assertThat(copy).bodyJson().extractingPath("$.errors[0].field").isEqualTo("target.type");
		assertProblem(start("{\"snapshotId\":\"vol:s-1\",\"target\":{\"type\":\"MACHINE\"},\"confirmInPlace\":true,"
				+ "\"newName\":\"x\"}"), 400, "UNSUPPORTED_FIELD");
		assertProblem(start("{\"snapshotId\":\"vol:s-1\",\"target\":{\"type\":\"MACHINE\",\"member\":\"web\"},"
				+ "\"newName\":\"x\"}"), 400, "UNSUPPORTED_FIELD");
		assertThat(VOLUME.callsTo("restore")).isZero();
	}

	@Test
	void badRestoreRequestsAreProblems() {
		assertProblem(start("{\"snapshotId\":\"sys:12\"}"), 400, "VALIDATION_FAILED");
		assertProblem(start("{\"snapshotId\":\"sys:12\",\"target\":{\"type\":\"DISK\"}}"), 400, "MALFORMED_REQUEST");
		assertProblem(start("{\"snapshotId\":\"sys:12\",\"target\":{\"type\":\"VM\"}}"), 400, "VALIDATION_FAILED");
		assertProblem(start("{\"snapshotId\":\"../12\",\"target\":{\"type\":\"VM\",\"member\":\"web-01\"}}"), 400,
				"INVALID_SNAPSHOT_ID");
		assertProblem(start("{\"snapshotId\":\"sys:99\",\"target\":{\"type\":\"VM\",\"member\":\"web-01\"}}"), 404,
				"SNAPSHOT_NOT_FOUND");
	}

	@Test
	void aForgedRestoreIdIsRefused() {
		assertProblem(this.mvc.get().uri("/restores/forged.id").exchange(), 400, "INVALID_RESTORE_ID");
		assertProblem(this.mvc.get().uri("/restores/{id}", "x".repeat(3000)).exchange(), 400, "INVALID_RESTORE_ID");
		assertThat(SYSTEM.callsTo("restoreStatus")).isZero();
	}

	private MvcTestResult start(String body) {
		return start("/restores", body);
	}

	private MvcTestResult start(String uri, String body) {
		return this.mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

}
