package io.snapgate.guard;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.jayway.jsonpath.JsonPath;
import io.snapgate.testing.Emulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

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

	private static final String SNAPSHOT = "/snapshots/bcc:s-seed0005";

	/** What the gateway asks the Baidu emulator to read that snapshot. */
	private static final String UPSTREAM_READ = "/sandbox/baidu/v2/snapshot/s-seed0005";

	/** Each answer kept far longer than a test runs. */
	private static final String KEPT_LONG = "snapgate.providers.bcc.resilience.read-cache-ttl=PT5M";

	@Container
	static final GenericContainer<?> redis = RedisReplicas.redis();

	private static Emulators emulators;

	private final RedisReplicas replicas = new RedisReplicas(redis, emulators);

	@BeforeAll
	static void startEmulators() {
		emulators = Emulators.start();
	}

	@AfterAll
	static void stopEmulators() {
		emulators.close();
	}

	@AfterEach
	void stopReplicas() throws Exception {
		this.replicas.stop();
	}

	@Test
	void pollersOfOneSnapshotAcrossThreeReplicasCostOneUpstreamRead() throws Exception {
		List<Integer> ports = this.replicas.start(KEPT_LONG);

		for (int round = 0; round < 2; round++) {
			List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				polls.add(this.replicas.getAsync(ports.get(i % RedisReplicas.COUNT), SNAPSHOT));
			}
			for (CompletableFuture<HttpResponse<String>> poll : polls) {
				assertThat(poll.get().statusCode()).isEqualTo(200);
			}
		}

		assertThat(emulators.journal().sent("GET", UPSTREAM_READ)).as("one read for sixty polls across three replicas")
			.hasSize(1);
	}

	@Test
	void aWriteThroughOneReplicaMakesEveryReplicaReadAfresh() throws Exception {
		List<Integer> ports = this.replicas.start(KEPT_LONG);
		for (int port : ports) {
			assertThat(this.replicas.get(port, SNAPSHOT).statusCode()).isEqualTo(200);
		}
		assertThat(emulators.journal().sent("GET", UPSTREAM_READ)).hasSize(1);

		HttpResponse<String> patched = this.replicas.patch(ports.get(2), SNAPSHOT, "{\"name\":\"renamed_by_one\"}");
		assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
		int afterWrite = emulators.journal().sent("GET", UPSTREAM_READ).size();

		for (int port : ports) {
			HttpResponse<String> read = this.replicas.get(port, SNAPSHOT);
			assertThat(JsonPath.<String>read(read.body(), "$.name")).isEqualTo("renamed_by_one");
		}
		assertThat(emulators.journal().sent("GET", UPSTREAM_READ)).as("read afresh once, for every replica")
			.hasSize(afterWrite + 1);
	}

	@Test
	void aRedisThatStopsAnsweringLeavesEachReplicaItsOwnReadsAndIsSharedAgainOnceItAnswers() throws Exception {
		List<Integer> ports = this.replicas.start(KEPT_LONG);
		assertThat(this.replicas.get(ports.get(0), SNAPSHOT).statusCode()).isEqualTo(200);

		this.replicas.pauseRedis();

		for (int port : ports) {
			assertThat(this.replicas.get(port, SNAPSHOT).statusCode()).isEqualTo(200);
			assertThat(this.replicas.get(port, SNAPSHOT).statusCode()).isEqualTo(200);
			assertThat(this.replicas.scrape(port)).contains("snapgate_coordination_up 0.0");
		}
		assertThat(emulators.journal().sent("GET", UPSTREAM_READ))
			.as("each replica read on its own, and kept its answer")
			.hasSizeBetween(RedisReplicas.COUNT, RedisReplicas.COUNT + 1);

		this.replicas.unpauseRedis();

		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			for (int port : ports) {
				assertThat(this.replicas.get(port, SNAPSHOT).statusCode()).isEqualTo(200);
				assertThat(this.replicas.scrape(port)).contains("snapgate_coordination_up 1.0");
			}
		});
		redis.execInContainer("redis-cli", "FLUSHALL");
		emulators.journal().clear();
		for (int port : ports) {
			assertThat(this.replicas.get(port, SNAPSHOT).statusCode()).isEqualTo(200);
		}
		assertThat(emulators.journal().sent("GET", UPSTREAM_READ)).as("shared again").hasSize(1);
	}

}
