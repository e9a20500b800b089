package io.snapgate.guard;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.snapgate.security.ApiKeyHashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults on signed Baidu calls and on VergeOS calls with a password, behind the real
 * adapters: a reset create is retried under the same client token (so Baidu makes one
 * snapshot), and no secret, signature or password shows in logs, problem details or
 * metrics when upstreams refuse them.
 */
@SpringBootTest(properties = { "logging.level.io.snapgate=DEBUG",
		"logging.level.org.springframework.web.reactive.function.client=TRACE",
		"logging.level.org.springframework.http.codec=DEBUG" })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class SignedCallFaultTests {

	private static final String KEY = "signed-" + "3".repeat(40);

	private static final String SECRET_ACCESS_KEY = "bce-secret-9f8e7d6c5b4a39281706f5e4d3c2b1a0";

	private static final String VERGEOS_PASSWORD = "vergeos-Pa55word-do-not-log";

	@RegisterExtension
	static WireMockExtension upstream = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Autowired
	MockMvcTester mvc;

	@DynamicPropertySource
	static void configuration(DynamicPropertyRegistry registry) {
		registry.add("snapgate.providers.bcc.type", () -> "baidu");
		registry.add("snapgate.providers.bcc.endpoint", () -> upstream.baseUrl() + "/bcc");
		registry.add("snapgate.providers.bcc.access-key-id", () -> "ak-0123456789");
		registry.add("snapgate.providers.bcc.secret-access-key", () -> SECRET_ACCESS_KEY);
		registry.add("snapgate.providers.bcc.resilience.retry-wait", () -> "20ms");
		registry.add("snapgate.providers.verge.type", () -> "vergeos");
		registry.add("snapgate.providers.verge.base-url", () -> upstream.baseUrl() + "/verge");
		registry.add("snapgate.providers.verge.username", () -> "svc-snapgate");
		registry.add("snapgate.providers.verge.password", () -> VERGEOS_PASSWORD);
		registry.add("snapgate.security.api-keys[0].owner", () -> "signed");
		registry.add("snapgate.security.api-keys[0].sha256", () -> ApiKeyHashes.sha256Hex(KEY));
		registry.add("snapgate.security.api-keys[0].scopes", () -> "snapshots:read,snapshots:write,actuator:read");
	}

	@Test
	void aResetBaiduCreateIsRetriedUnderTheSameClientToken() {
		upstream.stubFor(get("/bcc/v2/volume/v-Data0001").willReturn(okJson(volume("v-Data0001", "InUse"))));
		upstream.stubFor(post(urlPathEqualTo("/bcc/v2/snapshot")).inScenario("reset")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
			.willSetStateTo("up"));
		upstream.stubFor(post(urlPathEqualTo("/bcc/v2/snapshot")).inScenario("reset")
			.whenScenarioStateIs("up")
			.willReturn(okJson("{\"snapshotId\":\"s-New00001\"}")));
		upstream.stubFor(
				get("/bcc/v2/snapshot/s-New00001").willReturn(okJson("{\"snapshot\":" + snapshot("s-New00001") + "}")));

		assertThat(this.mvc.post()
			.uri("/snapshots")
			.header("X-API-Key", KEY)
			.header("Idempotency-Key", "nightly-2026-11-22")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"provider\":\"bcc\",\"name\":\"nightly\",\"volumeId\":\"v-Data0001\"}")).hasStatus(202)
			.bodyJson()
			.extractingPath("$.id")
			.isEqualTo("bcc:s-New00001");

		List<LoggedRequest> creates = upstream.findAll(postRequestedFor(urlPathEqualTo("/bcc/v2/snapshot")));
		assertThat(creates).hasSize(2);
		assertThat(creates).extracting((request) -> request.queryParameter("clientToken").firstValue())
			.doesNotContainNull()
			.containsOnly(creates.getFirst().queryParameter("clientToken").firstValue());
	}

	@Test
	void refusedCredentialsLeaveNoSecretInLogsAnswersOrMetrics(CapturedOutput output) throws Exception {
		upstream.stubFor(get(urlPathMatching("/bcc/v2/snapshot/.*")).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-bce-request-id", "req-sig-1")
			.withBody(
					"{\"requestId\":\"req-sig-1\",\"code\":\"SignatureDoesNotMatch\",\"message\":\"The request signature we calculated does not match\"}")));
		upstream.stubFor(get(urlPathMatching("/verge/api/v4/.*")).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"err\":\"Login failed\"}")));

		String baidu = this.mvc.get()
			.uri("/snapshots/bcc:s-Any00001")
			.header("X-API-Key", KEY)
			.exchange()
			.getResponse()
			.getContentAsString();
		String vergeos = this.mvc.get()
			.uri("/snapshots/verge:12")
			.header("X-API-Key", KEY)
			.exchange()
			.getResponse()
			.getContentAsString();
		String metrics = this.mvc.get()
			.uri("/actuator/prometheus")
			.header("X-API-Key", KEY)
			.exchange()
			.getResponse()
			.getContentAsString();

		assertThat(baidu).contains("UPSTREAM_AUTH_FAILED").contains("req-sig-1");
		assertThat(vergeos).contains("UPSTREAM_AUTH_FAILED");
		String authorization = upstream
			.findAll(com.github.tomakehurst.wiremock.client.WireMock
				.getRequestedFor(urlPathMatching("/bcc/v2/snapshot/.*")))
			.getFirst()
			.getHeader("Authorization");
		String signature = authorization.substring(authorization.lastIndexOf('/') + 1);
		String basic = Base64.getEncoder()
			.encodeToString(("svc-snapgate:" + VERGEOS_PASSWORD).getBytes(StandardCharsets.UTF_8));
		assertThat(output.getAll()).as("the logs").contains("UPSTREAM_AUTH_FAILED");
		for (String secret : List.of(SECRET_ACCESS_KEY, signature, VERGEOS_PASSWORD, basic, KEY)) {
			assertThat(output.getAll()).as("the logs").doesNotContain(secret);
			assertThat(baidu + vergeos).as("the answers").doesNotContain(secret);
			assertThat(metrics).as("the metrics").doesNotContain(secret);
		}
	}

	private static String volume(String id, String status) {
		return """
				{"volume":{"id":"%s","name":"data","diskSizeInGB":40,"status":"%s","type":"Cds","storageType":"hp1",
				 "isSystemVolume":false,"zoneName":"cn-bj-a","attachments":[{"volumeId":"%s","instanceId":"i-Web00001",
				 "device":"/dev/vdb","serial":"x"}],"sourceSnapshotId":"","createTime":"2026-01-01T00:00:00Z"}}"""
			.formatted(id, status, id);
	}

	private static String snapshot(String id) {
		return """
				{"id":"%s","name":"nightly","sizeInGB":40,"createTime":"2026-11-22T09:00:00Z","status":"Creating",
				 "createMethod":"MANUAL","volumeId":"v-Data0001","desc":"","encrypted":false,"progress":0}"""
			.formatted(id);
	}

}
