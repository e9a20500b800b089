package io.snapgate.sandbox.baidu;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
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
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.Policy;
import io.snapgate.domain.PolicyProvider;
import io.snapgate.domain.PolicyRetention;
import io.snapgate.domain.PolicySchedule;
import io.snapgate.domain.PolicySpec;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.domain.ScheduleRule;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.domain.SnapshotQuery;
import io.snapgate.provider.baidu.BceRequest;
import io.snapgate.provider.baidu.BceV1Signer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A disk's life through the public API, against the sandbox's Baidu emulator reached over
 * HTTP by the real adapter: take a snapshot safely twice, find it in the listing merged
 * with the VergeOS sandbox's, roll the disk back, delete it. And a policy's life through
 * the adapter's policy port, with the emulator running the schedule.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "snapgate.sandbox.baidu.snapshot-delay=PT0.5S", "snapgate.sandbox.baidu.rollback-delay=PT0.5S" })
@ActiveProfiles("sandbox")
class BaiduSandboxJourneyIT {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	BaiduSandboxRegions regions;

	@Autowired
	ProviderRegistry providers;

	@Test
	void aPolicyIsMadeOnceRunByTheEmulatorAndItsSnapshotsNameIt() {
		PolicyProvider policies = this.providers.require(new ProviderId("sandbox-baidu")).policies().orElseThrow();
		PolicySpec spec = new PolicySpec("it-nightly",
				new PolicySchedule(ZoneId.of("Asia/Tokyo"), List.of(new ScheduleRule.Daily(LocalTime.of(3, 0)))),
				new PolicyRetention(Duration.ofDays(7), null), false, List.of(PolicyTarget.volume("v-system01")));
		IdempotencyKey key = new IdempotencyKey("it-" + UUID.randomUUID(), "fingerprint");

		Policy created = policies.create(spec, key);
		assertThat(policies.create(spec, key).nativeId()).isEqualTo(created.nativeId());
		assertThat(created.schedule().rules()).containsExactly(new ScheduleRule.Daily(LocalTime.of(2, 0)));
		assertThat(created.targets()).containsExactly(PolicyTarget.volume("v-system01"));
		assertThat(bj().policy(created.nativeId()).timePoints()).containsExactly(2);
		assertThat(policies.list(null, 100).items()).extracting(Policy::nativeId)
			.contains(BaiduSandboxSeed.DEMO_POLICY, created.nativeId());

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> policies.attach(created.nativeId(), List.of(PolicyTarget.volume("v-data0001"))))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.VOLUME_BUSY));
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> policies.attach(created.nativeId(), List.of(PolicyTarget.volume("v-data0002"))))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.VOLUME_BUSY));

		String made = bj().runSchedules(Instant.now().plus(Duration.ofMinutes(1)))
			.stream()
			.filter((id) -> bj().snapshot(id).volumeId().equals("v-data0001"))
			.findFirst()
			.orElseThrow();
		SnapshotProvider baidu = this.providers.require(new ProviderId("sandbox-baidu"));
		assertThat(baidu
			.list(new SnapshotQuery(Set.of(), null, "v-data0001", null, null, null, false,
					BaiduSandboxSeed.DEMO_POLICY), null, 100)
			.items()).extracting(Snapshot::nativeId).contains(made);

		Policy replaced = policies.replace(created.nativeId(),
				new PolicySpec("it-weekly",
						new PolicySchedule(ZoneId.of("Asia/Shanghai"),
								List.of(new ScheduleRule.Weekly(Set.of(DayOfWeek.MONDAY), LocalTime.of(4, 0)))),
						PolicyRetention.forever(), false, List.of()));
		assertThat(replaced.name()).isEqualTo("it-weekly");
		assertThat(replaced.targets()).containsExactly(PolicyTarget.volume("v-system01"));
		assertThat(policies.detach(created.nativeId(), "v-system01").targets()).isEmpty();
		policies.delete(created.nativeId());
		assertThat(policies.get(created.nativeId())).isEmpty();
	}

	@Test
	void aDetachedDiskIsSnapshottedOnceListedRolledBackAndItsSnapshotDeleted() throws Exception {
		String key = "it-" + UUID.randomUUID();
		String body = "{\"provider\":\"sandbox-baidu\",\"name\":\"it_journey\",\"volumeId\":\"v-data0002\"}";
		List<String> before = bj().snapshotsOf("v-data0002");

		HttpResponse<String> created = send("POST", "/snapshots", body, key);
		assertThat(created.statusCode()).isEqualTo(202);
		String id = JsonPath.read(created.body(), "$.id");
		assertThat(id).startsWith("sandbox-baidu:s-");
		assertThat(created.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/snapshots/" + id));
		assertThat(JsonPath.<String>read(created.body(), "$.source.volumeId")).isEqualTo("v-data0002");
		assertThat(JsonPath.<String>read(created.body(), "$.source.diskType")).isEqualTo("CDS");

		HttpResponse<String> again = send("POST", "/snapshots?wait=true&timeout=PT10S", body, key);
		assertThat(again.statusCode()).isEqualTo(201);
		assertThat(JsonPath.<String>read(again.body(), "$.id")).isEqualTo(id);
		assertThat(JsonPath.<String>read(again.body(), "$.status")).isEqualTo("AVAILABLE");
		String nativeId = id.substring("sandbox-baidu:".length());
		assertThat(bj().snapshotsOf("v-data0002")).hasSize(before.size() + 1).contains(nativeId);

		HttpResponse<String> listing = send("GET", "/snapshots?pageSize=500", null, null);
		assertThat(listing.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<Boolean>read(listing.body(), "$.partial")).isFalse();
		assertThat(JsonPath.<List<String>>read(listing.body(), "$.items[*].id")).contains(id,
				"sandbox-baidu:s-seed0005");
		assertThat(JsonPath.<List<String>>read(listing.body(), "$.items[*].provider")).contains("sandbox-baidu",
				"sandbox-vergeos");
		List<String> times = JsonPath.read(listing.body(), "$.items[*].createdAt");
		assertThat(times.stream().map(Instant::parse).toList()).isSortedAccordingTo((a, b) -> b.compareTo(a));

		HttpResponse<String> restore = send("POST", "/restores",
				"{\"snapshotId\":\"" + id + "\",\"target\":{\"type\":\"VOLUME\"},\"confirmInPlace\":true}", null);
		assertThat(restore.statusCode()).isEqualTo(202);
		assertThat(JsonPath.<String>read(restore.body(), "$.mode")).isEqualTo("IN_PLACE");
		assertThat(JsonPath.<String>read(restore.body(), "$.status")).as("the safety snapshot is taken first")
			.isEqualTo("PENDING");
		assertThat(JsonPath.<String>read(restore.body(), "$.safetySnapshotId")).startsWith("sandbox-baidu:s-");
		String restoreId = JsonPath.read(restore.body(), "$.id");
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			HttpResponse<String> progress = send("GET", "/restores/" + restoreId, null, null);
			assertThat(progress.statusCode()).isEqualTo(200);
			assertThat(JsonPath.<String>read(progress.body(), "$.status")).isEqualTo("SUCCEEDED");
			assertThat(JsonPath.<String>read(progress.body(), "$.snapshotId")).isEqualTo(id);
		});

		assertThat(send("DELETE", "/snapshots/" + id, null, null).statusCode()).isEqualTo(204);
		HttpResponse<String> gone = send("DELETE", "/snapshots/" + id, null, null);
		assertThat(gone.statusCode()).isEqualTo(404);
		assertThat(JsonPath.<String>read(gone.body(), "$.code")).isEqualTo("SNAPSHOT_NOT_FOUND");
		assertThat(send("GET", "/snapshots/" + id, null, null).statusCode()).isEqualTo(404);
		assertThat(bj().snapshotsOf("v-data0002")).doesNotContain(nativeId);
	}

	@Test
	void aRollbackWithoutConfirmationIsRefused() throws Exception {
		HttpResponse<String> refused = send("POST", "/restores",
				"{\"snapshotId\":\"sandbox-baidu:s-seed0005\",\"target\":{\"type\":\"VOLUME\"}}", null);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(refused.body(), "$.code")).isEqualTo("CONFIRMATION_REQUIRED");
	}

	@Test
	void anAttachedDiskIsNotRolledBack() throws Exception {
		HttpResponse<String> refused = send("POST", "/restores",
				"{\"snapshotId\":\"sandbox-baidu:s-seed0002\",\"target\":{\"type\":\"VOLUME\"},\"confirmInPlace\":true}",
				null);

		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(JsonPath.<String>read(refused.body(), "$.code")).isEqualTo("VOLUME_BUSY");
		assertThat(JsonPath.<String>read(refused.body(), "$.provider")).isEqualTo("sandbox-baidu");
	}

	@Test
	void aBaiduNameIsCheckedForBaidu() throws Exception {
		HttpResponse<String> refused = send("POST", "/snapshots",
				"{\"provider\":\"sandbox-baidu\",\"name\":\"pre-upgrade\",\"volumeId\":\"v-data0002\"}", null);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<List<String>>read(refused.body(), "$.errors[*].field")).containsExactly("name");
	}

	@Test
	void theProvidersOfBothRegionsAreListedAndUpAndBjCopiesToGz() throws Exception {
		HttpResponse<String> providers = send("GET", "/providers", null, null);

		assertThat(JsonPath.<List<String>>read(providers.body(), "$[?(@.id == 'sandbox-baidu')].health"))
			.containsExactly("UP");
		assertThat(JsonPath.<List<List<String>>>read(providers.body(), "$[?(@.id == 'sandbox-baidu')].capabilities"))
			.singleElement()
			.satisfies((c) -> assertThat(c).containsExactlyInAnyOrder("VOLUME_SNAPSHOT", "ROLLBACK_VOLUME",
					"MACHINE_SNAPSHOT", "REVERT_MACHINE", "RETENTION"));
		assertThat(
				JsonPath.<List<String>>read(providers.body(), "$[?(@.id == 'sandbox-baidu')].snapshots.retentionUnit"))
			.containsExactly("P1D");
		assertThat(
				JsonPath.<List<String>>read(providers.body(), "$[?(@.id == 'sandbox-baidu')].copyTargets[*].provider"))
			.containsExactly("sandbox-baidu-gz");
		assertThat(JsonPath.<List<String>>read(providers.body(), "$[?(@.id == 'sandbox-baidu-gz')].health"))
			.containsExactly("UP");
		assertThat(JsonPath.<List<Object>>read(providers.body(), "$[?(@.id == 'sandbox-baidu-gz')].copyTargets[*]"))
			.isEmpty();
	}

	@Test
	void aSnapshotKeptForAWeekExpiresAWeekAfterItIsTaken() throws Exception {
		String key = "it-" + UUID.randomUUID();
		String body = "{\"provider\":\"sandbox-baidu\",\"name\":\"it_weekly\",\"volumeId\":\"i-sandbox2\","
				+ "\"retention\":\"P7D\"}";

		HttpResponse<String> created = send("POST", "/snapshots?wait=true&timeout=PT10S", body, key);

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = JsonPath.read(created.body(), "$.id");
		Instant createdAt = Instant.parse(JsonPath.read(created.body(), "$.createdAt"));
		assertThat(Instant.parse(JsonPath.<String>read(created.body(), "$.expiresAt")))
			.isEqualTo(createdAt.plus(Duration.ofDays(7)));
		HttpResponse<String> otherRetention = send("POST", "/snapshots", body.replace("P7D", "P8D"), key);
		assertThat(otherRetention.statusCode()).isEqualTo(422);
		assertThat(JsonPath.<String>read(otherRetention.body(), "$.code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(send("DELETE", "/snapshots/" + id, null, null).statusCode()).isEqualTo(204);
	}

	@Test
	void aSnapshotIsRenamedRedescribedAndKeptLongerWithAPatch() throws Exception {
		HttpResponse<String> created = send("POST", "/snapshots?wait=true&timeout=PT10S",
				"{\"provider\":\"sandbox-baidu\",\"name\":\"it_patch\",\"volumeId\":\"i-sandbox2\"}",
				"it-" + UUID.randomUUID());
		String id = JsonPath.read(created.body(), "$.id");
		Instant createdAt = Instant.parse(JsonPath.read(created.body(), "$.createdAt"));
		assertThat(JsonPath.<String>read(created.body(), "$.expiresAt")).isNull();
		String patch = "{\"name\":\"kept_for_audit\",\"description\":\"audit 2026\",\"retention\":\"P30D\"}";

		HttpResponse<String> preview = send("PATCH", "/snapshots/" + id + "?dryRun=true", patch, null);
		assertThat(JsonPath.<String>read(preview.body(), "$.actions[0].change")).isEqualTo("UPDATE");
		assertThat(bj().snapshot(id.substring("sandbox-baidu:".length())).name()).isEqualTo("it_patch");

		HttpResponse<String> changed = send("PATCH", "/snapshots/" + id, patch, null);

		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		assertThat(JsonPath.<String>read(changed.body(), "$.name")).isEqualTo("kept_for_audit");
		assertThat(JsonPath.<String>read(changed.body(), "$.description")).isEqualTo("audit 2026");
		assertThat(Instant.parse(JsonPath.read(changed.body(), "$.expiresAt")))
			.isEqualTo(createdAt.plus(Duration.ofDays(30)));

		HttpResponse<String> forever = send("PATCH", "/snapshots/" + id, "{\"neverExpire\":true}", null);
		assertThat(forever.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(forever.body(), "$.code")).isEqualTo("UNSUPPORTED_FIELD");
		assertThat(JsonPath.<List<String>>read(forever.body(), "$.errors[*].field")).containsExactly("neverExpire");
		HttpResponse<String> hours = send("PATCH", "/snapshots/" + id, "{\"retention\":\"PT36H\"}", null);
		assertThat(hours.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<List<String>>read(hours.body(), "$.errors[*].field")).containsExactly("retention");
		HttpResponse<String> dashed = send("PATCH", "/snapshots/" + id, "{\"name\":\"kept-for-audit\"}", null);
		assertThat(dashed.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<List<String>>read(dashed.body(), "$.errors[*].field")).containsExactly("name");
		assertThat(send("DELETE", "/snapshots/" + id, null, null).statusCode()).isEqualTo(204);
	}

	@Test
	void aRetentionOfPartDaysIsRefusedNeverRounded() throws Exception {
		for (String retention : List.of("PT12H", "PT36H", "P10001D")) {
			HttpResponse<String> refused = send("POST", "/snapshots",
					"{\"provider\":\"sandbox-baidu\",\"name\":\"it_hours\",\"volumeId\":\"i-sandbox2\","
							+ "\"retention\":\"" + retention + "\"}",
					null);

			assertThat(refused.statusCode()).as(retention).isEqualTo(400);
			assertThat(JsonPath.<String>read(refused.body(), "$.code")).isEqualTo("UNSUPPORTED_FIELD");
			assertThat(JsonPath.<List<String>>read(refused.body(), "$.errors[*].field")).containsExactly("retention");
		}
	}

	@Test
	void theEmulatorRefusesWhatBccWouldRefuse() throws Exception {
		HttpResponse<String> unsigned = this.http.send(HttpRequest.newBuilder(emulator("/v2/snapshot")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(unsigned.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(unsigned.body(), "$.code")).isEqualTo("InvalidHTTPAuthHeader");
		assertThat(unsigned.headers().firstValue("x-bce-request-id"))
			.hasValue(JsonPath.read(unsigned.body(), "$.requestId"));

		assertThat(signed("/v2/snapshot/s-seed0005", BaiduSandboxConfiguration.SECRET_ACCESS_KEY).statusCode())
			.isEqualTo(200);
		HttpResponse<String> wrongSecret = signed("/v2/snapshot/s-seed0005", "not-the-secret");
		assertThat(wrongSecret.statusCode()).isEqualTo(403);
		assertThat(JsonPath.<String>read(wrongSecret.body(), "$.code")).isEqualTo("SignatureDoesNotMatch");
	}

	private HttpResponse<String> signed(String path, String secret) throws Exception {
		URI uri = emulator(path);
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String host = "localhost:" + this.port;
		BceRequest request = BceRequest.of("GET", uri.getRawPath(), null,
				Map.of("host", host, "x-bce-date", BceV1Signer.timestamp(now)), List.of("host", "x-bce-date"));
		String authorization = new BceV1Signer(BaiduSandboxConfiguration.ACCESS_KEY_ID, secret, 1800, Clock.systemUTC())
			.authorization(request, now);
		return this.http.send(HttpRequest.newBuilder(uri)
			.header("x-bce-date", BceV1Signer.timestamp(now))
			.header("Authorization", authorization)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI emulator(String path) {
		return URI.create("http://localhost:" + this.port + "/sandbox/baidu" + path);
	}

	private HttpResponse<String> send(String method, String path, String body, String idempotencyKey) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
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

	private BaiduSandboxState bj() {
		return this.regions.state(BaiduSandboxRegion.BJ);
	}

}
