package io.snapgate.provider.resilience;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.snapgate.SnapGateApplication;
import io.snapgate.security.ApiKeyHashes;
import io.snapgate.testing.EmulatorJournal;
import io.snapgate.testing.Emulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three gateway replicas with one Redis, over the sandbox's emulators served by a gateway
 * of their own whose journal shows every request they were sent: the replicas spend one
 * budget together, exactly, and when Redis stops answering each falls back to its own
 * share, says so, and shares again once it answers.
 */
@Testcontainers(disabledWithoutDocker = true)
class SharedBudgetIT {

	private static final String KEY = "shared-budget-" + "k".repeat(40);

	private static final String BAIDU = "/sandbox/baidu";

	/**
	 * One upstream request each: the members of a Baidu snapshot, which has none, read by
	 * its id.
	 */
	private static final String READ = "/snapshots/bcc:s-seed0005/members";

	private static final int BUDGET = 12;

	private static final int REPLICAS = 3;

	@Container
	static final GenericContainer<?> redis = new GenericContainer<>(
			DockerImageName.parse(System.getenv().getOrDefault("SNAPGATE_REDIS_IMAGE", "redis:7"))
				.asCompatibleSubstituteFor("redis"))
		.withExposedPorts(6379);

	private static Emulators emulators;

	private static EmulatorJournal journal;

	private static String upstream;

	private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startEmulators() {
		emulators = Emulators.start();
		journal = emulators.journal();
		upstream = emulators.url();
	}

	@AfterAll
	static void stopEmulators() {
		emulators.close();
	}

	@AfterEach
	void stopReplicas() throws Exception {
		this.replicas.forEach(ConfigurableApplicationContext::close);
		journal.clear();
		if (Boolean.TRUE.equals(redis.getCurrentContainerInfo().getState().getPaused())) {
			redis.getDockerClient().unpauseContainerCmd(redis.getContainerId()).exec();
		}
		// every test starts with a full budget
		redis.execInContainer("redis-cli", "FLUSHALL");
	}

	@Test
	void threeReplicasSpendOneBudgetTogetherExactlyOnce() throws Exception {
		List<Integer> ports = startReplicas("budget-once");

		// one after another: identical reads under way at once are shared, and would ask
		// less
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < BUDGET * 3; i++) {
			statuses.add(get(ports.get(i % REPLICAS), READ).statusCode());
		}

		assertThat(statuses).filteredOn((status) -> status == 200).hasSize(BUDGET);
		assertThat(statuses).filteredOn((status) -> status == 429).hasSize(BUDGET * 2);
		assertThat(journal.sent("GET", BAIDU + "/v2/snapshot/s-seed0005"))
			.as("the upstream saw the budget, not three times it")
			.hasSize(BUDGET);
		for (int port : ports) {
			assertThat(JsonPath.<List<String>>read(get(port, "/providers").body(), "$[?(@.id == 'bcc')].budget"))
				.containsExactly("SHARED");
		}
	}

	@Test
	void aRedisThatStopsAnsweringLeavesEachReplicaItsShareAndIsSharedAgainOnceItAnswers() throws Exception {
		List<Integer> ports = startReplicas("budget-fallback");
		assertThat(get(ports.get(0), READ).statusCode()).isEqualTo(200);

		redis.getDockerClient().pauseContainerCmd(redis.getContainerId()).exec();

		// each replica now has its share, a third of the budget, and no more
		for (int port : ports) {
			List<Integer> statuses = new ArrayList<>();
			for (int i = 0; i < BUDGET / REPLICAS + 1; i++) {
				statuses.add(get(port, READ).statusCode());
			}
			assertThat(statuses).filteredOn((status) -> status == 200).hasSize(BUDGET / REPLICAS);
			assertThat(statuses).last().isEqualTo(429);
			assertThat(JsonPath.<List<String>>read(get(port, "/providers").body(), "$[?(@.id == 'bcc')].budget"))
				.containsExactly("FALLBACK");
			assertThat(scrape(port)).contains("snapgate_coordination_up 0.0");
		}

		redis.getDockerClient().unpauseContainerCmd(redis.getContainerId()).exec();

		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			get(ports.get(1), READ);
			assertThat(
					JsonPath.<List<String>>read(get(ports.get(1), "/providers").body(), "$[?(@.id == 'bcc')].budget"))
				.containsExactly("SHARED");
			assertThat(scrape(ports.get(1))).contains("snapgate_coordination_up 1.0");
		});
	}

	/**
	 * Three replicas with one Redis.
	 */
	private List<Integer> startReplicas(String owner) {
		List<Integer> ports = new ArrayList<>();
		for (int i = 0; i < REPLICAS; i++) {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(SnapGateApplication.class)
				.properties("server.port=0", "management.server.port=", "spring.data.redis.host=" + redis.getHost(),
						"spring.data.redis.port=" + redis.getMappedPort(6379), "spring.data.redis.timeout=500ms",
						"snapgate.resilience.budget-replicas=" + REPLICAS,
						"snapgate.resilience.shared-budget-retry=PT1S", "snapgate.providers.bcc.type=baidu",
						"snapgate.providers.bcc.endpoint=" + upstream + BAIDU,
						"snapgate.providers.bcc.access-key-id=sandboxak0000000000000000000baidu",
						"snapgate.providers.bcc.secret-access-key=sandbox-sk-not-a-secret-anywhere-else",
						"snapgate.providers.bcc.resilience.read-cache-ttl=0s",
						"snapgate.providers.bcc.resilience.budget-requests=" + BUDGET,
						"snapgate.providers.bcc.resilience.budget-period=PT1H",
						"snapgate.providers.bcc.resilience.retry-attempts=1",
						"snapgate.security.api-keys[0].owner=" + owner,
						"snapgate.security.api-keys[0].sha256=" + ApiKeyHashes.sha256Hex(KEY),
						"snapgate.security.api-keys[0].scopes=snapshots:read,actuator:read")
				.run();
			this.replicas.add(context);
			ports.add(port(context));
		}
		return ports;
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("X-API-Key", KEY)
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String scrape(int port) throws Exception {
		return get(port, "/actuator/prometheus").body();
	}

}
