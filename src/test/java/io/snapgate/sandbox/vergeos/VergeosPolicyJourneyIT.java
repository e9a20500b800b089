package io.snapgate.sandbox.vergeos;

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
 * A protection policy's life through the public API against the VergeOS emulator, on a
 * clock the test moves: made as a snapshot profile for the whole system, run by the
 * emulator, found under its snapshots, overdue once the emulator stops running it, and
 * deleted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "snapgate.sandbox.run-schedules=false",
				"snapgate.sandbox.vergeos.demo-schedule-every-minute=false" })
@ActiveProfiles("sandbox")
class VergeosPolicyJourneyIT {

	private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T10:20:00Z"));

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	VergeosSandboxState state;

	@Test
	void aPolicyProtectsTheSystemUntilItStopsRunningAndIsThenDeleted() throws Exception {
		String body = """
				{"provider": "sandbox-vergeos", "name": "half-past",
				 "schedule": {"timeZone": "UTC", "rules": [{"every": "HOUR", "minute": 30}]},
				 "retention": {"keepFor": "PT12H"}, "targets": [{"type": "SYSTEM"}]}
				""";
		HttpResponse<String> created = send("POST", "/policies", body, "journey-" + UUID.randomUUID());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = JsonPath.read(created.body(), "$.id");
		assertThat(id).startsWith("sandbox-vergeos:");
		assertThat(JsonPath.<List<String>>read(created.body(), "$.targets[*].type")).containsExactly("SYSTEM");

		CLOCK.advance(Duration.ofHours(1));
		assertThat(this.state.runSchedules(CLOCK.instant())).isPositive();

		HttpResponse<String> snapshots = send("GET", "/snapshots?policy=" + id, null, null);
		assertThat(snapshots.statusCode()).as(snapshots.body()).isEqualTo(200);
		List<String> policies = JsonPath.read(snapshots.body(), "$.items[*].policy");
		assertThat(policies).isNotEmpty().containsOnly(id);
		String taken = JsonPath.<List<String>>read(snapshots.body(), "$.items[*].id").getFirst();

		HttpResponse<String> running = send("GET", "/policies/" + id, null, null);
		assertThat(JsonPath.<String>read(running.body(), "$.lastSnapshotAt")).isNotNull();
		assertThat(JsonPath.<Boolean>read(running.body(), "$.overdue")).isFalse();

		CLOCK.advance(Duration.ofHours(3));
		HttpResponse<String> stalled = send("GET", "/policies/" + id, null, null);
		assertThat(JsonPath.<Boolean>read(stalled.body(), "$.overdue")).as(stalled.body()).isTrue();

		assertThat(send("DELETE", "/policies/" + id, null, null).statusCode()).isEqualTo(204);
		assertThat(send("GET", "/policies/" + id, null, null).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/snapshots/" + taken, null, null).statusCode()).as("the snapshots it made stay")
			.isEqualTo(200);
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
