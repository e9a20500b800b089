package io.snapgate.guard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
 * of their own whose journal shows every request they were sent: the replicas spend one
 * budget together, exactly, and when Redis stops answering each falls back to its own
 * share, says so, and shares again once it answers.
 */
@Testcontainers(disabledWithoutDocker = true)
class SharedBudgetIT {

	private static final String BAIDU = "/sandbox/baidu";

	/**
	 * One upstream request each: the members of a Baidu snapshot, which has none, read by
	 * its id.
	 */
	private static final String READ = "/snapshots/bcc:s-seed0005/members";

	private static final int BUDGET = 12;

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
		// every test starts with a full budget
		this.replicas.stop();
	}

	@Test
	void threeReplicasSpendOneBudgetTogetherExactlyOnce() throws Exception {
		List<Integer> ports = startReplicas();

		// one after another: identical reads under way at once are shared, and would ask
		// less
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < BUDGET * 3; i++) {
			statuses.add(this.replicas.get(ports.get(i % RedisReplicas.COUNT), READ).statusCode());
		}

		assertThat(statuses).filteredOn((status) -> status == 200).hasSize(BUDGET);
		assertThat(statuses).filteredOn((status) -> status == 429).hasSize(BUDGET * 2);
		assertThat(emulators.journal().sent("GET", BAIDU + "/v2/snapshot/s-seed0005"))
			.as("the upstream saw the budget, not three times it")
			.hasSize(BUDGET);
		for (int port : ports) {
			assertThat(JsonPath.<List<String>>read(this.replicas.get(port, "/providers").body(),
					"$[?(@.id == 'bcc')].budget"))
				.containsExactly("SHARED");
		}
	}

	@Test
	void aRedisThatStopsAnsweringLeavesEachReplicaItsShareAndIsSharedAgainOnceItAnswers() throws Exception {
		List<Integer> ports = startReplicas();
		assertThat(this.replicas.get(ports.get(0), READ).statusCode()).isEqualTo(200);

		this.replicas.pauseRedis();

		// each replica now has its share, a third of the budget, and no more
		for (int port : ports) {
			List<Integer> statuses = new ArrayList<>();
			for (int i = 0; i < BUDGET / RedisReplicas.COUNT + 1; i++) {
				statuses.add(this.replicas.get(port, READ).statusCode());
			}
			assertThat(statuses).filteredOn((status) -> status == 200).hasSize(BUDGET / RedisReplicas.COUNT);
			assertThat(statuses).last().isEqualTo(429);
			assertThat(JsonPath.<List<String>>read(this.replicas.get(port, "/providers").body(),
					"$[?(@.id == 'bcc')].budget"))
				.containsExactly("FALLBACK");
			assertThat(this.replicas.scrape(port)).contains("snapgate_coordination_up 0.0");
		}

		this.replicas.unpauseRedis();

		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			this.replicas.get(ports.get(1), READ);
			assertThat(JsonPath.<List<String>>read(this.replicas.get(ports.get(1), "/providers").body(),
					"$[?(@.id == 'bcc')].budget"))
				.containsExactly("SHARED");
			assertThat(this.replicas.scrape(ports.get(1))).contains("snapgate_coordination_up 1.0");
		});
	}

	/**
	 * Three replicas with one Redis, one Baidu budget, and nothing kept between reads.
	 */
	private List<Integer> startReplicas() {
		return this.replicas.start("snapgate.resilience.budget-replicas=" + RedisReplicas.COUNT,
				"snapgate.providers.bcc.resilience.read-cache-ttl=0s",
				"snapgate.providers.bcc.resilience.budget-requests=" + BUDGET,
				"snapgate.providers.bcc.resilience.budget-period=PT1H");
	}

}
