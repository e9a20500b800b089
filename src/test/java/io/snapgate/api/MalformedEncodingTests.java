package io.snapgate.api;

import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.snapgate.security.ApiKeyHashes;
import io.snapgate.testing.FakeProviderFactories;
import io.snapgate.testing.FakeSnapshotProvider;
import io.snapgate.testing.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
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
 * A query whose percent-escapes do not decode to UTF-8 text is the caller's mistake: on
 * the real Tomcat port it is a 400 problem on every endpoint, refused before anything
 * acts on it, and one debug line in the log rather than an error with a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "logging.level.io.snapgate.api.ParameterDecodingFilter=debug")
@Import(FakeProviderFactories.class)
@ExtendWith(OutputCaptureExtension.class)
class MalformedEncodingTests {

	private static final String KEY = "encoding-" + "e".repeat(40);

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void configuration(DynamicPropertyRegistry registry) {
		registry.add("snapgate.providers.encoding-sys.type", () -> "fake-system");
		registry.add("snapgate.security.api-keys[0].owner", () -> "encoding");
		registry.add("snapgate.security.api-keys[0].sha256", () -> ApiKeyHashes.sha256Hex(KEY));
		registry.add("snapgate.security.api-keys[0].scopes", () -> "snapshots:read,snapshots:write");
	}

	@BeforeEach
	void seed() {
		provider().reset();
		provider().withSnapshot("12", "daily", Instant.parse("2026-11-22T00:00:00Z"));
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
