package io.snapgate.sandbox.baidu;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotStatus;
import io.snapgate.provider.baidu.BceRequest;
import io.snapgate.provider.baidu.BceV1Signer;
import io.snapgate.testing.GatewayHttp;
import io.snapgate.testing.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Copies from the Baidu emulator's region {@code bj} ({@code sandbox-baidu}) to its
 * region {@code gz} ({@code sandbox-baidu-gz}), on a clock the test moves: over BCC's
 * signed HTTP API, and through the gateway's public API, where a copy runs until the
 * target provider shows it available, and fails when the copy fails there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "snapgate.sandbox.run-schedules=false", "snapgate.sandbox.baidu.snapshot-delay=PT0S",
				"snapgate.sandbox.baidu.copy-delay=PT5S" })
@ActiveProfiles("sandbox")
class BaiduSandboxCopyJourneyIT {

	private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-02T08:00:00Z"));

	private static final Duration COPY_DELAY = Duration.ofSeconds(5);

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	BaiduSandboxRegions regions;

	@Autowired
	ProviderRegistry providers;

	@Test
	void aCopyRunsUntilTheTargetProviderShowsItAvailable() throws Exception {
		HttpResponse<String> started = gateway().send("POST", "/snapshots/sandbox-baidu:s-seed0005/copies",
				"{\"targetProvider\":\"sandbox-baidu-gz\"}", "copy-" + UUID.randomUUID());

		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		assertThat(JsonPath.<String>read(started.body(), "$.status")).isEqualTo("RUNNING");
		String copy = JsonPath.read(started.body(), "$.copySnapshotId");
		assertThat(copy).startsWith("sandbox-baidu-gz:s-");
		String location = URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
		HttpResponse<String> running = gateway().get(location);
		assertThat(JsonPath.<String>read(running.body(), "$.status")).as(running.body()).isEqualTo("RUNNING");

		CLOCK.advance(COPY_DELAY);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			HttpResponse<String> done = gateway().get(location);
			assertThat(JsonPath.<String>read(done.body(), "$.status")).as(done.body()).isEqualTo("SUCCEEDED");
			assertThat(JsonPath.<String>read(done.body(), "$.copySnapshotId")).isEqualTo(copy);
		});
		String copyId = copy.substring("sandbox-baidu-gz:".length());
		Snapshot atGz = this.providers.require(new ProviderId("sandbox-baidu-gz")).get(copyId).orElseThrow();
		assertThat(atGz.status()).isEqualTo(SnapshotStatus.AVAILABLE);
		assertThat(atGz.sizeGb()).isEqualTo(200);
		HttpResponse<String> listed = gateway().get("/snapshots?provider=sandbox-baidu-gz");
		assertThat(JsonPath.<List<String>>read(listed.body(), "$.items[*].id")).contains(copy,
				"sandbox-baidu-gz:" + BaiduSandboxGzSeed.SNAPSHOT);
		assertThat(
				JsonPath.<List<String>>read(gateway().get("/snapshots?provider=sandbox-baidu").body(), "$.items[*].id"))
			.doesNotContain("sandbox-baidu:" + copyId);
	}

	@Test
	void aCopyFailsWhenItFailsAtTheTargetOrItsSourceIsDeletedOnTheWay() throws Exception {
		String doomed = snapshot("db_fail_copy");
		String doomedCopy = copyOf(doomed);
		String orphaned = snapshot("short_lived");
		String orphanedCopy = copyOf(orphaned);

		assertThat(gateway().delete("/snapshots/" + orphaned).statusCode()).isEqualTo(204);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertFailed(orphanedCopy));
		CLOCK.advance(COPY_DELAY);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertFailed(doomedCopy));
	}

	@Test
	void eachRegionIsServedUnderItsOwnPathAndCopiesOverBccsApi() throws Exception {
		HttpResponse<String> gz = signed("GET", "/sandbox/baidu-gz/v2/snapshot/" + BaiduSandboxGzSeed.SNAPSHOT, null,
				null);
		assertThat(gz.statusCode()).as(gz.body()).isEqualTo(200);
		assertThat(JsonPath.<String>read(gz.body(), "$.snapshot.volumeId")).isEqualTo(BaiduSandboxGzSeed.DATA_DISK);
		assertThat(signed("GET", "/sandbox/baidu/v2/snapshot/" + BaiduSandboxGzSeed.SNAPSHOT, null, null).statusCode())
			.isEqualTo(404);

		String body = "{\"destRegionInfos\":[{\"name\":\"over_http\",\"destRegion\":\"gz\"}]}";
		HttpResponse<String> copied = signed("PUT", "/sandbox/baidu/v2/snapshot/remote_copy/s-seed0005",
				"clientToken=http-1", body);
		assertThat(copied.statusCode()).as(copied.body()).isEqualTo(200);
		assertThat(JsonPath.<String>read(copied.body(), "$.result[0].region")).isEqualTo("gz");
		String copyId = JsonPath.read(copied.body(), "$.result[0].snapshotId");
		assertThat(
				signed("PUT", "/sandbox/baidu/v2/snapshot/remote_copy/s-seed0005", "clientToken=http-1", body).body())
			.isEqualTo(copied.body().replaceAll("\\s", ""));
		HttpResponse<String> arriving = signed("GET", "/sandbox/baidu-gz/v2/snapshot/" + copyId, null, null);
		assertThat(JsonPath.<String>read(arriving.body(), "$.snapshot.status")).isEqualTo("Creating");
		assertThat(JsonPath.<String>read(arriving.body(), "$.snapshot.name")).isEqualTo("over_http");

		assertRefused(signed("PUT", "/sandbox/baidu/v2/snapshot/remote_copy/s-nothing1", null, body), 404,
				"NoSuchObject");
		assertRefused(signed("PUT", "/sandbox/baidu/v2/snapshot/remote_copy/s-seed0001", null, body), 403,
				"snapshot.CannotCopy");
		assertRefused(signed("PUT", "/sandbox/baidu/v2/snapshot/remote_copy/s-seed0004", null, body), 409,
				"OperationDenied");
		assertRefused(signed("PUT", "/sandbox/baidu/v2/snapshot/remote_copy/s-seed0005", null,
				body.replace("\"gz\"", "\"bj\"")), 400, "InvalidParameter");
		assertRefused(signed("PUT", "/sandbox/baidu/v2/snapshot/remote_copy/s-seed0005", null, "{\"destRegionInfos\":"),
				400, "MalformedJSON");
		assertRefused(signed("PUT", "/sandbox/baidu-gz/v2/snapshot/remote_copy/" + BaiduSandboxGzSeed.SNAPSHOT, null,
				body.replace("\"gz\"", "\"bj\"")), 400, "InvalidParameter");
		assertThat(this.regions.state(BaiduSandboxRegion.GZ).list(null, null, null).snapshots())
			.extracting(BaiduSandboxJson.Snapshot::name)
			.containsOnlyOnce("over_http");
	}

	private String snapshot(String name) throws Exception {
		HttpResponse<String> created = gateway().send("POST", "/snapshots",
				"{\"provider\":\"sandbox-baidu\",\"name\":\"" + name + "\",\"volumeId\":\"v-data0004\"}", null);
		assertThat(created.statusCode()).as(created.body()).isBetween(200, 202);
		return JsonPath.read(created.body(), "$.id");
	}

	private String copyOf(String snapshotId) throws Exception {
		HttpResponse<String> started = gateway().send("POST", "/snapshots/" + snapshotId + "/copies",
				"{\"targetProvider\":\"sandbox-baidu-gz\"}", null);
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		return URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
	}

	private void assertFailed(String location) throws Exception {
		HttpResponse<String> copy = gateway().get(location);
		assertThat(JsonPath.<String>read(copy.body(), "$.status")).as(copy.body()).isEqualTo("FAILED");
		assertThat(JsonPath.<String>read(copy.body(), "$.failureReason")).contains("FAILED");
	}

	private static void assertRefused(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(JsonPath.<String>read(response.body(), "$.code")).isEqualTo(code);
	}

	private HttpResponse<String> signed(String method, String path, @Nullable String query, @Nullable String body)
			throws Exception {
		URI uri = URI.create("http://localhost:" + this.port + path + ((query != null) ? "?" + query : ""));
		Instant now = CLOCK.instant().truncatedTo(ChronoUnit.SECONDS);
		BceRequest request = BceRequest.of(method, uri.getRawPath(), uri.getRawQuery(),
				Map.of("host", "localhost:" + this.port, "x-bce-date", BceV1Signer.timestamp(now)),
				List.of("host", "x-bce-date"));
		String authorization = new BceV1Signer(BaiduSandboxConfiguration.ACCESS_KEY_ID,
				BaiduSandboxConfiguration.SECRET_ACCESS_KEY, 1800, CLOCK)
			.authorization(request, now);
		return this.http.send(HttpRequest.newBuilder(uri)
			.header("x-bce-date", BceV1Signer.timestamp(now))
			.header("Authorization", authorization)
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private GatewayHttp gateway() {
		return new GatewayHttp(this.port);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		Clock clock() {
			return CLOCK;
		}

	}

}
