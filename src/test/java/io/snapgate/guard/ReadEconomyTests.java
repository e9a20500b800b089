package io.snapgate.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.snapgate.security.ApiKeyHashes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the upstream is asked when many callers read the same thing, counted by the fake
 * VergeOS: reads under way at once share one call, an answer is kept a short while, a
 * write forgets what was kept, and a failure is never kept.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReadEconomyTests {

	private static final String KEY = "economy-" + "e".repeat(40);

	private static final String SNAPSHOT_1 = "/economy/api/v4/cloud_snapshots/1";

	@RegisterExtension
	static WireMockExtension vergeos = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Autowired
	MockMvcTester mvc;

	@DynamicPropertySource
	static void configuration(DynamicPropertyRegistry registry) {
		registry.add("snapgate.providers.economy.type", () -> "vergeos");
		registry.add("snapgate.providers.economy.base-url", () -> vergeos.baseUrl() + "/economy");
		registry.add("snapgate.providers.economy.username", () -> "svc");
		registry.add("snapgate.providers.economy.password", () -> "pw");
		registry.add("snapgate.providers.economy.resilience.read-cache-ttl", () -> "30s");
		registry.add("snapgate.security.api-keys[0].owner", () -> "economy");
		registry.add("snapgate.security.api-keys[0].sha256", () -> ApiKeyHashes.sha256Hex(KEY));
		registry.add("snapgate.security.api-keys[0].scopes", () -> "snapshots:read,snapshots:write");
	}

	@BeforeEach
	void upstream() {
		vergeos.stubFor(get(urlPathMatching("/economy/api/v4/cloud_snapshot_(vms|tenants)")).willReturn(okJson("[]")));
		// a write, which forgets what was kept, so that every test starts with nothing
		vergeos.stubFor(get(urlPathEqualTo("/economy/api/v4/cloud_snapshots/9")).willReturn(okJson(row(9, "old"))));
		vergeos.stubFor(delete(urlPathEqualTo("/economy/api/v4/cloud_snapshots/9")).willReturn(noContent()));
		assertThat(this.mvc.delete().uri("/snapshots/economy:9").header("X-API-Key", KEY)).hasStatus(204);
		vergeos.resetRequests();
	}

	@Test
	void concurrentIdenticalReadsShareOneUpstreamCall() throws Exception {
		vergeos.stubFor(get(urlPathEqualTo(SNAPSHOT_1)).willReturn(okJson(row(1, "nightly")).withFixedDelay(500)));
		List<Future<Integer>> reads = new ArrayList<>();
		try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < 20; i++) {
				reads.add(callers.submit(() -> read("/snapshots/economy:1")));
			}
			for (Future<Integer> status : reads) {
				assertThat(status.get()).isEqualTo(200);
			}
		}

		assertThat(vergeos.findAll(getRequestedFor(urlPathEqualTo(SNAPSHOT_1)))).hasSize(1);
	}

	@Test
	void anAnswerIsKeptAndAWriteThroughThisReplicaForgetsIt() {
		vergeos.stubFor(get(urlPathEqualTo(SNAPSHOT_1)).willReturn(okJson(row(1, "nightly"))));

		assertThat(read("/snapshots/economy:1")).isEqualTo(200);
		assertThat(read("/snapshots/economy:1")).isEqualTo(200);
		assertThat(vergeos.findAll(getRequestedFor(urlPathEqualTo(SNAPSHOT_1)))).as("kept").hasSize(1);

		assertThat(this.mvc.delete().uri("/snapshots/economy:9").header("X-API-Key", KEY)).hasStatus(204);
		assertThat(read("/snapshots/economy:1")).isEqualTo(200);
		assertThat(vergeos.findAll(getRequestedFor(urlPathEqualTo(SNAPSHOT_1)))).as("forgotten on a write").hasSize(2);
	}

	@Test
	void aFailedReadIsNotKept() {
		vergeos.stubFor(get(urlPathEqualTo(SNAPSHOT_1)).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"err\":\"not now\"}"))
			.willSetStateTo("fine"));
		vergeos.stubFor(get(urlPathEqualTo(SNAPSHOT_1)).inScenario("flaky")
			.whenScenarioStateIs("fine")
			.willReturn(okJson(row(1, "nightly"))));

		assertThat(read("/snapshots/economy:1")).isEqualTo(400);
		assertThat(read("/snapshots/economy:1")).isEqualTo(200);
		assertThat(vergeos.findAll(getRequestedFor(urlPathEqualTo(SNAPSHOT_1)))).hasSize(2);
	}

	private int read(String uri) {
		return this.mvc.get().uri(uri).header("X-API-Key", KEY).exchange().getResponse().getStatus();
	}

	private static String row(long key, String name) {
		return """
				{"$key":%d,"name":"%s","description":"","created":1763805600,"expires":0,"snapshot_profile":null,\
				"private":false,"remote_sync":false,"immutable":false,"immutable_status":"unlocked",\
				"immutable_lock_expires":0,"status":"normal","status_info":"","task":null}""".formatted(key, name);
	}

}
