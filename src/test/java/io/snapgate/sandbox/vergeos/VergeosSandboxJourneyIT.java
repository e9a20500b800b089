package io.snapgate.sandbox.vergeos;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.snapgate.domain.ConflictException;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.Policy;
import io.snapgate.domain.PolicyProvider;
import io.snapgate.domain.PolicyRetention;
import io.snapgate.domain.PolicySchedule;
import io.snapgate.domain.PolicySpec;
import io.snapgate.domain.PolicyStatus;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.domain.ScheduleRule;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.domain.SnapshotQuery;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The VergeOS user journey through the public API, with the real adapter talking HTTP to
 * the embedded emulator: take a snapshot, find it, restore a VM from it, delete it; be
 * refused a locked one; create once under one idempotency key; and have a policy, a
 * snapshot profile, take snapshots on the emulator's clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "snapgate.sandbox.vergeos.create-delay=PT1S",
				"snapgate.sandbox.vergeos.recover-start-delay=PT0.3S", "snapgate.sandbox.vergeos.recover-delay=PT1S" })
@ActiveProfiles("sandbox")
class VergeosSandboxJourneyIT {

	private static final String PROVIDER = "sandbox-vergeos";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ProviderRegistry registry;

	@Autowired
	VergeosSandboxState emulator;

	@Autowired
	List<ScheduledTaskHolder> scheduledTasks;

	@Test
	void theEmulatorRunsItsSchedulesOnATimer() {
		assertThat(this.scheduledTasks.stream().flatMap((holder) -> holder.getScheduledTasks().stream()))
			.extracting((task) -> task.getTask().getRunnable().toString())
			.anyMatch((task) -> task.contains("VergeosSandboxScheduler.runSchedules"));
	}

	@Test
	void aPolicyIsASnapshotProfileAndOnlyTheSystemsTakesSnapshotsOnTheSystemsClock() {
		SnapshotProvider provider = this.registry.require(new ProviderId(PROVIDER));
		PolicyProvider policies = provider.policies().orElseThrow();
		Policy seeded = policies.list(null, 50)
			.items()
			.stream()
			.filter((policy) -> policy.name().equals(VergeosSandboxSeed.PROFILE))
			.findFirst()
			.orElseThrow();
		assertThat(seeded.schedule().rules()).containsExactly(new ScheduleRule.Hourly(0));
		assertThat(seeded.status()).isEqualTo(PolicyStatus.ACTIVE);
		assertThat(seeded.targets()).containsExactly(PolicyTarget.SYSTEM);

		String name = "journey-" + UUID.randomUUID().toString().substring(0, 8);
		PolicySpec spec = new PolicySpec(name,
				new PolicySchedule(ZoneId.of("Asia/Tokyo"),
						List.of(new ScheduleRule.Daily(LocalTime.of(3, 0)), new ScheduleRule.Hourly(20))),
				new PolicyRetention(Duration.ofDays(7), null), false, List.of());
		IdempotencyKey key = new IdempotencyKey(name, IdempotencyKey.sha256Hex("spec A"));
		Policy created = policies.create(spec, key);
		assertThat(created.status()).isEqualTo(PolicyStatus.NOT_ASSIGNED);
		assertThat(created.targets()).isEmpty();
		assertThat(policies.create(spec, key).id()).isEqualTo(created.id());
		assertThatExceptionOfType(IdempotencyKeyReusedException.class)
			.isThrownBy(() -> policies.create(spec, new IdempotencyKey(name, IdempotencyKey.sha256Hex("spec B"))));
		assertThat(created.schedule().timeZone()).isEqualTo(ZoneId.of("UTC"));
		assertThat(created.schedule().rules()).containsExactly(new ScheduleRule.Daily(LocalTime.of(18, 0)),
				new ScheduleRule.Hourly(20));

		// its hourly period is due then, and the system's profile runs every minute
		Instant due = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(80));
		this.emulator.runSchedules(due);
		assertThat(provider
			.list(new SnapshotQuery(Set.of(), null, null, null, null, null, false, created.nativeId()), null, 10)
			.items()).as("a profile the system does not use takes nothing").isEmpty();
		assertThat(policies.get(created.nativeId()).orElseThrow().lastSnapshotAt()).isNull();
		List<Snapshot> taken = provider
			.list(new SnapshotQuery(Set.of(), null, null, null, null, null, false, seeded.nativeId()), null, 10)
			.items();
		assertThat(taken).first().satisfies((snapshot) -> {
			assertThat(snapshot.policy()).isEqualTo(seeded.nativeId());
			assertThat(snapshot.createdAt()).isEqualTo(due);
		});
		assertThat(policies.get(seeded.nativeId()).orElseThrow().lastSnapshotAt()).isEqualTo(due);

		Policy replaced = policies.replace(created.nativeId(),
				new PolicySpec(name + "-weekly",
						new PolicySchedule(ZoneId.of("UTC"),
								List.of(new ScheduleRule.Weekly(Set.of(DayOfWeek.SATURDAY), LocalTime.of(3, 0)))),
						new PolicyRetention(Duration.ofDays(30), 2), true, List.of()));
		assertThat(replaced.name()).isEqualTo(name + "-weekly");
		assertThat(replaced.retention()).isEqualTo(new PolicyRetention(Duration.ofDays(30), 2));
		assertThat(replaced.schedule().rules()).hasSize(1);

		policies.delete(created.nativeId());
		assertThat(policies.get(created.nativeId())).isEmpty();
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> policies.delete(seeded.nativeId()))
			.withMessageContaining("in use");
		assertThat(policies.get(seeded.nativeId()).orElseThrow().schedule().rules())
			.containsExactly(new ScheduleRule.Hourly(0));
		assertThat(provider.get(taken.getFirst().nativeId())).isPresent();
	}

	@Test
	void takeFindRestoreAndDeleteASnapshot() throws Exception {
		String name = "journey-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = send("POST", "/snapshots", """
				{"provider":"%s","name":"%s","description":"before upgrade","retention":"P1D"}""".formatted(PROVIDER,
				name), "journey-" + name);
		assertThat(created.statusCode()).isEqualTo(202);
		String id = JsonPath.read(created.body(), "$.id");
		assertThat(created.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith(id));
		assertThat(JsonPath.<String>read(created.body(), "$.status")).isEqualTo("CREATING");
		assertThat(JsonPath.<String>read(created.body(), "$.description")).isEqualTo("before upgrade");

		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> JsonPath.read(get("/snapshots/" + id).body(), "$.status").equals("AVAILABLE"));

		String listing = get("/snapshots?provider=" + PROVIDER + "&name=" + name).body();
		assertThat(JsonPath.<List<String>>read(listing, "$.items[*].id")).containsExactly(id);
		assertThat(JsonPath.<String>read(listing, "$.items[0].expiresAt")).isNotNull();
		String members = get("/snapshots/" + id + "/members").body();
		assertThat(JsonPath.<List<String>>read(members, "$[?(@.type == 'VM')].name")).contains("web-01", "db-01");
		assertThat(JsonPath.<List<String>>read(members, "$[?(@.type == 'TENANT')].name")).contains("acme", "globex");

		HttpResponse<String> started = send("POST", "/restores", """
				{"snapshotId":"%s","target":{"type":"VM","member":"web-01"},"newName":"web-01-restored"}"""
			.formatted(id), null);
		assertThat(started.statusCode()).isEqualTo(202);
		assertThat(JsonPath.<String>read(started.body(), "$.mode")).isEqualTo("NEW_COPY");
		String restoreId = JsonPath.read(started.body(), "$.id");
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> JsonPath.read(get("/restores/" + restoreId).body(), "$.status").equals("SUCCEEDED"));
		String restore = get("/restores/" + restoreId).body();
		assertThat(JsonPath.<String>read(restore, "$.snapshotId")).isEqualTo(id);
		assertThat(JsonPath.<String>read(restore, "$.result.restoredName")).isEqualTo("web-01-restored");

		assertThat(send("DELETE", "/snapshots/" + id, null, null).statusCode()).isEqualTo(204);
		HttpResponse<String> gone = get("/snapshots/" + id);
		assertThat(gone.statusCode()).isEqualTo(404);
		assertThat(JsonPath.<String>read(gone.body(), "$.code")).isEqualTo("SNAPSHOT_NOT_FOUND");
	}

	@Test
	void theLockedSeededSnapshotCannotBeDeleted() throws Exception {
		String listing = get("/snapshots?provider=" + PROVIDER + "&name=Weekly_immutable").body();
		String id = JsonPath.<List<String>>read(listing, "$.items[*].id").getFirst();
		assertThat(JsonPath.<Boolean>read(listing, "$.items[0].locked")).isTrue();

		HttpResponse<String> refused = send("DELETE", "/snapshots/" + id, null, null);

		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(JsonPath.<String>read(refused.body(), "$.code")).isEqualTo("SNAPSHOT_LOCKED");
		assertThat(Instant.parse(JsonPath.read(refused.body(), "$.lockExpiresAt"))).isAfter(Instant.now());
		assertThat(get("/snapshots/" + id).statusCode()).isEqualTo(200);
	}

	@Test
	void aSnapshotIsRedescribedAndKeptLongerAndItsKeyStillFindsIt() throws Exception {
		String name = "audit-" + UUID.randomUUID().toString().substring(0, 8);
		String body = """
				{"provider":"%s","name":"%s","description":"before upgrade"}""".formatted(PROVIDER, name);
		String key = "key-" + name;
		HttpResponse<String> created = send("POST", "/snapshots", body, key);
		String id = JsonPath.read(created.body(), "$.id");
		Instant createdAt = Instant.parse(JsonPath.read(created.body(), "$.createdAt"));

		HttpResponse<String> changed = send("PATCH", "/snapshots/" + id,
				"{\"description\":\"kept for the audit\",\"retention\":\"P30D\"}", null);

		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		assertThat(JsonPath.<String>read(changed.body(), "$.description")).isEqualTo("kept for the audit");
		assertThat(Instant.parse(JsonPath.read(changed.body(), "$.expiresAt")))
			.isEqualTo(createdAt.plus(Duration.ofDays(30)));
		long nativeKey = Long.parseLong(id.substring(PROVIDER.length() + 1));
		assertThat((String) this.emulator.row("cloud_snapshots", nativeKey).get("description"))
			.startsWith("kept for the audit [snapgate:");
		HttpResponse<String> again = send("POST", "/snapshots", body, key);
		assertThat(JsonPath.<String>read(again.body(), "$.id")).as("the key still finds what it made").isEqualTo(id);

		HttpResponse<String> forever = send("PATCH", "/snapshots/" + id, "{\"neverExpire\":true}", null);
		assertThat(JsonPath.<String>read(forever.body(), "$.expiresAt")).isNull();
		HttpResponse<String> renamed = send("PATCH", "/snapshots/" + id, "{\"name\":\"renamed\"}", null);
		assertThat(renamed.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(renamed.body(), "$.code")).isEqualTo("UNSUPPORTED_FIELD");
		assertThat(JsonPath.<List<String>>read(renamed.body(), "$.errors[*].field")).containsExactly("name");
	}

	@Test
	void theLockedSeededSnapshotIsKeptLongerButNeverShorter() throws Exception {
		String listing = get("/snapshots?provider=" + PROVIDER + "&name=Weekly_immutable").body();
		String id = JsonPath.<List<String>>read(listing, "$.items[*].id").getFirst();
		Instant createdAt = Instant.parse(JsonPath.<String>read(listing, "$.items[0].createdAt"));
		String expiresAt = JsonPath.read(listing, "$.items[0].expiresAt");

		HttpResponse<String> preview = send("PATCH", "/snapshots/" + id + "?dryRun=true", "{\"retention\":\"P7D\"}",
				null);
		HttpResponse<String> shorter = send("PATCH", "/snapshots/" + id, "{\"retention\":\"P7D\"}", null);

		assertThat(preview.statusCode()).isEqualTo(409);
		assertThat(shorter.statusCode()).isEqualTo(409);
		assertThat(JsonPath.<String>read(shorter.body(), "$.code")).isEqualTo("SNAPSHOT_LOCKED");
		assertThat(JsonPath.<String>read(shorter.body(), "$.lockExpiresAt")).isNotNull();
		assertThat(JsonPath.<String>read(get("/snapshots/" + id).body(), "$.expiresAt")).isEqualTo(expiresAt);

		HttpResponse<String> longer = send("PATCH", "/snapshots/" + id, "{\"retention\":\"P60D\"}", null);
		assertThat(longer.statusCode()).isEqualTo(200);
		assertThat(Instant.parse(JsonPath.read(longer.body(), "$.expiresAt")))
			.isEqualTo(createdAt.plus(Duration.ofDays(60)));
		assertThat(JsonPath.<Boolean>read(longer.body(), "$.locked")).isTrue();
	}

	@Test
	void expiredSnapshotsAreListedOnlyOnRequest() throws Exception {
		String current = get("/snapshots?provider=" + PROVIDER + "&pageSize=500").body();
		String all = get("/snapshots?provider=" + PROVIDER + "&pageSize=500&includeExpired=true").body();

		assertThat(JsonPath.<List<String>>read(current, "$.items[*].name")).doesNotContain("Daily_expired")
			.contains("Weekly_immutable", "pre-upgrade");
		assertThat(JsonPath.<List<String>>read(all, "$.items[*].name")).contains("Daily_expired");
	}

	@Test
	void creatingTwiceWithOneIdempotencyKeyMakesOneSnapshot() throws Exception {
		String name = "once-" + UUID.randomUUID().toString().substring(0, 8);
		String body = """
				{"provider":"%s","name":"%s","neverExpire":true}""".formatted(PROVIDER, name);
		String key = "key-" + name;

		HttpResponse<String> first = send("POST", "/snapshots", body, key);
		HttpResponse<String> second = send("POST", "/snapshots", body, key);
		HttpResponse<String> other = send("POST", "/snapshots",
				body.replace("\"neverExpire\":true", "\"retention\":\"P2D\""), key);

		assertThat(first.statusCode()).isEqualTo(202);
		assertThat(second.statusCode()).isEqualTo(202);
		assertThat(JsonPath.<String>read(second.body(), "$.id")).isEqualTo(JsonPath.read(first.body(), "$.id"));
		assertThat(other.statusCode()).isEqualTo(422);
		assertThat(JsonPath.<String>read(other.body(), "$.code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		String listing = get("/snapshots?provider=" + PROVIDER + "&name=" + name).body();
		assertThat(JsonPath.<List<Map<String, Object>>>read(listing, "$.items")).hasSize(1);
		assertThat(JsonPath.<String>read(listing, "$.items[0].description")).isNull();
	}

	@Test
	void aRecoveryThatFailsUpstreamIsReportedAsFailed() throws Exception {
		String listing = get("/snapshots?provider=" + PROVIDER + "&name=pre-upgrade").body();
		String id = JsonPath.<List<String>>read(listing, "$.items[*].id").getFirst();

		HttpResponse<String> started = send("POST", "/restores", """
				{"snapshotId":"%s","target":{"type":"VM","member":"broken-vm"}}""".formatted(id), null);
		String restoreId = JsonPath.read(started.body(), "$.id");

		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> JsonPath.read(get("/restores/" + restoreId).body(), "$.status").equals("FAILED"));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return send("GET", path, null, null);
	}

	private HttpResponse<String> send(String method, String path, String body, String idempotencyKey) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port
					+ path.replace(" ", URLEncoder.encode(" ", StandardCharsets.UTF_8))))
			.header("Accept", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
