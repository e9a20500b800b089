package io.snapgate.sandbox.vergeos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.snapgate.testing.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator running its snapshot profiles on a clock the test moves: snapshots taken
 * when their period is due, carrying profile and period, and expired past
 * {@code min_snapshots}.
 */
class VergeosSandboxSchedulesTests {

	private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

	private final MutableClock clock = new MutableClock(START);

	@Test
	void theHourlyPeriodTakesASnapshotAtTheTopOfEachHourOnly() {
		VergeosSandboxState state = state(false);

		assertThat(state.runSchedules(at("10:59:59"))).isZero();
		assertThat(state.runSchedules(at("11:00:00"))).isEqualTo(1);
		assertThat(state.runSchedules(at("11:00:00"))).isZero();
		assertThat(state.runSchedules(at("11:10:00"))).isZero();

		Map<String, @Nullable Object> taken = scheduled(state).getFirst();
		assertThat(taken).containsEntry("name", "Hourly_20261122_1100")
			.containsEntry("snapshot_profile", 1L)
			.containsEntry("snapshot_period", 1L)
			.containsEntry("created", at("11:00:00").getEpochSecond())
			.containsEntry("expires", at("11:15:00").getEpochSecond())
			.containsEntry("status", "normal");
		assertThat(state.rows("cloud_snapshot_vms")
			.stream()
			.filter((member) -> taken.get("$key").equals(member.get("cloud_snapshot")))).hasSize(4);
	}

	@Test
	void expiredSnapshotsGoButTheNewestMinimumIsHeld() {
		VergeosSandboxState state = state(false);
		state.runSchedules(at("11:00:00"));
		state.runSchedules(at("12:00:00"));

		assertThat(scheduled(state)).extracting((row) -> row.get("name")).containsExactly("Hourly_20261122_1200");

		state.runSchedules(at("12:20:00"));

		assertThat(scheduled(state)).singleElement().satisfies((row) -> {
			assertThat(row).containsEntry("name", "Hourly_20261122_1200");
			assertThat(row).containsEntry("status", "held");
		});
		assertThat(state.rows("cloud_snapshots")).extracting((row) -> row.get("name")).contains("Daily_expired");
	}

	@Test
	void theDemoProfileRunsEveryMinuteWhenAsked() {
		VergeosSandboxState state = state(true);

		state.runSchedules(at("10:00:30"));
		state.runSchedules(at("10:01:02"));
		state.runSchedules(at("10:01:40"));
		state.runSchedules(at("10:02:01"));

		assertThat(scheduled(state)).extracting((row) -> row.get("name"))
			.containsExactly("Hourly_20261122_1001", "Hourly_20261122_1002");
	}

	@Test
	void aNewProfilesPeriodsRunAtTheirTimeAndMissedRunsAreMadeUpOnce() {
		VergeosSandboxState state = state(false);
		long profile = profile(state, "nightly");
		period(state, profile, "daily-1800", "daily", 0, 18, "any", 0, 86400, 2, true);
		period(state, profile, "weekly-sun-1830", "weekly", 30, 18, "sun", 0, 0, 1, false);
		period(state, profile, "monthly-01-0400", "monthly", 0, 4, "any", 1, 86400, 1, false);

		state.runSchedules(at("18:29:00"));
		state.runSchedules(at("18:30:00"));

		assertThat(ofProfile(state, profile)).extracting((row) -> row.get("name"))
			.containsExactly("daily-1800_20261122_1800", "weekly-sun-1830_20261122_1830");
		assertThat(ofProfile(state, profile).getFirst()).containsEntry("immutable", true)
			.containsEntry("immutable_status", "locked")
			.containsEntry("expires", at("18:29:00").getEpochSecond() + 86400);
		assertThat(ofProfile(state, profile).get(1)).containsEntry("expires", 0L);

		state.runSchedules(START.plus(Duration.ofDays(10)));

		assertThat(ofProfile(state, profile)).extracting((row) -> row.get("name"))
			.contains("daily-1800_20261201_1800", "weekly-sun-1830_20261129_1830", "monthly-01-0400_20261201_0400")
			.doesNotContain("daily-1800_20261130_1800");
	}

	@Test
	void aDeletedProfilesSnapshotsStay() {
		VergeosSandboxState state = state(false);
		long profile = profile(state, "nightly");
		period(state, profile, "daily-1800", "daily", 0, 18, "any", 0, 0, 1, false);
		state.runSchedules(at("18:00:00"));
		state.profileAction(
				VergeosSandboxTestJson.parse("{\"snapshot_profile\":" + profile + ",\"action\":\"delete\"}"));

		state.runSchedules(START.plus(Duration.ofDays(2)));

		assertThat(ofProfile(state, profile)).extracting((row) -> row.get("name"))
			.containsExactly("daily-1800_20261122_1800");
	}

	private VergeosSandboxState state(boolean everyMinute) {
		return new VergeosSandboxState(this.clock,
				new VergeosSandboxSettings(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(3),
						"snapgate", "sandbox", "key", Duration.ofSeconds(5), everyMinute));
	}

	private static long profile(VergeosSandboxState state, String name) {
		return Long.parseLong(
				(String) state.createProfile(VergeosSandboxTestJson.parse("{\"name\":\"" + name + "\"}")).get("$key"));
	}

	private static void period(VergeosSandboxState state, long profile, String name, String frequency, int minute,
			int hour, String dayOfWeek, int dayOfMonth, long retention, int minSnapshots, boolean immutable) {
		state.createPeriod(VergeosSandboxTestJson.parse("""
				{"profile":%d,"name":"%s","frequency":"%s","minute":%d,"hour":%d,"day_of_week":"%s",
				 "day_of_month":%d,"month":0,"retention":%d,"min_snapshots":%d,"immutable":%s}""".formatted(profile,
				name, frequency, minute, hour, dayOfWeek, dayOfMonth, retention, minSnapshots, immutable)));
	}

	/** The snapshots the seeded profile took, oldest first. */
	private static List<Map<String, @Nullable Object>> scheduled(VergeosSandboxState state) {
		return ofProfile(state, 1L);
	}

	private static List<Map<String, @Nullable Object>> ofProfile(VergeosSandboxState state, long profile) {
		return state.rows("cloud_snapshots")
			.stream()
			.filter((row) -> Long.valueOf(profile).equals(row.get("snapshot_profile")))
			.toList();
	}

	private static Instant at(String time) {
		return Instant.parse("2026-11-22T" + time + "Z");
	}

}
