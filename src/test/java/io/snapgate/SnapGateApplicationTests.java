package io.snapgate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole gateway on a real server: its documents, probes and the container's own
 * refusals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "snapgate.security.api-keys[0].owner=ops",
				"snapgate.security.api-keys[0].sha256=" + SnapGateApplicationTests.OPS_KEY_SHA256,
				"snapgate.security.api-keys[0].scopes=actuator:read" })
class SnapGateApplicationTests {

	static final String OPS_KEY = "ops-key-0123456789";

	/** {@code sha256("ops-key-0123456789")}. */
	static final String OPS_KEY_SHA256 = "060b6e52ca3d54e9a73c7a3c70d67249832ec4e18527226806a85c377da7b28c";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void theOpenApiDocumentListsEveryEndpoint() throws Exception {
		HttpResponse<String> response = get("/v3/api-docs");

		assertThat(response.statusCode()).isEqualTo(200);
		String doc = response.body();
		assertThat(JsonPath.<java.util.Map<String, Object>>read(doc, "$.paths")).containsOnlyKeys("/providers",
				"/snapshots", "/snapshots/{id}", "/snapshots/{id}/members", "/snapshots/{id}/copies", "/copies/{id}",
				"/restores", "/restores/{id}", "/policies", "/policies/{id}", "/policies/{id}/targets",
				"/policies/{id}/targets/{targetId}");
		assertThat(JsonPath.<java.util.Map<String, Object>>read(doc, "$.paths./snapshots/{id}/copies"))
			.containsOnlyKeys("get", "post");
		assertThat(JsonPath.<java.util.Map<String, Object>>read(doc, "$.paths./policies")).containsKeys("get", "post");
		assertThat(JsonPath.<java.util.Map<String, Object>>read(doc, "$.paths./policies/{id}")).containsKeys("get",
				"put", "delete");
		assertThat(JsonPath.<java.util.Map<String, Object>>read(doc, "$.paths./snapshots")).containsKeys("get", "post");
		assertThat(JsonPath.<java.util.Map<String, Object>>read(doc, "$.paths./snapshots/{id}")).containsKeys("get",
				"patch", "delete");
		assertThat(
				JsonPath.<java.util.Map<String, Object>>read(doc, "$.paths./snapshots/{id}.patch.requestBody.content"))
			.containsOnlyKeys("application/merge-patch+json", "application/json");
		assertThat(JsonPath.<List<Map<String, String>>>read(doc,
				"$.paths./snapshots/{id}.patch.responses.200.content['application/json'].schema.oneOf"))
			.extracting((schema) -> schema.get("$ref"))
			.containsExactly("#/components/schemas/Snapshot", "#/components/schemas/Preview");
		assertThat(JsonPath.<java.util.Map<String, Object>>read(doc, "$.paths./restores")).containsKeys("post");
		assertThat(JsonPath.<java.util.Map<String, Object>>read(doc, "$.components.schemas")).containsKeys("Snapshot",
				"SnapshotPage", "CreateSnapshotRequest", "RestoreRequest", "Restore", "Provider", "Problem", "Policy",
				"PolicyPage", "PolicyRequest", "TargetsRequest", "PolicyFeatures", "SnapshotPatch", "SnapshotFeatures");
		assertThat(JsonPath.<String>read(doc,
				"$.paths./snapshots/{id}.delete.responses.409.content['application/problem+json'].schema.$ref"))
			.endsWith("/Problem");
	}

	@Test
	void theDocumentOffersBothWaysToAuthenticate() throws Exception {
		String doc = get("/v3/api-docs").body();
		assertThat(JsonPath.<String>read(doc, "$.components.securitySchemes.apiKey.name")).isEqualTo("X-API-Key");
		assertThat(JsonPath.<String>read(doc, "$.components.securitySchemes.bearer.bearerFormat")).isEqualTo("JWT");
		assertThat(JsonPath.<String>read(doc, "$.info.description")).doesNotContain("SANDBOX");
	}

	@Test
	void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
		String huge = "{\"provider\":\"x\",\"name\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
		HttpResponse<String> announced = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/snapshots"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(huge))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(announced.statusCode()).isEqualTo(413);
		assertThat(announced.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");

	}

	@Test
	void swaggerUiIsServed() throws Exception {
		HttpResponse<String> response = get("/swagger-ui/index.html");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Swagger UI");
	}

	@Test
	void probesAndMetricsAnswer() throws Exception {
		assertThat(get("/actuator/health/liveness").body()).contains("\"UP\"");
		assertThat(get("/actuator/health/readiness").body()).contains("\"UP\"");
		assertThat(get("/livez").statusCode()).isEqualTo(200);
		assertThat(get("/readyz").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(401);
		HttpResponse<String> metrics = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/prometheus"))
				.header("X-API-Key", OPS_KEY)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(metrics.body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void anEncodedSlashIsAProblemDetailNotAnHtmlPage() throws Exception {
		HttpResponse<String> response = get("/snapshots/sys:..%2F..%2Fetc");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"code\":\"MALFORMED_REQUEST\"").doesNotContain("<html");
	}

	@Test
	void anUnknownPathIsAProblemDetail() throws Exception {
		assertThat(get("/nothing/here").statusCode()).isEqualTo(401);
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/nothing/here"))
				.header("X-API-Key", OPS_KEY)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"code\":\"NOT_FOUND\"").doesNotContain("<html");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
