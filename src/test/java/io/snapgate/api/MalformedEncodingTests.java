package io.snapgate.api;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import io.snapgate.domain.Member;
import io.snapgate.domain.MemberType;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.security.ApiKeyHashes;
import io.snapgate.testing.FakeProviderFactories;
import io.snapgate.testing.FakeSnapshotProvider;
import io.snapgate.testing.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that cannot be read as sent is the caller's mistake. On the real Tomcat port
 * it is a 4xx problem on every endpoint, refused before anything acts on it, and at most
 * a debug line in the log, never a warning, an error or a stack trace: a query or a path
 * segment whose percent-escapes do not decode to UTF-8 text, or whose bytes are not text,
 * is a 400 {@code MALFORMED_REQUEST}; a header whose bytes are not text is refused as
 * that header's own error, a 400 for an {@code Idempotency-Key}, a 401 for a credential,
 * a 406 or 415 for a media type.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "logging.level.io.snapgate.api.ParameterDecodingFilter=debug")
@Import(FakeProviderFactories.class)
@ExtendWith(OutputCaptureExtension.class)
class MalformedEncodingTests {

	private static final String KEY = "encoding-" + "e".repeat(40);

	/**
	 * 0xFF 0xC3 0x28 once sent (see {@link RawHttp.Request}): no UTF-8 text starts with
	 * 0xFF, and 0x28 does not continue 0xC3.
	 */
	private static final String NOT_TEXT = "\u00ff\u00c3(";

	private static final String CREATE = "{\"provider\":\"encoding-sys\",\"name\":\"pre-upgrade\"}";

	private static final String RESTORE = "{\"snapshotId\":\"encoding-sys:12\",\"target\":{\"type\":\"VM\","
			+ "\"member\":\"web-01\"},\"newName\":\"web-01-copy\"}";

	private static final String POLICY = """
			{"provider": "encoding-sys", "name": "system",
			 "schedule": {"timeZone": "UTC", "rules": [{"every": "DAY", "at": "00:30"}]},
			 "retention": {"keepFor": "P7D", "minKept": null}, "targets": [{"type": "SYSTEM"}]}""";

	private static final Pattern STACK_LINE = Pattern.compile("^(\\s+at |Caused by: |[\\w.$]+(Exception|Error)\\b)");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void configuration(DynamicPropertyRegistry registry) {
		registry.add("snapgate.providers.encoding-sys.type", () -> "fake-system-policies");
		// a bearer token that does not parse is refused before any key is fetched
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> "http://127.0.0.1:9/jwks.json");
		registry.add("snapgate.security.api-keys[0].owner", () -> "encoding");
		registry.add("snapgate.security.api-keys[0].sha256", () -> ApiKeyHashes.sha256Hex(KEY));
		registry.add("snapgate.security.api-keys[0].scopes",
				() -> "snapshots:read,snapshots:write,restores:write,policies:read,policies:write");
	}

	@BeforeEach
	void seed() {
		provider().reset();
		provider().withSnapshot("12", "daily", Instant.parse("2026-11-22T00:00:00Z"))
			.withMembers("12", new Member(MemberType.VM, "41", "web-01"));
		provider().policyFake()
			.withPolicy(provider().policyFake().policy("p-1", "system", null, null, PolicyTarget.SYSTEM));
	}

	@ParameterizedTest
	@ValueSource(strings = { "%", "%zz", "%C3%28", "%FF%FE", "%C0%AF", "ok&%FF=1" })
	void aQueryThatDoesNotDecodeIsABadRequestProblemAndOneDebugLine(String query, CapturedOutput output) {
		int logged = output.getAll().length();

		RawHttp.Response response = send("GET", "/snapshots?name=" + query);

		assertMalformedRequestProblem(response);
		List<String> lines = output.getAll().substring(logged).lines().toList();
		assertThat(lines).as("the log of the request: one line at DEBUG, no warning, no error, no stack trace")
			.singleElement()
			.satisfies((line) -> assertThat(line).contains(" DEBUG ")
				.contains("ParameterDecodingFilter")
				.contains("Refused GET /snapshots"));
	}

	@Test
	void anEndpointThatReadsNoParameterRefusesItAlikeAndActsOnNothing() {
		RawHttp.Response response = send("DELETE", "/snapshots/encoding-sys:12?force=%C3%28");

		assertMalformedRequestProblem(response);
		assertThat(provider().callsTo("delete")).isZero();
		assertThat(provider().size()).isEqualTo(1);
	}

	@Test
	void theSameRequestsWithAQueryThatDecodesAreServedOrRefusedByName() {
		assertThat(send("GET", "/snapshots?name=%C3%A9t%C3%A9").status()).isEqualTo(200);
		RawHttp.Response unknown = send("DELETE", "/snapshots/encoding-sys:12?force=%C3%A9");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(JsonPath.<String>read(unknown.body(), "$.code")).isEqualTo("UNKNOWN_PARAMETER");
		assertThat(send("DELETE", "/snapshots/encoding-sys:12").status()).isEqualTo(204);
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET /snapshots/%C3%28", "GET /snapshots/%FF", "GET /snapshots/%", "GET /snapshots/%zz",
			"GET /snapshots/encoding-sys:%C0%AF/members", "GET /restores/%C0%AF", "GET /policies/%zz",
			"GET /policies/encoding-sys:%FF%FE", "DELETE /snapshots/a%FFb", "DELETE /snapshots/encoding-sys:%C3%28",
			"PUT /policies/encoding-sys:%FF", "DELETE /policies/%C3%28",
			"DELETE /policies/encoding-sys:p-1/targets/%C0%AF", "POST /policies/%25%FF/targets",
			"GET /snapshots/\u00ff\u00c3(", "DELETE /snapshots/encoding-sys:\u00c3(" })
	void aPathThatDoesNotDecodeIsABadRequestProblemAndNoLogLineOfNote(String request, CapturedOutput output) {
		String[] methodAndTarget = request.split(" ", 2);
		int logged = output.getAll().length();

		RawHttp.Response response = new RawHttp(this.port)
			.send(RawHttp.Request.of(methodAndTarget[0], methodAndTarget[1])
				.header("X-API-Key", KEY)
				.header("Content-Type", "application/json")
				.body(methodAndTarget[0].equals("POST") ? "{\"targets\":[{\"type\":\"SYSTEM\"}]}" : POLICY));

		assertMalformedRequestProblem(response);
		assertQuiet(output.getAll().substring(logged));
		assertNothingReachedTheProvider();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					POST | /snapshots                 | Idempotency-Key | {}                           | 400 | VALIDATION_FAILED
					POST | /policies                  | Idempotency-Key | {}                           | 400 | VALIDATION_FAILED
					POST | /snapshots                 | X-API-Key       | {}                           | 401 | UNAUTHENTICATED
					GET  | /snapshots                 | X-API-Key       | {}                           | 401 | UNAUTHENTICATED
					POST | /snapshots                 | Authorization   | Bearer {}                    | 401 | UNAUTHENTICATED
					GET  | /policies                  | Authorization   | Bearer {}                    | 401 | UNAUTHENTICATED
					POST | /restores                  | Authorization   | ApiKey {}                    | 401 | UNAUTHENTICATED
					GET  | /snapshots                 | Accept          | {}                           | 406 | NOT_ACCEPTABLE
					POST | /snapshots                 | Accept          | application/{}               | 406 | NOT_ACCEPTABLE
					POST | /restores                  | Accept          | {}                           | 406 | NOT_ACCEPTABLE
					PUT  | /policies/encoding-sys:p-1 | Accept          | {}                           | 406 | NOT_ACCEPTABLE
					GET  | /nothing-here              | Accept          | {}                           | 404 | NOT_FOUND
					POST | /snapshots                 | Content-Type    | {}                           | 415 | UNSUPPORTED_MEDIA_TYPE
					POST | /restores                  | Content-Type    | application/json; charset={} | 415 | UNSUPPORTED_MEDIA_TYPE
					PUT  | /policies/encoding-sys:p-1 | Content-Type    | application/{}               | 415 | UNSUPPORTED_MEDIA_TYPE
					""")
	void aHeaderThatIsNotTextIsAClientErrorProblemAndNoLogLineOfNote(String method, String target, String header,
			String value, int status, String code, CapturedOutput output) {
		RawHttp.Request request = RawHttp.Request.of(method, target);
		if (!header.equals("X-API-Key") && !header.equals("Authorization")) {
			request.header("X-API-Key", KEY);
		}
		if (!header.equals("Content-Type")) {
			request.header("Content-Type", "application/json");
		}
		request.header(header, value.replace("{}", NOT_TEXT));
		int logged = output.getAll().length();

		RawHttp.Response response = new RawHttp(this.port).send(request.body(body(target)));

		assertThat(response.status()).as("the status of %s", response).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(JsonPath.<String>read(response.body(), "$.code")).isEqualTo(code);
		assertThat(response.body()).doesNotContain("Exception");
		assertQuiet(output.getAll().substring(logged));
		assertNothingReachedTheProvider();
	}

	private static String body(String target) {
		if (target.startsWith("/restores")) {
			return RESTORE;
		}
		return target.startsWith("/policies") ? POLICY : CREATE;
	}

	private static void assertQuiet(String log) {
		assertThat(log.lines().toList()).as("the log of the request: no warning, no error, no stack trace")
			.noneMatch((line) -> line.contains(" WARN ") || line.contains(" ERROR "))
			.noneMatch((line) -> STACK_LINE.matcher(line).find());
	}

	private static void assertNothingReachedTheProvider() {
		assertThat(provider().calls()).as("what reached the provider").isEmpty();
		assertThat(provider().policyFake().calls()).as("what reached its scheduler").isEmpty();
		assertThat(provider().size()).isOne();
	}

	private RawHttp.Response send(String method, String target) {
		return new RawHttp(this.port).send(RawHttp.Request.of(method, target).header("X-API-Key", KEY).noBody());
	}

	private static void assertMalformedRequestProblem(RawHttp.Response response) {
		assertThat(response.status()).as("the status of %s", response).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(JsonPath.<String>read(response.body(), "$.code")).isEqualTo("MALFORMED_REQUEST");
		assertThat(JsonPath.<String>read(response.body(), "$.type"))
			.isEqualTo("urn:snapgate:problem:malformed-request");
		assertThat(response.body()).doesNotContain("Exception");
	}

	private static FakeSnapshotProvider provider() {
		return FakeProviderFactories.BUILT.get("encoding-sys");
	}

}
