package io.snapgate.sandbox.baidu;

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
 * A protection policy's life through the public API against the Baidu emulator, on a
 * clock the test moves: made without a disk (not assigned), given a disk (active), run by
 * the emulator, found under its snapshots, overdue once the emulator stops running it,
 * given up its disk (not assigned, no longer overdue) and deleted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "snapgate.sandbox.run-schedules=false", "snapgate.sandbox.baidu.snapshot-delay=PT0S",
				"snapgate.sandbox.baidu.demo-schedule-every-minute=false" })
@ActiveProfiles("sandbox")
class BaiduPolicyJourneyIT {

	private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T10:20:00Z"));

	@LocalServerPort
	int port;

	@Autowired
	BaiduSandboxRegions regions;

	@Test
	void aPolicyProtectsADiskUntilItStopsRunningAndIsThenDetachedAndDeleted() throws Exception {
		String body = """
				{"provider": "sandbox-baidu", "name": "hourly_system",
				 "schedule": {"timeZone": "Asia/Shanghai", "rules": [{"every": "HOUR", "minute": 0}]},
				 "retention": {"keepFor": "P7D"}, "targets": []}
				""";
		HttpResponse<String> created = http().send("POST", "/policies", body, "journey-" + UUID.randomUUID());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = JsonPath.read(created.body(), "$.id");
		assertThat(id).startsWith("sandbox-baidu:asp-");
		assertThat(JsonPath.<String>read(created.body(), "$.status")).isEqualTo("NOT_ASSIGNED");

		HttpResponse<String> attached = http().send("POST", "/policies/" + id + "/targets",
				"{\"targets\": [{\"type\": \"VOLUME\", \"id\": \"v-system02\"}]}", null);
		assertThat(attached.statusCode()).as(attached.body()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(attached.body(), "$.targets[*].id")).containsExactly("v-system02");
		assertThat(JsonPath.<String>read(attached.body(), "$.status")).isEqualTo("ACTIVE");

		CLOCK.advance(Duration.ofHours(1));
		// the seeded policy runs too, on its own disk
		List<String> made = bj().runSchedules(CLOCK.instant())
			.stream()
			.filter(bj().snapshotsOf("v-system02")::contains)
			.toList();
		assertThat(made).hasSize(1);

		HttpResponse<String> snapshots = http().get("/snapshots?policy=" + id);
		assertThat(snapshots.statusCode()).as(snapshots.body()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(snapshots.body(), "$.items[*].nativeId"))
			.containsExactly(made.getFirst());
		assertThat(JsonPath.<List<String>>read(snapshots.body(), "$.items[*].policy")).containsExactly(id);

		HttpResponse<String> running = http().get("/policies/" + id);
		assertThat(JsonPath.<String>read(running.body(), "$.lastSnapshotAt")).isNotNull();
		assertThat(JsonPath.<Boolean>read(running.body(), "$.overdue")).isFalse();

		CLOCK.advance(Duration.ofHours(3));
		HttpResponse<String> stalled = http().get("/policies/" + id);
		assertThat(JsonPath.<Boolean>read(stalled.body(), "$.overdue")).as(stalled.body()).isTrue();

		HttpResponse<String> preview = http().delete("/policies/" + id + "?dryRun=true");
		assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(preview.body(), "$.actions[*].change")).containsExactly("DETACH",
				"DELETE");
		assertThat(JsonPath.<String>read(preview.body(), "$.actions[0].id")).isEqualTo("v-system02");
		assertThat(JsonPath.<List<String>>read(http().get("/policies/" + id).body(), "$.targets[*].id"))
			.as("the preview detached nothing")
			.containsExactly("v-system02");

		HttpResponse<String> detached = http().delete("/policies/" + id + "/targets/v-system02");
		assertThat(detached.statusCode()).as(detached.body()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(detached.body(), "$.targets[*].id")).isEmpty();
		assertThat(JsonPath.<String>read(detached.body(), "$.status")).isEqualTo("NOT_ASSIGNED");
		assertThat(JsonPath.<Boolean>read(detached.body(), "$.overdue")).as("it runs nothing now").isFalse();

		assertThat(http().delete("/policies/" + id).statusCode()).isEqualTo(204);
		assertThat(http().get("/policies/" + id).statusCode()).isEqualTo(404);
		assertThat(bj().snapshotsOf("v-system02")).as("the snapshots it made stay").contains(made.getFirst());
	}

	private GatewayHttp http() {
		return new GatewayHttp(this.port);
	}

	private BaiduSandboxState bj() {
		return this.regions.state(BaiduSandboxRegion.BJ);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		Clock clock() {
			return CLOCK;
		}

	}

}
