package io.snapgate.guard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.snapgate.security.ApiKeyHashes;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Upstream faults injected with WireMock behind the real VergeOS adapter, seen through
 * the public API: what the gateway answers and how many upstream calls it makes. Each
 * test has its own provider (and so its own breaker), on its own path of one fake
 * VergeOS.
 */
@SpringBootTest
@AutoConfigureMockMvc
class UpstreamFaultTests {

	private static final String KEY = "faults-" + "7".repeat(40);

	private static final String[] PROVIDERS = { "burst", "reset", "stall", "malformed", "throttle", "busy", "healthy" };

	@RegisterExtension
	static WireMockExtension vergeos = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CircuitBreakerRegistry breakers;

	@DynamicPropertySource
	static void configuration(DynamicPropertyRegistry registry) {
		for (String name : PROVIDERS) {
			String prefix = "snapgate.providers." + name + ".";
			registry.add(prefix + "type", () -> "vergeos");
			registry.add(prefix + "base-url", () -> vergeos.baseUrl() + "/" + name);
			registry.add(prefix + "username", () -> "svc");
			registry.add(prefix + "password", () -> "pw-" + name);
			registry.add(prefix + "resilience.timeout", () -> "3s");
			registry.add(prefix + "resilience.retry-wait", () -> "50ms");
			registry.add(prefix + "resilience.sliding-window-size", () -> "4");
			registry.add(prefix + "resilience.minimum-calls", () -> "4");
			registry.add(prefix + "resilience.open-state-wait", () -> "1s");
		}
		registry.add("snapgate.providers.busy.resilience.max-concurrent-calls", () -> "2");
		registry.add("snapgate.providers.stall.resilience.retry-attempts", () -> "2");
		registry.add("snapgate.providers.stall.resilience.timeout", () -> "1s");
		registry.add("snapgate.security.api-keys[0].owner", () -> "faults");
		registry.add("snapgate.security.api-keys[0].sha256", () -> ApiKeyHashes.sha256Hex(KEY));
		registry.add("snapgate.security.api-keys[0].scopes", () -> "snapshots:read,snapshots:write");
	}

	@BeforeEach
	void noMembers() {
		vergeos.stubFor(get(urlPathMatching("/[a-z]+/api/v4/cloud_snapshot_(vms|tenants)")).willReturn(okJson("[]")));
		vergeos.stubFor(get(urlPathMatching("/[a-z]+/api/v4/machine_snapshots")).willReturn(okJson("[]")));
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aBurstOf5xxOpensTheBreakerAndRecoveryClosesIt(CapturedOutput output) {
		vergeos.stubFor(get(urlPathEqualTo("/burst/api/v4/cloud_snapshots/1")).willReturn(aResponse().withStatus(503)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"err\":\"service unavailable\"}")));

		assertThat(read("/snapshots/burst:1")).hasStatus(503)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("UPSTREAM_UNAVAILABLE");
		assertThat(read("/snapshots/burst:1")).hasStatus(503);
		int callsWhenOpen = vergeos.findAll(getRequestedFor(urlPathEqualTo("/burst/api/v4/cloud_snapshots/1"))).size();
		assertThat(callsWhenOpen).as("three attempts, then the fourth failure opens the breaker").isEqualTo(4);

		long refusedBefore = this.breakers.circuitBreaker("burst").getMetrics().getNumberOfNotPermittedCalls();
		MvcTestResult refused = read("/snapshots/burst:1").exchange();
		assertThat(this.breakers.circuitBreaker("burst").getMetrics().getNumberOfNotPermittedCalls())
			.as("one attempt, refused by the open breaker and not retried, so never waited for")
			.isEqualTo(refusedBefore + 1);
		assertThat(refused).hasStatus(503).headers().containsHeader("Retry-After");
		assertThat(vergeos.findAll(getRequestedFor(urlPathEqualTo("/burst/api/v4/cloud_snapshots/1"))))
			.hasSize(callsWhenOpen);

		vergeos.stubFor(
				get(urlPathEqualTo("/burst/api/v4/cloud_snapshots/1")).willReturn(okJson(row(1, "recovered", ""))));
		// half-open lets three trial calls through; once they succeed, the breaker closes
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			assertThat(read("/snapshots/burst:1")).hasStatusOk();
			assertThat(this.mvc.get().uri("/providers").header("X-API-Key", KEY)).bodyJson()
				.extractingPath("$[?(@.id=='burst')].circuitBreaker")
				.asArray()
				.containsExactly("CLOSED");
		});
		assertThat(output).as("the opening is logged")
			.contains("Circuit breaker of provider burst went from CLOSED to OPEN");
		assertThat(output.getAll().lines().filter((line) -> line.contains("keeps failing")))
			.as("the refusals while open are not warned about one by one")
			.noneMatch((line) -> line.contains(" WARN ") || line.contains(" ERROR "));
	}

	@Test
	void aCreateWhoseConnectionIsResetIsNotRepeatedAndItsKeyFindsWhatWasMade() {
		vergeos.stubFor(get(urlPathEqualTo("/reset/api/v4/cloud_snapshots")).willReturn(okJson("[]")));
		vergeos.stubFor(post(urlPathEqualTo("/reset/api/v4/cloud_snapshots"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		String body = "{\"provider\":\"reset\",\"name\":\"pre-upgrade\",\"retention\":\"P7D\"}";

		MvcTestResult first = create(body, "reset-key-1");

		assertThat(first).hasStatus5xxServerError();
		List<LoggedRequest> posts = vergeos.findAll(postRequestedFor(urlPathEqualTo("/reset/api/v4/cloud_snapshots")));
		assertThat(posts).as("a create that may have reached VergeOS is never sent twice").hasSize(1);

		// VergeOS did make it: the lookup by the key's marker now finds the row
		String description = jsonString(posts.getFirst().getBodyAsString(), "description");
		vergeos.stubFor(get(urlPathEqualTo("/reset/api/v4/cloud_snapshots"))
			.willReturn(okJson("[" + row(77, "pre-upgrade", description) + "]")));
		vergeos.stubFor(get(urlPathEqualTo("/reset/api/v4/cloud_snapshots/77"))
			.willReturn(okJson(row(77, "pre-upgrade", description))));

		MvcTestResult second = create(body, "reset-key-1");

		assertThat(second).hasStatus2xxSuccessful().bodyJson().extractingPath("$.id").isEqualTo("reset:77");
		assertThat(vergeos.findAll(postRequestedFor(urlPathEqualTo("/reset/api/v4/cloud_snapshots")))).hasSize(1);
	}

	@Test
	void aStalledUpstreamIsCutAtTheTimeLimit() {
		vergeos.stubFor(get(urlPathEqualTo("/stall/api/v4/cloud_snapshots/5"))
			.willReturn(okJson(row(5, "slow", "")).withFixedDelay(10_000)));

		long started = System.nanoTime();
		MvcTestResult result = read("/snapshots/stall:5").exchange();

		assertThat(result).hasStatus(504).bodyJson().extractingPath("$.code").isEqualTo("UPSTREAM_TIMEOUT");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
		assertThat(vergeos.findAll(getRequestedFor(urlPathEqualTo("/stall/api/v4/cloud_snapshots/5")))).hasSize(2);
	}

	@Test
	void malformedJsonIsABadGatewayAndIsNotRetried() {
		vergeos.stubFor(get(urlPathEqualTo("/malformed/api/v4/cloud_snapshots/3")).willReturn(
				aResponse().withHeader("Content-Type", "application/json").withBody("{\"$key\": 3, \"name\": ")));

		assertThat(read("/snapshots/malformed:3")).hasStatus(502)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("UPSTREAM_ERROR");
		assertThat(vergeos.findAll(getRequestedFor(urlPathEqualTo("/malformed/api/v4/cloud_snapshots/3")))).hasSize(1);
	}

	@Test
	void throttlingIsWaitedOutAsTheUpstreamAsks() {
		vergeos.stubFor(get(urlPathEqualTo("/throttle/api/v4/cloud_snapshots/4")).inScenario("throttle")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("{\"err\":\"slow down\"}"))
			.willSetStateTo("calm"));
		vergeos.stubFor(get(urlPathEqualTo("/throttle/api/v4/cloud_snapshots/4")).inScenario("throttle")
			.whenScenarioStateIs("calm")
			.willReturn(okJson(row(4, "calm", ""))));

		long started = System.nanoTime();
		assertThat(read("/snapshots/throttle:4")).hasStatusOk();

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
		// the 429 and the retry; the members are then listed without reading the snapshot
		// again
		assertThat(vergeos.getAllServeEvents()
			.stream()
			.filter((event) -> event.getRequest().getUrl().startsWith("/throttle/api/v4/cloud_snapshots/4"))
			.map((event) -> event.getResponse().getStatus())
			.sorted()
			.toList()).containsExactly(200, 429);
	}

	@Test
	void aStalledProviderDoesNotSlowTheOther() throws Exception {
		vergeos.stubFor(get(urlPathMatching("/stall/api/v4/cloud_snapshots.*"))
			.willReturn(okJson("[]").withFixedDelay(10_000)));
		vergeos.stubFor(get(urlPathEqualTo("/healthy/api/v4/cloud_snapshots"))
			.willReturn(okJson("[" + row(9, "fine", "") + "]")));
		vergeos
			.stubFor(get(urlPathEqualTo("/healthy/api/v4/cloud_snapshots/9")).willReturn(okJson(row(9, "fine", ""))));
		ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
		try {
			for (int i = 0; i < 8; i++) {
				// left hanging until the executor is shut down
				Future<?> _ = background.submit(() -> read("/snapshots/stall:6").exchange());
			}
			for (int i = 0; i < 5; i++) {
				long started = System.nanoTime();
				assertThat(read("/snapshots/healthy:9")).hasStatusOk();
				assertThat(read("/snapshots?provider=healthy")).hasStatusOk();
				// far below the stalled provider's 10 s, with room for a busy CI machine
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
			}
			long started = System.nanoTime();
			assertThat(read("/snapshots?provider=healthy&provider=stall")).hasStatusOk()
				.bodyJson()
				.satisfies((json) -> {
					json.assertThat().extractingPath("$.partial").isEqualTo(true);
					json.assertThat().extractingPath("$.items[0].id").isEqualTo("healthy:9");
					json.assertThat().extractingPath("$.providerErrors[0].provider").isEqualTo("stall");
				});
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
		}
		finally {
			background.shutdownNow();
		}
	}

	@Test
	void aFullBulkheadRefusesAtOnceInsteadOfQueueing() throws Exception {
		vergeos.stubFor(get(urlPathEqualTo("/busy/api/v4/cloud_snapshots"))
			.willReturn(okJson("[" + row(2, "busy", "") + "]").withFixedDelay(1000)));
		List<Future<Integer>> calls = new ArrayList<>();
		try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < 6; i++) {
				// six different pages: identical reads under way at once would share one
				// call
				String page = "/snapshots?provider=busy&pageSize=" + (10 + i);
				calls.add(callers.submit(() -> read(page).exchange().getResponse().getStatus()));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> call : calls) {
				statuses.add(call.get());
			}
			assertThat(statuses).filteredOn((status) -> status == 200).hasSize(2);
			assertThat(statuses).filteredOn((status) -> status == 503).hasSize(4);
		}
		assertThat(vergeos.findAll(getRequestedFor(urlPathEqualTo("/busy/api/v4/cloud_snapshots")))).hasSize(2);
	}

	private MockMvcTester.MockMvcRequestBuilder read(String uri) {
		return this.mvc.get().uri(uri).header("X-API-Key", KEY);
	}

	private MvcTestResult create(String body, String idempotencyKey) {
		return this.mvc.post()
			.uri("/snapshots")
			.header("X-API-Key", KEY)
			.header("Idempotency-Key", idempotencyKey)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private static String row(long key, String name, String description) {
		return """
				{"$key":%d,"name":"%s","description":"%s","created":1763805600,"expires":0,"snapshot_profile":null,\
				"private":false,"remote_sync":false,"immutable":false,"immutable_status":"unlocked",\
				"immutable_lock_expires":0,"status":"normal","status_info":"","task":null}""".formatted(key, name,
				description.replace("\"", "\\\""));
	}

	private static String jsonString(String json, String field) {
		Matcher matcher = Pattern.compile("\"" + field + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
		assertThat(matcher.find()).as("field %s in %s", field, json).isTrue();
		return matcher.group(1);
	}

}
