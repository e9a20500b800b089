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
 * The emulator running the system's snapshot profile on a clock the test moves: snapshots
 * taken when its periods are due, carrying profile and period, and expired past
 * {@code min_snapshots}; no other profile takes any, as on VergeOS.
 */
class VergeosSandboxSchedulesTests {

	private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

	private final MutableClock clock = new MutableClock(START);

	@Test
	void theSystemsProfileHasTakenASnapshotAtTheTopOfTheHourTheEmulatorStartsIn() {
		this.clock.set(at("10:20:00"));
		VergeosSandboxState state = state(false);

		assertThat(scheduled(state)).singleElement().satisfies((taken) -> {
			assertThat(taken).containsEntry("name", "Hourly_20261122_1000")
				.containsEntry("snapshot_profile", 1L)
				.containsEntry("snapshot_period", 1L)
				.containsEntry("created", at("10:00:00").getEpochSecond())
				.containsEntry("status", "held");
		});
	}

	@Test
	void theHourlyPeriodTakesASnapshotAtTheTopOfEachHourOnly() {
		VergeosSandboxState state = state(false);

		assertThat(state.runSchedules(at("10:59:59"))).isZero();
		assertThat(state.runSchedules(at("11:00:00"))).isEqualTo(1);
		assertThat(state.runSchedules(at("11:00:00"))).isZero();
		assertThat(state.runSchedules(at("11:10:00"))).isZero();

		assertThat(scheduled(state)).as("the one of 10:00 is past its expiry and no longer the newest")
			.extracting((row) -> row.get("name"))
			.containsExactly("Hourly_20261122_1100");
		Map<String, @Nullable Object> taken = scheduled(state).getLast();
		assertThat(taken).containsEntry("snapshot_profile", 1L)
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
	void theSystemsProfileRunsEveryMinuteWhenAsked() {
		VergeosSandboxState state = state(true);

		state.runSchedules(at("10:00:30"));
		state.runSchedules(at("10:01:02"));
		state.runSchedules(at("10:01:40"));
		state.runSchedules(at("10:02:01"));

		assertThat(scheduled(state)).extracting((row) -> row.get("name"))
			.containsExactly("Hourly_20261122_1000", "Hourly_20261122_1001", "Hourly_20261122_1002");
	}

	@Test
	void aProfileTheSystemDoesNotUseTakesNothingWhateverItsPeriods() {
		VergeosSandboxState state = state(true);
		long profile = profile(state, "nightly");
		period(state, profile, "hourly-at-00", "hourly", 0, 0, "any", 0, 86400, 1, false);
		period(state, profile, "daily-1800", "daily", 0, 18, "any", 0, 86400, 1, false);

		assertThat(state.runSchedules(START.plus(Duration.ofDays(2)))).as("the system's profile only").isEqualTo(1);

		assertThat(ofProfile(state, profile)).isEmpty();
	}

	@Test
	void theSystemsProfilesPeriodsRunAtTheirTimeAndMissedRunsAreMadeUpOnce() {
		VergeosSandboxState state = state(false);
		period(state, 1, "daily-1800", "daily", 0, 18, "any", 0, 86400, 2, true);
		period(state, 1, "weekly-sun-1830", "weekly", 30, 18, "sun", 0, 0, 1, false);
		period(state, 1, "monthly-01-0400", "monthly", 0, 4, "any", 1, 86400, 1, false);

		state.runSchedules(at("18:29:00"));
		state.runSchedules(at("18:30:00"));

		assertThat(ofPeriods(state, "daily-1800", "weekly-sun-1830", "monthly-01-0400"))
			.extracting((row) -> row.get("name"))
			.containsExactly("daily-1800_20261122_1800", "weekly-sun-1830_20261122_1830");
		assertThat(named(state, "daily-1800_20261122_1800")).containsEntry("immutable", true)
			.containsEntry("immutable_status", "locked")
			.containsEntry("expires", at("18:29:00").getEpochSecond() + 86400);
		assertThat(named(state, "weekly-sun-1830_20261122_1830")).containsEntry("expires", 0L);

		state.runSchedules(START.plus(Duration.ofDays(10)));

		assertThat(scheduled(state)).extracting((row) -> row.get("name"))
			.contains("daily-1800_20261201_1800", "weekly-sun-1830_20261129_1830", "monthly-01-0400_20261201_0400")
			.doesNotContain("daily-1800_20261130_1800");
	}

	@Test
	void aDeletedPeriodsSnapshotsStay() {
		VergeosSandboxState state = state(false);
		long period = period(state, 1, "daily-1800", "daily", 0, 18, "any", 0, 0, 1, false);
		state.runSchedules(at("18:00:00"));
		state.deletePeriod(period);

		state.runSchedules(START.plus(Duration.ofDays(2)));

		assertThat(ofPeriods(state, "daily-1800")).extracting((row) -> row.get("name"))
			.containsExactly("daily-1800_20261122_1800");
	}

	private VergeosSandboxState state(boolean everyMinute) {
		return new VergeosSandboxState(this.clock,
				new VergeosSandboxSettings(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(3),
						"snapgate", "sandbox", "key", Duration.ofSeconds(5), everyMinute, Duration.ofSeconds(5)));
	}

	private static long profile(VergeosSandboxState state, String name) {
		return Long.parseLong(
				(String) state.createProfile(VergeosSandboxTestJson.parse("{\"name\":\"" + name + "\"}")).get("$key"));
	}

	private static long period(VergeosSandboxState state, long profile, String name, String frequency, int minute,
			int hour, String dayOfWeek, int dayOfMonth, long retention, int minSnapshots, boolean immutable) {
		Map<String, Object> created = state.createPeriod(VergeosSandboxTestJson.parse("""
				{"profile":%d,"name":"%s","frequency":"%s","minute":%d,"hour":%d,"day_of_week":"%s",
				 "day_of_month":%d,"month":0,"retention":%d,"min_snapshots":%d,"immutable":%s}""".formatted(profile,
				name, frequency, minute, hour, dayOfWeek, dayOfMonth, retention, minSnapshots, immutable)));
		return Long.parseLong((String) created.get("$key"));
	}

	/** The snapshots the seeded profile, the system's, took, oldest first. */
	private static List<Map<String, @Nullable Object>> scheduled(VergeosSandboxState state) {
		return ofProfile(state, 1L);
	}

	private static List<Map<String, @Nullable Object>> ofProfile(VergeosSandboxState state, long profile) {
		return state.rows("cloud_snapshots")
			.stream()
			.filter((row) -> Long.valueOf(profile).equals(row.get("snapshot_profile")))
			.toList();
	}

	/** The snapshots that the named periods took, oldest first. */
	private static List<Map<String, @Nullable Object>> ofPeriods(VergeosSandboxState state, String... periods) {
		List<String> prefixes = List.of(periods);
		return scheduled(state).stream()
			.filter((row) -> prefixes.stream()
				.anyMatch((period) -> String.valueOf(row.get("name")).startsWith(period + "_")))
			.toList();
	}

	private static Map<String, @Nullable Object> named(VergeosSandboxState state, String name) {
		return state.rows("cloud_snapshots")
			.stream()
			.filter((row) -> name.equals(row.get("name")))
			.findFirst()
			.orElseThrow();
	}

	private static Instant at(String time) {
		return Instant.parse("2026-11-22T" + time + "Z");
	}

}
