package io.snapgate.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.snapgate.testing.OpenApiContract;
import io.snapgate.testing.OpenApiContract.Exchange;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer a fresh sandbox gives, to the reads and writes of snapshots, restores,
 * policies and providers, their previews, and the problems a caller meets, is as the
 * served OpenAPI document declares it, by {@link OpenApiContract}.
 */
// a sandbox of its own, fresh and thrown away after: the test changes it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "snapgate.sandbox.vergeos.create-delay=PT1S")
@ActiveProfiles("sandbox")
@DirtiesContext
class OpenApiContractIT {

	private static final String JSON = "application/json";

	private static final String VERGEOS = "sandbox-vergeos";

	private static final String BAIDU = "sandbox-baidu";

	private static final String BAIDU_POLICY = """
			{"provider": "sandbox-baidu", "name": "contract_nightly",
			 "schedule": {"timeZone": "Asia/Shanghai", "rules": [{"every": "WEEK", "on": ["SATURDAY"], "at": "03:00"}]},
			 "retention": {"keepFor": "P7D", "minKept": null}, "immutable": false}""";

	private static final String VERGEOS_POLICY = """
			{"provider": "sandbox-vergeos", "name": "contract-system",
			 "schedule": {"timeZone": "UTC", "rules": [{"every": "HOUR", "minute": 15}, {"every": "MONTH", "day": 1, "at": "04:00"}]},
			 "retention": {"keepFor": "P3D", "minKept": 2}, "immutable": true}""";

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<String> violations = new ArrayList<>();

	@LocalServerPort
	int port;

	private OpenApiContract contract;

	@BeforeEach
	void loadTheDocument() throws Exception {
		HttpResponse<String> document = send("GET", "/v3/api-docs", null, null);
		assertThat(document.statusCode()).isEqualTo(200);
		this.contract = OpenApiContract.load(document.body());
	}

	@Test
	void providersAndSnapshotsAnswerAsDeclared() throws Exception {
		expect(200, "GET", "/providers");
		String page = expect(200, "GET", "/snapshots?provider=" + VERGEOS + "&include=members&pageSize=2").body();
		String token = JsonPath.read(page, "$.nextPageToken");
		expect(200, "GET", "/snapshots?provider=" + VERGEOS + "&include=members&pageSize=2&pageToken=" + token);
		expect(200, "GET", "/snapshots?provider=" + BAIDU + "&includeExpired=true");
		expect(200, "GET", "/snapshots/" + VERGEOS + ":1");
		expect(200, "GET", "/snapshots/" + VERGEOS + ":1/members");
		expect(200, "GET", "/snapshots/" + BAIDU + ":s-seed0002");

		String system = "{\"provider\":\"" + VERGEOS + "\",\"name\":\"contract\",\"retention\":\"P7D\"}";
		expect(200, "POST", "/snapshots?dryRun=true", system);
		String created = JsonPath.read(expect(202, "POST", "/snapshots", system).body(), "$.id");
		String disk = "{\"provider\":\"" + BAIDU + "\",\"name\":\"contract_disk\",\"volumeId\":\"v-data0001\"}";
		expect(202, "POST", "/snapshots", disk);

		expect(200, "PATCH", "/snapshots/" + VERGEOS + ":1?dryRun=true", "{\"description\":\"kept for the audit\"}");
		expect(200, "PATCH", "/snapshots/" + VERGEOS + ":1", "{\"description\":\"kept for the audit\"}");
		expect(200, "PATCH", "/snapshots/" + BAIDU + ":s-seed0003", "{\"name\":\"renamed_nightly\"}",
				"application/merge-patch+json");
		expect(200, "DELETE", "/snapshots/" + created + "?dryRun=true");
		expect(200, "DELETE", "/snapshots/" + BAIDU + ":s-seed0001?dryRun=true");
		int deleted = send("DELETE", "/snapshots/" + BAIDU + ":s-seed0001", null, null).statusCode();
		assertThat(deleted).isIn(202, 204);
		check("DELETE", "/snapshots/" + BAIDU + ":s-seed0001", deleted, null, "");

		assertThat(this.violations).isEmpty();
	}

	@Test
	void restoresAnswerAsDeclared() throws Exception {
		String copy = "{\"snapshotId\":\"" + VERGEOS + ":1\",\"target\":{\"type\":\"VM\",\"member\":\"web-01\"},"
				+ "\"newName\":\"web-01-contract\"}";
		expect(200, "POST", "/restores?dryRun=true", copy);
		String copyId = JsonPath.read(expect(202, "POST", "/restores", copy).body(), "$.id");
		expect(200, "GET", "/restores/" + copyId);

		String rollback = "{\"snapshotId\":\"" + BAIDU
				+ ":s-seed0005\",\"target\":{\"type\":\"VOLUME\"},\"confirmInPlace\":true}";
		expect(200, "POST", "/restores?dryRun=true", rollback);
		String rollbackId = JsonPath.read(expect(202, "POST", "/restores", rollback).body(), "$.id");
		expect(200, "GET", "/restores/" + rollbackId);

		assertThat(this.violations).isEmpty();
	}

	@Test
	void policiesAnswerAsDeclared() throws Exception {
		expect(200, "GET", "/policies");
		expect(200, "GET", "/policies?provider=" + BAIDU + "&pageSize=1");
		expect(200, "GET", "/policies/" + VERGEOS + ":1");
		expect(200, "GET", "/policies/" + BAIDU + ":asp-sandbox1");

		expect(200, "POST", "/policies?dryRun=true", BAIDU_POLICY);
		String baidu = JsonPath.read(expect(201, "POST", "/policies", BAIDU_POLICY).body(), "$.id");
		String replacement = BAIDU_POLICY.replace("\"provider\": \"sandbox-baidu\", ", "")
			.replace("{\"keepFor\": \"P7D\", \"minKept\": null}", "{\"forever\": true}");
		expect(200, "PUT", "/policies/" + baidu + "?dryRun=true", replacement);
		expect(200, "PUT", "/policies/" + baidu, replacement);
		String targets = "{\"targets\":[{\"type\":\"VOLUME\",\"id\":\"v-system01\"}]}";
		expect(200, "POST", "/policies/" + baidu + "/targets?dryRun=true", targets);
		expect(200, "POST", "/policies/" + baidu + "/targets", targets);
		expect(200, "DELETE", "/policies/" + baidu + "/targets/v-system01?dryRun=true");
		expect(200, "DELETE", "/policies/" + baidu + "/targets/v-system01");
		expect(200, "DELETE", "/policies/" + baidu + "?dryRun=true");
		expect(204, "DELETE", "/policies/" + baidu);

		String vergeos = JsonPath.read(expect(201, "POST", "/policies", VERGEOS_POLICY).body(), "$.id");
		String longer = VERGEOS_POLICY.replace("\"provider\": \"sandbox-vergeos\", ", "")
			.replace("{\"keepFor\": \"P3D\", \"minKept\": 2}", "{\"keepFor\": \"P14D\", \"minKept\": 3}");
		expect(200, "PUT", "/policies/" + vergeos, longer);
		expect(200, "GET", "/policies/" + vergeos);
		expect(200, "DELETE", "/policies/" + vergeos + "?dryRun=true");
		expect(204, "DELETE", "/policies/" + vergeos);

		assertThat(this.violations).isEmpty();
	}

	@Test
	void problemsAnswerAsDeclared() throws Exception {
		expect(400, "GET", "/snapshots?pageSize=0");
		expect(400, "GET", "/snapshots/no-colon");
		expect(400, "POST", "/snapshots", "{\"provider\":\"" + VERGEOS + "\"}");
		expect(400, "POST", "/policies", "{\"provider\":\"" + BAIDU + "\",\"name\":\"x\"");
		expect(400, "PATCH", "/snapshots/" + VERGEOS + ":1", "{\"name\":\"renamed\"}");
		expect(404, "GET", "/snapshots/" + VERGEOS + ":999999");
		expect(404, "GET", "/policies/" + BAIDU + ":asp-missing1");
		expect(404, "POST", "/restores?dryRun=true",
				"{\"snapshotId\":\"" + VERGEOS + ":1\",\"target\":{\"type\":\"VM\",\"member\":\"nope\"}}");
		expect(409, "DELETE", "/snapshots/" + VERGEOS + ":2");
		expect(415, "POST", "/snapshots", "provider=" + VERGEOS, "text/plain");
		expect(406, "GET", "/providers", null, null, "text/html");

		String body = "{\"provider\":\"" + VERGEOS + "\",\"name\":\"contract-key\"}";
		HttpResponse<String> first = send("POST", "/snapshots", body, JSON, "contract-key-1");
		assertThat(first.statusCode()).isEqualTo(202);
		check("POST", "/snapshots", first);
		HttpResponse<String> reused = send("POST", "/snapshots", body.replace("contract-key", "other"), JSON,
				"contract-key-1");
		assertThat(reused.statusCode()).isEqualTo(422);
		check("POST", "/snapshots", reused);

		assertThat(this.violations).isEmpty();
	}

	private HttpResponse<String> expect(int status, String method, String path) throws Exception {
		return expect(status, method, path, null, null, null);
	}

	private HttpResponse<String> expect(int status, String method, String path, String body) throws Exception {
		return expect(status, method, path, body, JSON, null);
	}

	private HttpResponse<String> expect(int status, String method, String path, String body, String contentType)
			throws Exception {
		return expect(status, method, path, body, contentType, null);
	}

	private HttpResponse<String> expect(int status, String method, String path, @Nullable String body,
			@Nullable String contentType, @Nullable String accept) throws Exception {
		HttpResponse<String> response = send(method, path, body, contentType, null, accept);
		assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(status);
		check(method, path, response);
		return response;
	}

	private void check(String method, String path, HttpResponse<String> response) {
		this.violations.addAll(this.contract.violations(Exchange.of(method, path, response)));
	}

	private void check(String method, String path, int status, @Nullable String contentType, String body) {
		this.violations.addAll(this.contract.violations(new Exchange(method, path, status, contentType, body)));
	}

	private HttpResponse<String> send(String method, String path, @Nullable String body, @Nullable String contentType)
			throws Exception {
		return send(method, path, body, contentType, null, null);
	}

	private HttpResponse<String> send(String method, String path, @Nullable String body, @Nullable String contentType,
			@Nullable String idempotencyKey) throws Exception {
		return send(method, path, body, contentType, idempotencyKey, null);
	}

	private HttpResponse<String> send(String method, String path, @Nullable String body, @Nullable String contentType,
			@Nullable String idempotencyKey, @Nullable String accept) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		if (accept != null) {
			request.header("Accept", accept);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
