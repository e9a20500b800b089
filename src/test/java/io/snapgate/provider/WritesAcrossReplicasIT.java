package io.snapgate.provider;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import io.snapgate.SnapGateApplication;
import io.snapgate.security.ApiKeyHashes;
import io.snapgate.testing.EmulatorJournal;
import io.snapgate.testing.Emulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Gateway replicas that share nothing but the upstream: the sandbox's emulators, which
 * keep state as VergeOS and BCC do, served by a gateway of their own whose
 * {@link EmulatorJournal journal} shows every request they were sent. Identical keyed
 * restores sent at once to two replicas are one restore upstream; a replica stopped at
 * any step of a restore leaves it for the next read on another replica to finish, and no
 * step is taken twice. A copy started on one replica is followed on another, and a keyed
 * copy repeated on another replica is the same copy upstream.
 */
class WritesAcrossReplicasIT {

	private static final String KEY = "replicas-" + "r".repeat(40);

	private static final String BAIDU = "/sandbox/baidu";

	private static final String VERGEOS = "/sandbox/vergeos";

	private static final String ROLLBACK = BAIDU + "/v2/volume/v-data0002";

	private static final String MODIFY = BAIDU + "/v2/snapshot/s-[A-Za-z0-9]+";

	private static final String RECOVER = VERGEOS + "/api/v4/cloud_snapshot_vm_actions";

	private static final String MACHINE_SNAPSHOTS = VERGEOS + "/api/v4/machine_snapshots";

	private static final String VM_ACTIONS = VERGEOS + "/api/v4/vm_actions";

	private static final String REVERT_BODY = """
			{"snapshotId": "verge:m9001", "target": {"type": "MACHINE"}, "confirmInPlace": true}""";

	private static final String ROLLBACK_BODY = """
			{"snapshotId": "bcc:s-seed0005", "target": {"type": "VOLUME"}, "confirmInPlace": true}""";

	private static Emulators emulators;

	private static EmulatorJournal journal;

	private static String upstream;

	private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startEmulators() {
		// a disk stays busy rolling back long enough for a replica to see it so
		emulators = Emulators.start("snapgate.sandbox.baidu.snapshot-delay=PT1S",
				"snapgate.sandbox.baidu.rollback-delay=PT6S", "snapgate.sandbox.vergeos.recover-start-delay=PT0.5S",
				"snapgate.sandbox.vergeos.recover-delay=PT1S", "snapgate.sandbox.baidu.copy-delay=PT1S");
		journal = emulators.journal();
		upstream = emulators.url();
	}

	@AfterAll
	static void stopEmulators() {
		emulators.close();
	}

	@AfterEach
	void stopReplicas() {
		this.replicas.forEach(ConfigurableApplicationContext::close);
		journal.clear();
	}

	@Test
	void sixteenIdenticalRollbacksOnTwoReplicasTakeOneSafetySnapshotAndRollBackOnce() throws Exception {
		List<Integer> replicas = List.of(start(), start());

		String id = sixteenAlike(replicas, ROLLBACK_BODY, "rollback-16");
		awaitOnBoth(replicas, id, "SUCCEEDED");
		assertThat(journal.answered("POST", BAIDU + "/v2/snapshot", 200)
			.stream()
			.map((entry) -> JsonPath.<String>read(entry.body(), "$.snapshotId"))
			.distinct()).as("one safety snapshot, however many asked for it under the key").hasSize(1);
		assertThat(journal.answered("PUT", ROLLBACK, 200)).hasSize(1);
	}

	@Test
	void sixteenIdenticalRecoveriesOnTwoReplicasMakeOneCopy() throws Exception {
		List<Integer> replicas = List.of(start(), start());
		String body = """
				{"snapshotId": "verge:1", "target": {"type": "VM", "member": "web-01"}, "newName": "web-01-once"}""";

		String id = sixteenAlike(replicas, body, "recover-16");
		awaitOnBoth(replicas, id, "SUCCEEDED");
		assertThat(journal.answered("POST", RECOVER, 200, 201)).hasSize(1);
	}

	@Test
	void theSameKeyWithAnotherBodyIsRefusedOnEachProvider() throws Exception {
		int replica = start();
		HttpResponse<String> rollback = send(replica, "POST", "/restores", ROLLBACK_BODY, "reused-key");
		awaitOnBoth(List.of(replica), JsonPath.read(rollback.body(), "$.id"), "SUCCEEDED");
		HttpResponse<String> second = send(emulatorsPort(), "POST", "/snapshots?wait=true",
				"{\"provider\": \"sandbox-baidu\", \"name\": \"second_of_archive\", \"volumeId\": \"v-data0002\"}",
				null);
		String secondId = JsonPath.<String>read(second.body(), "$.id").replace("sandbox-baidu:", "bcc:");
		HttpResponse<String> recovery = send(replica, "POST", "/restores", """
				{"snapshotId": "verge:1", "target": {"type": "VM", "member": "web-01"}, "newName": "web-01-a"}""",
				"reused-key-v");

		HttpResponse<String> otherRollback = send(replica, "POST", "/restores",
				ROLLBACK_BODY.replace("bcc:s-seed0005", secondId), "reused-key");
		HttpResponse<String> otherRecovery = send(replica, "POST", "/restores", """
				{"snapshotId": "verge:1", "target": {"type": "VM", "member": "web-01"}, "newName": "web-01-b"}""",
				"reused-key-v");

		assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
		assertThat(recovery.statusCode()).as(recovery.body()).isEqualTo(202);
		for (HttpResponse<String> refused : List.of(otherRollback, otherRecovery)) {
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
			assertThat(JsonPath.<String>read(refused.body(), "$.code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		}
		assertThat(journal.answered("PUT", ROLLBACK, 200)).hasSize(1);
		assertThat(journal.answered("POST", RECOVER, 200, 201)).hasSize(1);
	}

	@Test
	void aReplicaStoppedRightAfterTheSafetySnapshotLeavesTheRollbackToTheNextReadElsewhere() throws Exception {
		int first = start();
		int second = start();

		HttpResponse<String> started = send(first, "POST", "/restores", ROLLBACK_BODY, "stop-after-safety");
		this.replicas.getFirst().close();

		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		assertThat(JsonPath.<String>read(started.body(), "$.status")).isEqualTo("PENDING");
		assertThat(journal.answered("PUT", ROLLBACK, 200)).isEmpty();
		awaitOnBoth(List.of(second), JsonPath.read(started.body(), "$.id"), "SUCCEEDED");
		assertThat(journal.answered("PUT", ROLLBACK, 200)).hasSize(1);
	}

	@Test
	void aRollbackLostOnItsWayIsSentAgainByTheNextReadOnceItsClaimLapses() throws Exception {
		journal.lose("PUT", ROLLBACK, 1);
		int first = start();
		int second = start();
		HttpResponse<String> started = send(first, "POST", "/restores", ROLLBACK_BODY, "lost-rollback");
		String id = JsonPath.read(started.body(), "$.id");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(journal.sent("PUT", ROLLBACK)).isNotEmpty());
		this.replicas.getFirst().close();

		awaitOnBoth(List.of(second), id, "SUCCEEDED");

		assertThat(journal.answered("PUT", ROLLBACK, 200)).as("the one that reached BCC").hasSize(1);
	}

	@Test
	void aRollbackSentWhoseMarkWasLostIsRecognisedFromTheBusyDiskAndNotSentAgain() throws Exception {
		// the claim is written, the rollback sent, and the mark of it lost
		journal.loseAfter("PUT", MODIFY, 1, 1);
		int first = start();
		int second = start();
		HttpResponse<String> started = send(first, "POST", "/restores", ROLLBACK_BODY, "lost-mark");
		String id = JsonPath.read(started.body(), "$.id");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(journal.answered("PUT", ROLLBACK, 200)).hasSize(1));
		this.replicas.getFirst().close();

		awaitOnBoth(List.of(second), id, "SUCCEEDED");

		assertThat(journal.answered("PUT", ROLLBACK, 200)).hasSize(1);
	}

	@Test
	void aRecoveryLostOnItsWayIsSentByTheNextReadElsewhere() throws Exception {
		journal.lose("POST", RECOVER, 1);
		int first = start();
		int second = start();
		String body = """
				{"snapshotId": "verge:1", "target": {"type": "VM", "member": "web-01"}, "newName": "web-01-lost"}""";

		HttpResponse<String> lost = send(first, "POST", "/restores", body, "lost-recovery");
		this.replicas.getFirst().close();
		HttpResponse<String> repeated = send(second, "POST", "/restores", body, "lost-recovery");

		assertThat(lost.statusCode()).as("refused, or recorded to be finished later: " + lost.body()).isIn(202, 503);
		assertThat(journal.sent("POST", RECOVER)).singleElement()
			.satisfies((entry) -> assertThat(entry.status()).isZero());
		assertThat(repeated.statusCode()).as(repeated.body()).isEqualTo(202);
		awaitOnBoth(List.of(second), JsonPath.read(repeated.body(), "$.id"), "SUCCEEDED");
		assertThat(journal.answered("POST", RECOVER, 200, 201)).hasSize(1);
	}

	@Test
	void sixteenIdenticalRevertsOfAVmOnTwoReplicasTakeOneSafetySnapshotAndRevertOnce() throws Exception {
		List<Integer> replicas = List.of(start(), start());

		String id = sixteenAlike(replicas, REVERT_BODY, "revert-16");
		awaitOnBoth(replicas, id, "SUCCEEDED");
		assertThat(journal.answered("POST", MACHINE_SNAPSHOTS, 201)).as("one safety snapshot").hasSize(1);
		assertThat(journal.answered("POST", VM_ACTIONS, 200)).as("one revert").hasSize(1);
	}

	@Test
	void aRevertLostOnItsWayIsSentByTheNextReadElsewhereAfterTheSafetySnapshotTakenAlready() throws Exception {
		journal.lose("POST", VM_ACTIONS, 1);
		int first = start();
		int second = start();

		HttpResponse<String> lost = send(first, "POST", "/restores", REVERT_BODY, "lost-revert");
		this.replicas.getFirst().close();
		HttpResponse<String> repeated = send(second, "POST", "/restores", REVERT_BODY, "lost-revert");

		assertThat(lost.statusCode()).as("refused, or recorded to be finished later: " + lost.body()).isIn(202, 503);
		assertThat(repeated.statusCode()).as(repeated.body()).isEqualTo(202);
		awaitOnBoth(List.of(second), JsonPath.read(repeated.body(), "$.id"), "SUCCEEDED");
		assertThat(journal.answered("POST", MACHINE_SNAPSHOTS, 201)).as("the safety snapshot, taken once").hasSize(1);
		assertThat(journal.answered("POST", VM_ACTIONS, 200)).as("the revert, sent once it was lost").hasSize(1);
	}

	@Test
	void aCopyStartedOnOneReplicaIsFollowedToItsEndOnAnotherAndAKeyedRepeatThereFollowsTheSameCopy() throws Exception {
		int first = start();
		int second = start();
		String body = "{\"targetProvider\": \"bcc-gz\"}";

		HttpResponse<String> started = send(first, "POST", "/snapshots/bcc:s-seed0005/copies", body, "copy-once");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		String id = JsonPath.read(started.body(), "$.id");
		HttpResponse<String> again = send(second, "POST", "/snapshots/bcc:s-seed0005/copies", body, "copy-once");

		assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
		// the same copy in gz; BCC keeps no time of it, so each answer's id carries the
		// time
		// that replica was answered, and both follow that one copy
		assertThat(JsonPath.<String>read(again.body(), "$.copySnapshotId"))
			.isEqualTo(JsonPath.<String>read(started.body(), "$.copySnapshotId"));
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			HttpResponse<String> read = send(second, "GET", "/copies/" + id, null, null);
			assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
			assertThat(JsonPath.<String>read(read.body(), "$.status")).as(read.body()).isEqualTo("SUCCEEDED");
		});
		assertThat(journal.answered("PUT", BAIDU + "/v2/snapshot/remote_copy/s-seed0005", 200)
			.stream()
			.map((entry) -> JsonPath.<String>read(entry.body(), "$.result[0].snapshotId"))
			.distinct()).as("one copy in gz, however many replicas were asked under the key").hasSize(1);
	}

	@Test
	void aKeyedVergeosCopyRepeatedOnAnotherReplicaQueuesTheSnapshotOnce() throws Exception {
		int first = start();
		int second = start();
		String body = "{\"targetProvider\": \"verge-dr\", \"retention\": \"P30D\"}";

		HttpResponse<String> started = send(first, "POST", "/snapshots/verge:1/copies", body, "sync-once");
		HttpResponse<String> again = send(second, "POST", "/snapshots/verge:1/copies", body, "sync-once");

		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
		assertThat(JsonPath.<String>read(again.body(), "$.id"))
			.isEqualTo(JsonPath.<String>read(started.body(), "$.id"));
		assertThat(journal.answered("POST", VERGEOS + "/api/v4/site_syncs_outgoing_actions", 200, 201)).hasSize(1);
		HttpResponse<String> listed = send(second, "GET", "/snapshots/verge:1/copies", null, null);
		assertThat(JsonPath.<List<String>>read(listed.body(), "$.items[*].status")).containsExactly("PENDING");
	}

	private static int emulatorsPort() {
		return emulators.port();
	}

	private int start() {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SnapGateApplication.class)
			.properties("server.port=0", "management.server.port=", "snapgate.tokens.signing-key=" + "s".repeat(48),
					"snapgate.restores.claim-settle=PT0.3S", "snapgate.restores.claim-lease=PT2S",
					"snapgate.providers.verge.type=vergeos", "snapgate.providers.verge.base-url=" + upstream + VERGEOS,
					"snapgate.providers.verge.username=snapgate", "snapgate.providers.verge.password=sandbox",
					"snapgate.providers.bcc.type=baidu", "snapgate.providers.bcc.endpoint=" + upstream + BAIDU,
					"snapgate.providers.bcc.access-key-id=sandboxak0000000000000000000baidu",
					"snapgate.providers.bcc.secret-access-key=sandbox-sk-not-a-secret-anywhere-else",
					"snapgate.providers.bcc.snapshot-quota-per-disk=8", "snapgate.providers.bcc.copy-regions.bcc-gz=gz",
					"snapgate.providers.bcc-gz.type=baidu",
					"snapgate.providers.bcc-gz.endpoint=" + upstream + BAIDU + "-gz",
					"snapgate.providers.bcc-gz.access-key-id=sandboxak0000000000000000000baidu",
					"snapgate.providers.bcc-gz.secret-access-key=sandbox-sk-not-a-secret-anywhere-else",
					"snapgate.providers.verge.copy-syncs.verge-dr=to-dr-site",
					"snapgate.providers.verge-dr.type=vergeos",
					"snapgate.providers.verge-dr.base-url=" + upstream + VERGEOS + "-dr",
					"snapgate.providers.verge-dr.username=snapgate", "snapgate.providers.verge-dr.password=sandbox",
					"snapgate.security.api-keys[0].owner=dr",
					"snapgate.security.api-keys[0].sha256=" + ApiKeyHashes.sha256Hex(KEY),
					"snapgate.security.api-keys[0].scopes=snapshots:read,snapshots:write,restores:write")
			.run();
		this.replicas.add(context);
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private void awaitOnBoth(List<Integer> replicas, String id, String status) {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			for (int replica : replicas) {
				HttpResponse<String> read = send(replica, "GET", "/restores/" + id, null, null);
				assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
				assertThat(JsonPath.<String>read(read.body(), "$.status")).as(read.body()).isEqualTo(status);
			}
		});
	}

	/**
	 * Sends the same keyed restore sixteen times at once, alternating between the
	 * replicas, and answers the one restore id every answer must name.
	 */
	private String sixteenAlike(List<Integer> replicas, String body, String key) throws Exception {
		List<HttpResponse<String>> answers = concurrently(16,
				(i) -> send(replicas.get(i % 2), "POST", "/restores", body, key));

		assertThat(answers).allSatisfy((answer) -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202));
		Set<String> ids = answers.stream()
			.map((a) -> JsonPath.<String>read(a.body(), "$.id"))
			.collect(Collectors.toSet());
		assertThat(ids).hasSize(1);
		return ids.iterator().next();
	}

	private static <T> List<T> concurrently(int count, Task<T> task) throws Exception {
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				futures.add(executor.submit((Callable<T>) () -> task.run(index)));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
	}

	private HttpResponse<String> send(int port, String method, String path, String body, String key) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("X-API-Key", KEY)
			.timeout(Duration.ofSeconds(30));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@FunctionalInterface
	private interface Task<T> {

		T run(int index) throws Exception;

	}

}
