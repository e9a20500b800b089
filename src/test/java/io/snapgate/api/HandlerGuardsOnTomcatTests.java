package io.snapgate.api;

import java.time.Instant;

import com.jayway.jsonpath.JsonPath;
import io.snapgate.security.ApiKeyHashes;
import io.snapgate.testing.FakeProviderFactories;
import io.snapgate.testing.FakeSnapshotProvider;
import io.snapgate.testing.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guards on a request's {@code Idempotency-Key} and on a write's query, on the real
 * Tomcat port, with the headers as a client sends them and behind Spring Security: who
 * has no credentials or lacks the scope hears that first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(FakeProviderFactories.class)
class HandlerGuardsOnTomcatTests {

	private static final String WRITER = "guard-writer-" + "w".repeat(32);

	private static final String READER = "guard-reader-" + "r".repeat(32);

	private static final String CREATE = "{\"provider\":\"guard-sys\",\"name\":\"pre-upgrade\"}";

	private static final String POLICY = """
			{"provider": "guard-sys", "name": "system",
			 "schedule": {"timeZone": "UTC", "rules": [{"every": "DAY", "at": "00:30"}]},
			 "retention": {"keepFor": "P7D", "minKept": null}, "targets": [{"type": "SYSTEM"}]}""";

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void configuration(DynamicPropertyRegistry registry) {
		registry.add("snapgate.providers.guard-sys.type", () -> "fake-system-policies");
		registry.add("snapgate.security.api-keys[0].owner", () -> "writer");
		registry.add("snapgate.security.api-keys[0].sha256", () -> ApiKeyHashes.sha256Hex(WRITER));
		registry.add("snapgate.security.api-keys[0].scopes",
				() -> "snapshots:read,snapshots:write,policies:read,policies:write");
		registry.add("snapgate.security.api-keys[1].owner", () -> "reader");
		registry.add("snapgate.security.api-keys[1].sha256", () -> ApiKeyHashes.sha256Hex(READER));
		registry.add("snapgate.security.api-keys[1].scopes", () -> "snapshots:read,policies:read");
	}

	@BeforeEach
	void seed() {
		provider().reset();
		provider().withSnapshot("12", "daily", Instant.parse("2026-11-22T00:00:00Z"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "   " })
	void aBlankIdempotencyKeyAsSentIsRefusedAndNothingIsMade(String key) {
		assertBlankKeyRefused(send(json("POST", "/snapshots", WRITER).header("Idempotency-Key", key).body(CREATE)));
		assertBlankKeyRefused(send(json("POST", "/policies", WRITER).header("Idempotency-Key", key).body(POLICY)));
		assertBlankKeyRefused(send(RawHttp.Request.of("GET", "/snapshots")
			.header("X-API-Key", WRITER)
			.header("Idempotency-Key", key)
			.noBody()));

		assertThat(provider().calls()).isEmpty();
		assertThat(provider().policyFake().calls()).isEmpty();
	}

	@Test
	void anIdempotencyKeySentTwiceIsRefused() {
		RawHttp.Response response = send(json("POST", "/snapshots", WRITER).header("Idempotency-Key", "key-1")
			.header("Idempotency-Key", "key-1")
			.body(CREATE));

		assertProblem(response, 400, "VALIDATION_FAILED");
		assertThat(JsonPath.<String>read(response.body(), "$.errors[0].message")).isEqualTo("must be sent once");
		assertThat(provider().calls()).isEmpty();
	}

	@Test
	void anUnknownParameterOnAWriteIsRefusedAndNothingIsWritten() {
		RawHttp.Response create = send(json("POST", "/snapshots?dryrun=true", WRITER).body(CREATE));
		RawHttp.Response delete = send(RawHttp.Request.of("DELETE", "/snapshots/guard-sys:12?force=true")
			.header("X-API-Key", WRITER)
			.noBody());
		RawHttp.Response policy = send(json("POST", "/policies?preview=true", WRITER).body(POLICY));

		assertProblem(create, 400, "UNKNOWN_PARAMETER");
		assertThat(JsonPath.<String>read(create.body(), "$.errors[0].field")).isEqualTo("dryrun");
		assertProblem(delete, 400, "UNKNOWN_PARAMETER");
		assertThat(JsonPath.<String>read(delete.body(), "$.errors[0].field")).isEqualTo("force");
		assertProblem(policy, 400, "UNKNOWN_PARAMETER");
		assertThat(provider().calls()).isEmpty();
		assertThat(provider().policyFake().calls()).isEmpty();
		assertThat(provider().size()).isOne();
	}

	@Test
	void whoHasNoCredentialsOrLacksTheScopeHearsThatFirst() {
		assertProblem(send(RawHttp.Request.of("POST", "/snapshots?dryrun=true")
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", "")
			.body(CREATE)), 401, "UNAUTHENTICATED");
		assertProblem(send(RawHttp.Request.of("DELETE", "/snapshots/guard-sys:12?force=true").noBody()), 401,
				"UNAUTHENTICATED");
		assertProblem(send(json("POST", "/snapshots?dryrun=true", READER).header("Idempotency-Key", "").body(CREATE)),
				403, "FORBIDDEN");

		assertThat(provider().calls()).isEmpty();
	}

	@Test
	void theDeclaredParametersAndAReadsUnknownOnesStillWork() {
		assertThat(send(json("POST", "/snapshots?wait=true&timeout=PT5S", WRITER).body(CREATE)).status()).isIn(201,
				202);
		assertThat(
				send(RawHttp.Request.of("GET", "/snapshots?unknown=1").header("X-API-Key", READER).noBody()).status())
			.isEqualTo(200);
		assertThat(provider().callsTo("create")).isOne();
	}

	private RawHttp.Response send(byte[] request) {
		return new RawHttp(this.port).send(request);
	}

	private static RawHttp.Request json(String method, String target, String key) {
		return RawHttp.Request.of(method, target).header("X-API-Key", key).header("Content-Type", "application/json");
	}

	private static void assertBlankKeyRefused(RawHttp.Response response) {
		assertProblem(response, 400, "VALIDATION_FAILED");
		assertThat(JsonPath.<String>read(response.body(), "$.errors[0].field")).isEqualTo("Idempotency-Key");
		assertThat(JsonPath.<String>read(response.body(), "$.errors[0].message"))
			.isEqualTo("must not be blank; leave the header out to send no key");
	}

	private static void assertProblem(RawHttp.Response response, int status, String code) {
		assertThat(response.status()).as("the status of %s", response).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(JsonPath.<String>read(response.body(), "$.code")).isEqualTo(code);
	}

	private static FakeSnapshotProvider provider() {
		return FakeProviderFactories.BUILT.get("guard-sys");
	}

}
