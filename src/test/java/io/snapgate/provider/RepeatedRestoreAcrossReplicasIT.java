package io.snapgate.provider;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.jayway.jsonpath.JsonPath;
import io.snapgate.SnapGateApplication;
import io.snapgate.security.ApiKeyHashes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway replicas, one upstream: a restore sent to the first and repeated, with the
 * same Idempotency-Key, to the second (a client retrying after a lost reply) is one
 * restore upstream and one restore id, on VergeOS as on Baidu.
 */
class RepeatedRestoreAcrossReplicasIT {

	private static final String KEY = "replicas-" + "r".repeat(40);

	@RegisterExtension
	static WireMockExtension vergeos = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static WireMockExtension bcc = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void stop() {
		this.replicas.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void aRestoreRepeatedOnAnotherReplicaIsOneRecoveryAndOneRestore() throws Exception {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots/12")).willReturn(okJson(
				"{\"$key\":12,\"name\":\"nightly\",\"created\":1764000000,\"expires\":0,\"status\":\"normal\"}")));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshot_vms"))
			.withQueryParam("filter", equalTo("cloud_snapshot eq 12"))
			.willReturn(okJson("[" + vmRow("idle", "") + "]")));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshot_vms/100")).inScenario("recovery")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(vmRow("idle", ""))));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/vms")).willReturn(okJson("[]")));
		vergeos.stubFor(post(urlPathEqualTo("/api/v4/cloud_snapshot_vm_actions")).inScenario("recovery")
			.willReturn(aResponse().withStatus(201).withBody("{\"$key\":\"9\"}"))
			.willSetStateTo("recovering"));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshot_vms/100")).inScenario("recovery")
			.whenScenarioStateIs("recovering")
			.willReturn(okJson(vmRow("importing", "Restored to: web-01-restored"))));
		int first = start();
		int second = start();
		String body = """
				{"snapshotId": "verge:12", "target": {"type": "VM", "member": "web-01"}, "newName": "web-01-restored"}
				""";

		HttpResponse<String> made = restore(first, body, "restore-web-01-once");
		HttpResponse<String> repeated = restore(second, body, "restore-web-01-once");

		assertThat(made.statusCode()).as(made.body()).isEqualTo(202);
		assertThat(repeated.statusCode()).as(repeated.body()).isEqualTo(202);
		assertThat(JsonPath.<String>read(repeated.body(), "$.id")).isEqualTo(JsonPath.read(made.body(), "$.id"));
		vergeos.verify(1, postRequestedFor(urlPathEqualTo("/api/v4/cloud_snapshot_vm_actions")));
	}

	@Test
	void aRollbackRepeatedOnAnotherReplicaTakesOneSafetySnapshotAndRollsBackOnce() throws Exception {
		bcc.stubFor(
				get("/v2/snapshot/s-Snap0001").willReturn(okJson(snapshot("s-Snap0001", "snap_1", "", "Available"))));
		bcc.stubFor(get("/v2/volume/v-Data0001").willReturn(okJson("""
				{"volume":{"id":"v-Data0001","name":"data","diskSizeInGB":40,"status":"Available",
				 "isSystemVolume":false,"attachments":[]}}""")));
		bcc.stubFor(get(urlPathEqualTo("/v2/snapshot")).withQueryParam("volumeId", equalTo("v-Data0001"))
			.willReturn(okJson(page())));
		bcc.stubFor(post(urlPathEqualTo("/v2/snapshot")).willReturn(okJson("{\"snapshotId\":\"s-Safe0001\"}")));
		bcc.stubFor(put(urlEqualTo("/v2/volume/v-Data0001?rollback")).willReturn(aResponse().withStatus(200)));
		int first = start();
		int second = start();
		String body = """
				{"snapshotId": "bcc:s-Snap0001", "target": {"type": "VOLUME"}, "confirmInPlace": true}
				""";
		// the safety snapshot as BCC shows it once taken, under the name and description
		// asked for
		bcc.stubFor(
				get("/v2/snapshot/s-Safe0001").willReturn(okJson(snapshot("s-Safe0001", "pending", "", "Available"))));

		HttpResponse<String> made = restore(first, body, "roll-back-data-once");
		JsonNode asked = JsonMapper.shared()
			.readTree(bcc.findAll(postRequestedFor(urlPathEqualTo("/v2/snapshot"))).getFirst().getBodyAsString());
		bcc.stubFor(get(urlPathEqualTo("/v2/snapshot")).withQueryParam("volumeId", equalTo("v-Data0001"))
			.willReturn(okJson(page(snapshot("s-Safe0001", asked.get("snapshotName").asString(),
					asked.get("desc").asString(), "Available")))));
		HttpResponse<String> repeated = restore(second, body, "roll-back-data-once");

		assertThat(made.statusCode()).as(made.body()).isEqualTo(202);
		assertThat(repeated.statusCode()).as(repeated.body()).isEqualTo(202);
		assertThat(JsonPath.<String>read(repeated.body(), "$.id")).isEqualTo(JsonPath.read(made.body(), "$.id"));
		assertThat(JsonPath.<String>read(made.body(), "$.safetySnapshotId")).isEqualTo("bcc:s-Safe0001");
		bcc.verify(1, postRequestedFor(urlPathEqualTo("/v2/snapshot")));
		bcc.verify(1, putRequestedFor(urlEqualTo("/v2/volume/v-Data0001?rollback")));
	}

	private int start() {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SnapGateApplication.class)
			.properties("server.port=0", "management.server.port=", "snapgate.tokens.signing-key=" + "s".repeat(48),
					"snapgate.providers.verge.type=vergeos", "snapgate.providers.verge.base-url=" + vergeos.baseUrl(),
					"snapgate.providers.verge.username=admin", "snapgate.providers.verge.password=secret",
					"snapgate.providers.bcc.type=baidu", "snapgate.providers.bcc.endpoint=" + bcc.baseUrl(),
					"snapgate.providers.bcc.access-key-id=ak", "snapgate.providers.bcc.secret-access-key=sk",
					"snapgate.security.api-keys[0].owner=dr",
					"snapgate.security.api-keys[0].sha256=" + ApiKeyHashes.sha256Hex(KEY),
					"snapgate.security.api-keys[0].scopes=snapshots:read,restores:write")
			.run();
		this.replicas.add(context);
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private HttpResponse<String> restore(int port, String body, String key) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/restores"))
			.header("Content-Type", "application/json")
			.header("X-API-Key", KEY)
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static String snapshot(String id, String name, String desc, String status) {
		return JsonMapper.shared()
			.writeValueAsString(Map.of("snapshot",
					Map.of("id", id, "name", name, "desc", desc, "status", status, "volumeId", "v-Data0001",
							"createTime", "2026-11-22T09:59:58Z", "createMethod", "MANUAL", "sizeInGB", 40)));
	}

	private static String page(String... snapshots) {
		String items = String.join(",",
				java.util.Arrays.stream(snapshots)
					.map((reply) -> reply.substring("{\"snapshot\":".length(), reply.length() - 1))
					.toList());
		return "{\"marker\":\"\",\"isTruncated\":false,\"nextMarker\":\"\",\"maxKeys\":1000,\"snapshots\":[" + items
				+ "]}";
	}

	private static String vmRow(String status, String statusInfo) {
		return """
				{"$key":100,"cloud_snapshot":12,"name":"web-01","status":"%s","status_info":"%s"}""".formatted(status,
				statusInfo);
	}

}
