package io.snapgate.api;

import java.time.Instant;

import io.snapgate.domain.SnapshotStatus;
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

import static io.snapgate.api.ApiTestConfiguration.COPIES;
import static io.snapgate.api.ApiTestConfiguration.PLAIN;
import static io.snapgate.api.ApiTestConfiguration.SYSTEM;
import static io.snapgate.api.ApiTestConfiguration.VOLUME;
import static io.snapgate.api.SnapshotControllerTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(properties = "snapgate.security.open=true")
@ActiveProfiles("sandbox")
@Import(ApiTestConfiguration.class)
class CopyControllerTests {

	private static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");

	@Autowired
	MockMvcTester mvc;

	@BeforeEach
	void seed() {
		SYSTEM.reset();
		VOLUME.reset();
		PLAIN.reset();
		COPIES.reset();
		VOLUME.withSnapshot("s-1", "nightly", T0);
		SYSTEM.withSnapshot("12", "Daily", T0);
	}

	@Test
	void aCopyIsStartedFollowedByItsIdAndListedWithItsSnapshot() {
		MvcTestResult started = copy("vol:s-1", "{\"targetProvider\":\"plain\"}", "dr-1");

		assertThat(started).hasStatus(HttpStatus.ACCEPTED).bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.status").isEqualTo("RUNNING");
			json.assertThat().extractingPath("$.snapshotId").isEqualTo("vol:s-1");
			json.assertThat().extractingPath("$.targetProvider").isEqualTo("plain");
			json.assertThat().extractingPath("$.copySnapshotId").isEqualTo("plain:c1");
		});
		String location = started.getResponse().getHeader("Location");
		assertThat(location).startsWith("http://localhost/copies/");

		PLAIN.settle("c1", SnapshotStatus.AVAILABLE);

		assertThat(this.mvc.get().uri(location)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("SUCCEEDED");
		assertThat(this.mvc.get().uri("/snapshots/vol:s-1/copies")).hasStatusOk().bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.items.length()").isEqualTo(1);
			json.assertThat()
				.extractingPath("$.items[0].id")
				.isEqualTo(location.substring(location.lastIndexOf('/') + 1));
		});
	}

	@Test
	void aPreviewSendsNothing() {
		assertThat(this.mvc.post()
			.uri("/snapshots/vol:s-1/copies?dryRun=true")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"targetProvider\":\"plain\"}")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.checks[0].name")
			.isEqualTo("PROVIDER_COPIES_THERE");
		assertThat(COPIES.sent()).isEmpty();
	}

	@Test
	void aTargetTheProviderDoesNotCopyToIsRefusedByField() {
		assertProblem(copy("sys:12", "{\"targetProvider\":\"plain\"}", null), 400, "UNSUPPORTED_FIELD");
		assertProblem(copy("vol:s-1", "{\"targetProvider\":\"nowhere\"}", null), 400, "UNSUPPORTED_FIELD");
		assertThat(COPIES.sent()).isEmpty();
	}

	@Test
	void badInputIsAProblemByField() {
		assertProblem(copy("vol:s-1", "{}", null), 400, "VALIDATION_FAILED");
		assertProblem(copy("vol:s-1", "{\"targetProvider\":\"Not An Id\"}", null), 400, "VALIDATION_FAILED");
		assertProblem(copy("vol:s-1", "{\"targetProvider\":\"plain\",\"retention\":\"P0D\"}", null), 400,
				"VALIDATION_FAILED");
		assertProblem(copy("vol:s-404", "{\"targetProvider\":\"plain\"}", null), 404, "SNAPSHOT_NOT_FOUND");
		assertThat(COPIES.sent()).isEmpty();
	}

	@Test
	void aCopyIdThisGatewayDidNotIssueIsRefused() {
		assertProblem(this.mvc.get().uri("/copies/not-a-copy-id").exchange(), 400, "INVALID_COPY_ID");
	}

	private MvcTestResult copy(String snapshot, String body, String key) {
		var request = this.mvc.post()
			.uri("/snapshots/" + snapshot + "/copies")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		if (key != null) {
			request = request.header("Idempotency-Key", key);
		}
		return request.exchange();
	}

}
