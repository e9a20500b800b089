package io.snapgate.sandbox.baidu;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.snapgate.testing.MutableClock;
import org.junit.jupiter.api.Test;

import static io.snapgate.sandbox.baidu.BaiduSandboxPoliciesTests.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator runs its policies on its own clock as BCC would: a snapshot of every disk
 * in use at each scheduled hour in Beijing time, once, and none kept past the retention.
 */
class BaiduSandboxSchedulesTests {

	/** Sunday 18:00 in Shanghai, on the hour. */
	private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

	private final MutableClock clock = new MutableClock(START);

	private final BaiduSandboxState state = state(false);

	@Test
	void theSeededPolicySnapshotsItsDiskAtTheNextHourOnceAndNamesItForTheTime() {
		assertThat(this.state.runSchedules(START.plus(Duration.ofMinutes(59)))).isEmpty();

		List<String> made = this.state.runSchedules(Instant.parse("2026-11-22T11:00:04Z"));

		assertThat(made).hasSize(1);
		BaiduSandboxJson.Snapshot snapshot = this.state.snapshot(made.get(0));
		assertThat(snapshot.name()).isEqualTo("auto_asp-sandbox1_202611221900");
		assertThat(snapshot.createMethod()).isEqualTo("auto");
		assertThat(snapshot.volumeId()).isEqualTo("v-data0001");
		assertThat(snapshot.createTime()).isEqualTo("2026-11-22T11:00:00Z");
		assertThat(this.state.policy(BaiduSandboxSeed.DEMO_POLICY).lastExecuteTime()).isEqualTo("2026-11-22T11:00:00Z");
		assertThat(this.state.runSchedules(Instant.parse("2026-11-22T11:00:09Z"))).isEmpty();
		assertThat(this.state.runSchedules(Instant.parse("2026-11-22T12:00:00Z"))).hasSize(1);
	}

	@Test
	void aWeeklyPolicyRunsOnlyAtItsHoursOnItsDaysInBeijingTime() {
		String id = this.state.createPolicy(null, request(null, "monday-night", "[2]", "[1]", "-1"));
		this.state.attachPolicy(id, List.of("v-system01"));
		this.state.detachPolicy(BaiduSandboxSeed.DEMO_POLICY, List.of("v-data0001"));

		// Monday 01:00 and 03:00 in Shanghai: not its hour
		assertThat(this.state.runSchedules(Instant.parse("2026-11-22T17:00:00Z"))).isEmpty();
		// Monday 02:00 in Shanghai is still Sunday in UTC
		List<String> made = this.state.runSchedules(Instant.parse("2026-11-22T18:00:01Z"));
		assertThat(made).singleElement()
			.satisfies((s) -> assertThat(this.state.snapshot(s).volumeId()).isEqualTo("v-system01"));
		assertThat(this.state.runSchedules(Instant.parse("2026-11-22T19:00:00Z"))).isEmpty();
		assertThat(this.state.runSchedules(Instant.parse("2026-11-29T17:59:59Z"))).isEmpty();
		assertThat(this.state.runSchedules(Instant.parse("2026-11-29T18:00:00Z"))).hasSize(1);
	}

	@Test
	void missedHoursAreNotMadeUp() {
		assertThat(this.state.runSchedules(START.plus(Duration.ofDays(2)).plus(Duration.ofMinutes(30)))).hasSize(1);
	}

	@Test
	void aDiskNoLongerInThePolicyIsNotSnapshotted() {
		this.state.detachPolicy(BaiduSandboxSeed.DEMO_POLICY, List.of("v-data0001"));

		assertThat(this.state.runSchedules(START.plus(Duration.ofHours(1)))).isEmpty();
		assertThat(this.state.policy(BaiduSandboxSeed.DEMO_POLICY).lastExecuteTime())
			.isEqualTo(BaiduSandboxMapper.NEVER);
	}

	@Test
	void snapshotsPastTheRetentionAreRemovedAndOthersStay() {
		String first = this.state.runSchedules(START.plus(Duration.ofHours(1))).get(0);
		String forever = this.state.createPolicy(null, request(null, "forever", "[20]", "[0,1,2,3,4,5,6]", "-1"));
		this.state.attachPolicy(forever, List.of("v-system02"));
		this.clock.set(Instant.parse("2026-11-22T12:00:00Z"));
		String kept = this.state.runSchedules(Instant.parse("2026-11-22T12:00:00Z"))
			.stream()
			.filter((id) -> this.state.snapshot(id).volumeId().equals("v-system02"))
			.findFirst()
			.orElseThrow();

		Instant retentionLater = START.plus(Duration.ofHours(1))
			.plus(Duration.ofDays(BaiduSandboxSeed.DEMO_RETENTION_DAYS));
		this.state.runSchedules(retentionLater.minusSeconds(1));
		assertThat(this.state.snapshotsOf("v-data0001")).contains(first);
		this.state.runSchedules(retentionLater);

		assertThat(this.state.snapshotsOf("v-data0001")).doesNotContain(first)
			.as("made by no policy of the emulator, so never expired")
			.contains("s-seed0002", "s-seed0003");
		assertThat(this.state.snapshotsOf("v-system02")).contains(kept);
	}

	@Test
	void theDemonstrationRunsEveryMinuteWhenTheSandboxSaysSo() {
		BaiduSandboxState demo = state(true);

		assertThat(demo.runSchedules(START.plusSeconds(59))).isEmpty();
		assertThat(demo.runSchedules(START.plusSeconds(61))).hasSize(1);
		assertThat(demo.runSchedules(START.plusSeconds(90))).isEmpty();
		assertThat(demo.runSchedules(START.plusSeconds(120))).hasSize(1);
		assertThat(demo.policy(BaiduSandboxSeed.DEMO_POLICY).timePoints()).as("BCC's own view stays hourly")
			.hasSize(24);
	}

	@Test
	void aDiskKeepsAtMostBccsCapOfAutomaticSnapshotsTheOldestGoingFirst() {
		BaiduSandboxState demo = state(true);
		for (int minute = 1; minute <= BaiduSandboxSchedules.AUTOMATIC_PER_DISK; minute++) {
			demo.runSchedules(START.plus(Duration.ofMinutes(minute)));
		}

		List<String> held = demo.snapshotsOf("v-data0001");
		assertThat(held).hasSize(BaiduSandboxSchedules.AUTOMATIC_PER_DISK).doesNotContain("s-seed0002", "s-seed0003");
	}

	@Test
	void aDiskBusyWithAManualSnapshotStillGetsItsAutomaticOne() {
		this.state.create(null, new BaiduSandboxJson.CreateRequest("v-data0001", "manual", null, null));

		assertThat(this.state.runSchedules(START.plus(Duration.ofHours(1)))).hasSize(1);
		assertThat(this.state.snapshotsOf("v-data0001")).hasSize(4);
	}

	@Test
	void aTickRunsTheSchedulesByTheEmulatorsClock() {
		this.clock.set(START.plus(Duration.ofHours(1)));

		this.state.tick();

		assertThat(this.state.snapshotsOf("v-data0001")).hasSize(3);
		assertThat(this.state.policy(BaiduSandboxSeed.DEMO_POLICY).lastExecuteTime()).isEqualTo("2026-11-22T11:00:00Z");
	}

	private BaiduSandboxState state(boolean everyMinute) {
		return new BaiduSandboxState(new BaiduSandboxSettings(Duration.ofSeconds(3), Duration.ofSeconds(3), 8,
				Duration.ofMinutes(15), everyMinute, Duration.ofSeconds(5)), this.clock);
	}

}
