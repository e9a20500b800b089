package io.snapgate.application;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import io.snapgate.domain.PolicySchedule;
import io.snapgate.domain.ScheduleRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleIntervalsTests {

	private static final ZoneId UTC = ZoneId.of("UTC");

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final Instant JUNE = Instant.parse("2026-06-15T12:00:00Z");

	@Test
	void anHourlyRuleFiresEveryHour() {
		assertThat(gap(UTC, JUNE, new ScheduleRule.Hourly(15))).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void twoHourlyRulesLeaveTheLongerOfTheirTwoGaps() {
		assertThat(gap(UTC, JUNE, new ScheduleRule.Hourly(0), new ScheduleRule.Hourly(20)))
			.isEqualTo(Duration.ofMinutes(40));
	}

	@Test
	void twoDailyTimesSplitTheDayUnevenly() {
		assertThat(
				gap(UTC, JUNE, new ScheduleRule.Daily(LocalTime.of(2, 0)), new ScheduleRule.Daily(LocalTime.of(8, 0))))
			.isEqualTo(Duration.ofHours(18));
	}

	@Test
	void aWeeklyRuleOnUnevenlySpacedDaysHasItsLongestGap() {
		ScheduleRule mondayAndThursday = new ScheduleRule.Weekly(Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
				LocalTime.of(3, 0));

		assertThat(gap(UTC, JUNE, mondayAndThursday)).isEqualTo(Duration.ofDays(4));
	}

	@Test
	void aWeeklyRuleOnOneDayFiresEveryWeek() {
		assertThat(gap(UTC, JUNE, new ScheduleRule.Weekly(Set.of(DayOfWeek.SATURDAY), LocalTime.of(3, 0))))
			.isEqualTo(Duration.ofDays(7));
	}

	@Test
	void aDailyRuleBoundsWhatAWeeklyRuleBesideItAdds() {
		assertThat(gap(UTC, JUNE, new ScheduleRule.Daily(LocalTime.of(2, 0)),
				new ScheduleRule.Weekly(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.of(3, 0))))
			.isEqualTo(Duration.ofDays(1));
	}

	@Test
	void aMonthlyRuleOnTheFirstWaitsTheLongestMonth() {
		assertThat(gap(UTC, JUNE, new ScheduleRule.Monthly(1, LocalTime.of(4, 0)))).isEqualTo(Duration.ofDays(31));
	}

	@Test
	void aMonthlyRuleOnTheThirtyFirstSkipsTheShortMonths() {
		// March 31 to May 31: April has no 31st
		assertThat(gap(UTC, JUNE, new ScheduleRule.Monthly(31, LocalTime.of(4, 0)))).isEqualTo(Duration.ofDays(61));
	}

	@Test
	void aMonthlyRuleOnTheTwentyNinthWaitsOutAFebruaryOfACommonYear() {
		// January 29 to March 29 of 2025 or 2027, whichever the 27 months hold
		assertThat(gap(UTC, JUNE, new ScheduleRule.Monthly(29, LocalTime.of(4, 0)))).isEqualTo(Duration.ofDays(59));
	}

	@Test
	void aDailyRuleIsAnHourLongerWhereTheClocksGoBack() {
		// 2026-10-25: Berlin goes from +02:00 to +01:00
		Instant afterFallBack = Instant.parse("2026-10-27T00:00:00Z");

		assertThat(gap(BERLIN, afterFallBack, new ScheduleRule.Daily(LocalTime.of(2, 30))))
			.isEqualTo(Duration.ofHours(25));
		assertThat(gap(UTC, afterFallBack, new ScheduleRule.Daily(LocalTime.of(2, 30))))
			.isEqualTo(Duration.ofHours(24));
	}

	@Test
	void anHourlyRuleLosesTheRepeatedHourWhereTheClocksGoBack() {
		Instant afterFallBack = Instant.parse("2026-10-26T00:00:00Z");

		assertThat(gap(BERLIN, afterFallBack, new ScheduleRule.Hourly(30))).isEqualTo(Duration.ofHours(2));
	}

	@Test
	void whereTheClocksGoForwardTheShorterDayMakesNoLongerGap() {
		// 2026-03-29: 02:30 does not exist in Berlin; it is taken at the offset before
		Instant afterSpringForward = Instant.parse("2026-03-31T00:00:00Z");

		assertThat(gap(BERLIN, afterSpringForward, new ScheduleRule.Daily(LocalTime.of(2, 30))))
			.isEqualTo(Duration.ofHours(24));
		assertThat(gap(BERLIN, afterSpringForward, new ScheduleRule.Daily(LocalTime.of(4, 0))))
			.isEqualTo(Duration.ofHours(24));
	}

	private static Duration gap(ZoneId zone, Instant until, ScheduleRule... rules) {
		return ScheduleIntervals.longestGap(new PolicySchedule(zone, List.of(rules)), until);
	}

}
