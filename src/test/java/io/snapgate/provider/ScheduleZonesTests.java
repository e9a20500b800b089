package io.snapgate.provider;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.PolicySchedule;
import io.snapgate.domain.ScheduleRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ScheduleZonesTests {

	private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Test
	void aZoneWithAFixedOffsetToTheBackendsIsMovedExactly() {
		PolicySchedule tokyo = new PolicySchedule(ZoneId.of("Asia/Tokyo"),
				List.of(new ScheduleRule.Daily(LocalTime.of(3, 0)), new ScheduleRule.Hourly(15)));

		PolicySchedule moved = ScheduleZones.toBackendZone(tokyo, SHANGHAI, NOW);

		assertThat(moved.timeZone()).isEqualTo(SHANGHAI);
		assertThat(moved.rules()).containsExactly(new ScheduleRule.Daily(LocalTime.of(2, 0)),
				new ScheduleRule.Hourly(15));
	}

	@Test
	void aWeeklyRuleThatCrossesMidnightMovesItsDays() {
		PolicySchedule tokyo = new PolicySchedule(ZoneId.of("Asia/Tokyo"),
				List.of(new ScheduleRule.Weekly(Set.of(DayOfWeek.MONDAY, DayOfWeek.SUNDAY), LocalTime.of(0, 30))));

		PolicySchedule moved = ScheduleZones.toBackendZone(tokyo, SHANGHAI, NOW);

		assertThat(moved.rules()).containsExactly(
				new ScheduleRule.Weekly(Set.of(DayOfWeek.SUNDAY, DayOfWeek.SATURDAY), LocalTime.of(23, 30)));
	}

	@Test
	void anHourlyRuleInAHalfHourZoneMovesItsMinute() {
		PolicySchedule kolkata = new PolicySchedule(ZoneId.of("Asia/Kolkata"), List.of(new ScheduleRule.Hourly(0)));

		assertThat(ScheduleZones.toBackendZone(kolkata, ZoneId.of("UTC"), NOW).rules())
			.containsExactly(new ScheduleRule.Hourly(30));
	}

	@Test
	void aZoneThatChangesItsOffsetAtDaylightSavingIsRefusedNotApproximated() {
		PolicySchedule berlin = new PolicySchedule(ZoneId.of("Europe/Berlin"),
				List.of(new ScheduleRule.Daily(LocalTime.of(2, 0))));

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> ScheduleZones.toBackendZone(berlin, SHANGHAI, NOW))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.UNSUPPORTED_FIELD);
				assertThat(ex.fieldErrors()).extracting("field").containsExactly("schedule.timeZone");
				assertThat(ex.getMessage()).contains("60 minutes");
			});
	}

	@Test
	void theSameZoneAsTheBackendsIsKeptAsItIs() {
		PolicySchedule berlin = new PolicySchedule(ZoneId.of("Europe/Berlin"),
				List.of(new ScheduleRule.Monthly(1, LocalTime.of(0, 0))));

		assertThat(ScheduleZones.toBackendZone(berlin, ZoneId.of("Europe/Berlin"), NOW)).isEqualTo(berlin);
	}

	@Test
	void aMonthlyRuleThatWouldFallOnAnotherDayIsRefused() {
		PolicySchedule tokyo = new PolicySchedule(ZoneId.of("Asia/Tokyo"),
				List.of(new ScheduleRule.Monthly(1, LocalTime.of(0, 30))));

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> ScheduleZones.toBackendZone(tokyo, SHANGHAI, NOW))
			.satisfies(
					(ex) -> assertThat(ex.fieldErrors()).extracting("field").containsExactly("schedule.rules[0].day"));
	}

}
