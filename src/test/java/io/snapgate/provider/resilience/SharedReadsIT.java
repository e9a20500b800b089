package io.snapgate.provider.resilience;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

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
 * of their own whose journal shows every request they were sent: however many callers
 * poll one snapshot through whichever replica, the upstream is asked once per
 * {@code read-cache-ttl}; a write through one replica makes every replica read afresh;
 * and while Redis does not answer each replica reads on its own, sharing again once it
 * answers.
 */
@Testcontainers(disabledWithoutDocker = true)
class SharedReadsIT {

	private static final String KEY = "shared-reads-" + "k".repeat(40);

	private static final String SNAPSHOT = "/snapshots/bcc:s-seed0005";

	/** What the gateway asks the Baidu emulator to read that snapshot. */
	private static final String UPSTREAM_READ = "/sandbox/baidu/v2/snapshot/s-seed0005";

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
		redis.execInContainer("redis-cli", "FLUSHALL");
	}

	@Test
	void pollersOfOneSnapshotAcrossThreeReplicasCostOneUpstreamRead() throws Exception {
		List<Integer> ports = startReplicas("reads-once");

		for (int round = 0; round < 2; round++) {
			List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				polls.add(getAsync(ports.get(i % REPLICAS), SNAPSHOT));
			}
			for (CompletableFuture<HttpResponse<String>> poll : polls) {
				assertThat(poll.get().statusCode()).isEqualTo(200);
			}
		}

		assertThat(journal.sent("GET", UPSTREAM_READ)).as("one read for sixty polls across three replicas").hasSize(1);
	}

	@Test
	void aWriteThroughOneReplicaMakesEveryReplicaReadAfresh() throws Exception {
		List<Integer> ports = startReplicas("reads-write");
		for (int port : ports) {
			assertThat(get(port, SNAPSHOT).statusCode()).isEqualTo(200);
		}
		assertThat(journal.sent("GET", UPSTREAM_READ)).hasSize(1);

		HttpResponse<String> patched = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + ports.get(2) + SNAPSHOT))
				.header("X-API-Key", KEY)
				.header("Content-Type", "application/merge-patch+json")
				.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"renamed_by_one\"}"))
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
		int afterWrite = journal.sent("GET", UPSTREAM_READ).size();

		for (int port : ports) {
			HttpResponse<String> read = get(port, SNAPSHOT);
			assertThat(JsonPath.<String>read(read.body(), "$.name")).isEqualTo("renamed_by_one");
		}
		assertThat(journal.sent("GET", UPSTREAM_READ)).as("read afresh once, for every replica")
			.hasSize(afterWrite + 1);
	}

	@Test
	void aRedisThatStopsAnsweringLeavesEachReplicaItsOwnReadsAndIsSharedAgainOnceItAnswers() throws Exception {
		List<Integer> ports = startReplicas("reads-fallback");
		assertThat(get(ports.get(0), SNAPSHOT).statusCode()).isEqualTo(200);

		redis.getDockerClient().pauseContainerCmd(redis.getContainerId()).exec();

		for (int port : ports) {
			assertThat(get(port, SNAPSHOT).statusCode()).isEqualTo(200);
			assertThat(get(port, SNAPSHOT).statusCode()).isEqualTo(200);
			assertThat(scrape(port)).contains("snapgate_coordination_up 0.0");
		}
		assertThat(journal.sent("GET", UPSTREAM_READ)).as("each replica read on its own, and kept its answer")
			.hasSizeBetween(REPLICAS, REPLICAS + 1);

		redis.getDockerClient().unpauseContainerCmd(redis.getContainerId()).exec();

		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			for (int port : ports) {
				assertThat(get(port, SNAPSHOT).statusCode()).isEqualTo(200);
				assertThat(scrape(port)).contains("snapgate_coordination_up 1.0");
			}
		});
		redis.execInContainer("redis-cli", "FLUSHALL");
		journal.clear();
		for (int port : ports) {
			assertThat(get(port, SNAPSHOT).statusCode()).isEqualTo(200);
		}
		assertThat(journal.sent("GET", UPSTREAM_READ)).as("shared again").hasSize(1);
	}

	/**
	 * Three replicas with one Redis, each answer kept far longer than a test runs.
	 */
	private List<Integer> startReplicas(String owner) {
		List<Integer> ports = new ArrayList<>();
		for (int i = 0; i < REPLICAS; i++) {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(SnapGateApplication.class)
				.properties("server.port=0", "management.server.port=", "spring.data.redis.host=" + redis.getHost(),
						"spring.data.redis.port=" + redis.getMappedPort(6379), "spring.data.redis.timeout=500ms",
						"snapgate.resilience.shared-budget-retry=PT1S", "snapgate.providers.bcc.type=baidu",
						"snapgate.providers.bcc.endpoint=" + upstream + "/sandbox/baidu",
						"snapgate.providers.bcc.access-key-id=sandboxak0000000000000000000baidu",
						"snapgate.providers.bcc.secret-access-key=sandbox-sk-not-a-secret-anywhere-else",
						"snapgate.providers.bcc.resilience.read-cache-ttl=PT5M",
						"snapgate.providers.bcc.resilience.retry-attempts=1",
						"snapgate.security.api-keys[0].owner=" + owner,
						"snapgate.security.api-keys[0].sha256=" + ApiKeyHashes.sha256Hex(KEY),
						"snapgate.security.api-keys[0].scopes=snapshots:read,snapshots:write,actuator:read")
				.run();
			this.replicas.add(context);
			ports.add(port(context));
		}
		return ports;
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private HttpRequest request(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("X-API-Key", KEY)
			.timeout(Duration.ofSeconds(30))
			.build();
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(request(port, path), HttpResponse.BodyHandlers.ofString());
	}

	private CompletableFuture<HttpResponse<String>> getAsync(int port, String path) {
		return this.http.sendAsync(request(port, path), HttpResponse.BodyHandlers.ofString());
	}

	private String scrape(int port) throws Exception {
		return get(port, "/actuator/prometheus").body();
	}

}
