package io.snapgate.sandbox.vergeos;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.snapgate.testing.GatewayHttp;
import io.snapgate.testing.MutableClock;
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
		HttpResponse<String> created = http().send("POST", "/policies", body, "journey-" + UUID.randomUUID());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = JsonPath.read(created.body(), "$.id");
		assertThat(id).startsWith("sandbox-vergeos:");
		assertThat(JsonPath.<List<String>>read(created.body(), "$.targets[*].type")).containsExactly("SYSTEM");

		CLOCK.advance(Duration.ofHours(1));
		assertThat(this.state.runSchedules(CLOCK.instant())).isPositive();

		HttpResponse<String> snapshots = http().get("/snapshots?policy=" + id);
		assertThat(snapshots.statusCode()).as(snapshots.body()).isEqualTo(200);
		List<String> policies = JsonPath.read(snapshots.body(), "$.items[*].policy");
		assertThat(policies).isNotEmpty().containsOnly(id);
		String taken = JsonPath.<List<String>>read(snapshots.body(), "$.items[*].id").getFirst();

		HttpResponse<String> running = http().get("/policies/" + id);
		assertThat(JsonPath.<String>read(running.body(), "$.lastSnapshotAt")).isNotNull();
		assertThat(JsonPath.<Boolean>read(running.body(), "$.overdue")).isFalse();

		CLOCK.advance(Duration.ofHours(3));
		HttpResponse<String> stalled = http().get("/policies/" + id);
		assertThat(JsonPath.<Boolean>read(stalled.body(), "$.overdue")).as(stalled.body()).isTrue();

		assertThat(http().delete("/policies/" + id).statusCode()).isEqualTo(204);
		assertThat(http().get("/policies/" + id).statusCode()).isEqualTo(404);
		assertThat(http().get("/snapshots/" + taken).statusCode()).as("the snapshots it made stay").isEqualTo(200);
	}

	private GatewayHttp http() {
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
