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
 * Protection policies through the public API against the VergeOS emulator, on a clock the
 * test moves: the system's profile takes the system's snapshots and falls overdue once
 * the emulator stops running it; a policy made through SnapGate takes nothing, since
 * nothing gives it to the system, and is deleted while the system's cannot be.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "snapgate.sandbox.run-schedules=false",
				"snapgate.sandbox.vergeos.demo-schedule-every-minute=false" })
@ActiveProfiles("sandbox")
class VergeosPolicyJourneyIT {

	private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T10:20:00Z"));

	private static final String SYSTEMS = "sandbox-vergeos:1";

	@LocalServerPort
	int port;

	@Autowired
	VergeosSandboxState state;

	@Test
	void onlyTheSystemsProfileTakesSnapshotsAndANewPolicyTakesNothing() throws Exception {
		String body = """
				{"provider": "sandbox-vergeos", "name": "half-past",
				 "schedule": {"timeZone": "UTC", "rules": [{"every": "HOUR", "minute": 30}]},
				 "retention": {"keepFor": "PT12H"}}
				""";
		HttpResponse<String> created = http().send("POST", "/policies", body, "journey-" + UUID.randomUUID());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = JsonPath.read(created.body(), "$.id");
		assertThat(id).startsWith("sandbox-vergeos:").isNotEqualTo(SYSTEMS);
		assertThat(JsonPath.<String>read(created.body(), "$.status")).isEqualTo("NOT_ASSIGNED");
		assertThat(JsonPath.<List<String>>read(created.body(), "$.targets")).isEmpty();

		CLOCK.advance(Duration.ofHours(1));
		Instant run = CLOCK.instant();
		assertThat(this.state.runSchedules(run)).as("the system's hourly period").isEqualTo(1);

		HttpResponse<String> none = http().get("/snapshots?policy=" + id);
		assertThat(none.statusCode()).as(none.body()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(none.body(), "$.items")).as("its period was due, yet it took nothing")
			.isEmpty();
		HttpResponse<String> systems = http().get("/snapshots?includeExpired=true&policy=" + SYSTEMS);
		assertThat(JsonPath.<List<String>>read(systems.body(), "$.items[*].policy")).isNotEmpty().containsOnly(SYSTEMS);
		String taken = JsonPath.<List<String>>read(systems.body(), "$.items[*].id").getFirst();

		HttpResponse<String> running = http().get("/policies/" + SYSTEMS);
		assertThat(JsonPath.<String>read(running.body(), "$.lastSnapshotAt")).isEqualTo(run.toString());
		assertThat(JsonPath.<String>read(running.body(), "$.status")).isEqualTo("ACTIVE");
		assertThat(JsonPath.<List<String>>read(running.body(), "$.targets[*].type")).containsExactly("SYSTEM");
		assertThat(JsonPath.<String>read(running.body(), "$.attributes.systemAssignment"))
			.isEqualTo("inferred-from-newest-scheduled-snapshot");
		assertThat(JsonPath.<Boolean>read(running.body(), "$.overdue")).isFalse();
		HttpResponse<String> idle = http().get("/policies/" + id);
		assertThat(JsonPath.<String>read(idle.body(), "$.lastSnapshotAt")).isNull();

		CLOCK.advance(Duration.ofHours(3));
		HttpResponse<String> stalled = http().get("/policies/" + SYSTEMS);
		assertThat(JsonPath.<Boolean>read(stalled.body(), "$.overdue")).as(stalled.body()).isTrue();
		HttpResponse<String> stillIdle = http().get("/policies/" + id);
		assertThat(JsonPath.<String>read(stillIdle.body(), "$.status")).isEqualTo("NOT_ASSIGNED");
		assertThat(JsonPath.<Boolean>read(stillIdle.body(), "$.overdue")).as(stillIdle.body()).isFalse();

		assertThat(http().delete("/policies/" + id).statusCode()).isEqualTo(204);
		assertThat(http().get("/policies/" + id).statusCode()).isEqualTo(404);
		assertThat(http().delete("/policies/" + SYSTEMS).statusCode()).as("the system's profile is in use")
			.isEqualTo(409);
		assertThat(http().get("/snapshots/" + taken).statusCode()).isEqualTo(200);
	}

	@Test
	void theWholeSystemCannotBeGivenToAPolicyThroughSnapGate() throws Exception {
		String body = """
				{"provider": "sandbox-vergeos", "name": "for-the-system",
				 "schedule": {"timeZone": "UTC", "rules": [{"every": "DAY", "at": "02:00"}]},
				 "retention": {"keepFor": "P7D"}, "targets": [{"type": "SYSTEM"}]}
				""";
		HttpResponse<String> refused = http().send("POST", "/policies", body, "journey-" + UUID.randomUUID());
		HttpResponse<String> attach = http().send("POST", "/policies/" + SYSTEMS + "/targets",
				"{\"targets\": [{\"type\": \"SYSTEM\"}]}", null);

		for (HttpResponse<String> answer : List.of(refused, attach)) {
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
			assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(JsonPath.<String>read(answer.body(), "$.code")).isEqualTo("UNSUPPORTED_FIELD");
			assertThat(JsonPath.<List<String>>read(answer.body(), "$.errors[*].field"))
				.containsExactly("targets[0].type");
			assertThat(answer.body()).contains("System > System Snapshots");
		}
		HttpResponse<String> policies = http().get("/policies?provider=sandbox-vergeos");
		assertThat(JsonPath.<List<String>>read(policies.body(), "$.items[*].name")).doesNotContain("for-the-system");
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
