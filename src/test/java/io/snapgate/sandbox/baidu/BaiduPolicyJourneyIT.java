package io.snapgate.sandbox.baidu;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
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

/**
 * A protection policy's life through the public API against the Baidu emulator, on a
 * clock the test moves: made, given a disk, run by the emulator, found under its
 * snapshots, overdue once the emulator stops running it, given up its disk and deleted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "snapgate.sandbox.run-schedules=false", "snapgate.sandbox.baidu.snapshot-delay=PT0S",
				"snapgate.sandbox.baidu.demo-schedule-every-minute=false" })
@ActiveProfiles("sandbox")
class BaiduPolicyJourneyIT {

	private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T10:20:00Z"));

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	BaiduSandboxState state;

	@Test
	void aPolicyProtectsADiskUntilItStopsRunningAndIsThenDetachedAndDeleted() throws Exception {
		String body = """
				{"provider": "sandbox-baidu", "name": "hourly_system",
				 "schedule": {"timeZone": "Asia/Shanghai", "rules": [{"every": "HOUR", "minute": 0}]},
				 "retention": {"keepFor": "P7D"}, "targets": []}
				""";
		HttpResponse<String> created = send("POST", "/policies", body, "journey-" + UUID.randomUUID());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = JsonPath.read(created.body(), "$.id");
		assertThat(id).startsWith("sandbox-baidu:asp-");

		HttpResponse<String> attached = send("POST", "/policies/" + id + "/targets",
				"{\"targets\": [{\"type\": \"VOLUME\", \"id\": \"v-system02\"}]}", null);
		assertThat(attached.statusCode()).as(attached.body()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(attached.body(), "$.targets[*].id")).containsExactly("v-system02");

		CLOCK.advance(Duration.ofHours(1));
		// the seeded policy runs too, on its own disk
		List<String> made = this.state.runSchedules(CLOCK.instant())
			.stream()
			.filter(this.state.snapshotsOf("v-system02")::contains)
			.toList();
		assertThat(made).hasSize(1);

		HttpResponse<String> snapshots = send("GET", "/snapshots?policy=" + id, null, null);
		assertThat(snapshots.statusCode()).as(snapshots.body()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(snapshots.body(), "$.items[*].nativeId"))
			.containsExactly(made.getFirst());
		assertThat(JsonPath.<List<String>>read(snapshots.body(), "$.items[*].policy")).containsExactly(id);

		HttpResponse<String> running = send("GET", "/policies/" + id, null, null);
		assertThat(JsonPath.<String>read(running.body(), "$.lastSnapshotAt")).isNotNull();
		assertThat(JsonPath.<Boolean>read(running.body(), "$.overdue")).isFalse();

		CLOCK.advance(Duration.ofHours(3));
		HttpResponse<String> stalled = send("GET", "/policies/" + id, null, null);
		assertThat(JsonPath.<Boolean>read(stalled.body(), "$.overdue")).as(stalled.body()).isTrue();

		HttpResponse<String> detached = send("DELETE", "/policies/" + id + "/targets/v-system02", null, null);
		assertThat(detached.statusCode()).as(detached.body()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(detached.body(), "$.targets[*].id")).isEmpty();

		assertThat(send("DELETE", "/policies/" + id, null, null).statusCode()).isEqualTo(204);
		assertThat(send("GET", "/policies/" + id, null, null).statusCode()).isEqualTo(404);
		assertThat(this.state.snapshotsOf("v-system02")).as("the snapshots it made stay").contains(made.getFirst());
	}

	private HttpResponse<String> send(String method, String path, @Nullable String body, @Nullable String key)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		Clock clock() {
			return CLOCK;
		}

	}

}
