package io.snapgate.provider;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.jayway.jsonpath.JsonPath;
import io.snapgate.SnapGateApplication;
import io.snapgate.security.ApiKeyHashes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway replicas, one VergeOS: a restore sent to the first and repeated, with the
 * same Idempotency-Key, to the second (a client retrying after a lost reply) is one
 * recovery upstream and one restore id.
 */
class RepeatedRestoreAcrossReplicasIT {

	private static final String KEY = "replicas-" + "r".repeat(40);

	@RegisterExtension
	static WireMockExtension vergeos = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

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

	private int start() {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SnapGateApplication.class)
			.properties("server.port=0", "management.server.port=", "snapgate.tokens.signing-key=" + "s".repeat(48),
					"snapgate.providers.verge.type=vergeos", "snapgate.providers.verge.base-url=" + vergeos.baseUrl(),
					"snapgate.providers.verge.username=admin", "snapgate.providers.verge.password=secret",
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

	private static String vmRow(String status, String statusInfo) {
		return """
				{"$key":100,"cloud_snapshot":12,"name":"web-01","status":"%s","status_info":"%s"}""".formatted(status,
				statusInfo);
	}

}
