package io.snapgate.provider.baidu;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.snapgate.domain.CopyRule;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.PolicyProvider;
import io.snapgate.domain.PolicyRetention;
import io.snapgate.domain.PolicySchedule;
import io.snapgate.domain.PolicySpec;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ScheduleRule;
import io.snapgate.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.snapgate.provider.baidu.BaiduPoliciesTests.daily;
import static io.snapgate.provider.baidu.BaiduPoliciesTests.key;
import static io.snapgate.provider.baidu.BaiduPoliciesTests.spec;
import static io.snapgate.provider.baidu.BaiduPoliciesTests.week;
import static io.snapgate.provider.baidu.BaiduUpstream.NOW;
import static io.snapgate.provider.baidu.BaiduUpstream.SHANGHAI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What BCC cannot run exactly is refused, naming the field and why, before any request:
 * nothing is rounded to what BCC can do.
 */
class BaiduPolicyRefusalTests {

	@RegisterExtension
	static WireMockExtension bcc = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final PolicyProvider policies = BaiduUpstream.provider(bcc.baseUrl(), new MutableClock(NOW))
		.policies()
		.orElseThrow();

	@AfterEach
	void nothingWasSent() {
		bcc.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void anHourlyRuleOffTheHour() {
		refusedOnCreateAndReplace(rules(new ScheduleRule.Hourly(15)), "schedule.rules[0].minute", "minute 15");
	}

	@Test
	void aDailyRuleOffTheHour() {
		refusedOnCreateAndReplace(
				rules(new ScheduleRule.Daily(LocalTime.of(1, 0)), new ScheduleRule.Daily(LocalTime.of(2, 30))),
				"schedule.rules[1].at", "02:30");
	}

	@Test
	void aWeeklyRuleOffTheHour() {
		refusedOnCreateAndReplace(rules(new ScheduleRule.Weekly(Set.of(DayOfWeek.MONDAY), LocalTime.of(2, 0, 30))),
				"schedule.rules[0].at", "top of the hour");
	}

	@Test
	void aMonthlyRule() {
		refusedOnCreateAndReplace(rules(new ScheduleRule.Monthly(1, LocalTime.of(4, 0))), "schedule.rules[0]",
				"day of the month");
	}

	@Test
	void rulesThatAreNoSetOfHoursTimesASetOfDays() {
		refusedOnCreateAndReplace(
				rules(new ScheduleRule.Daily(LocalTime.of(2, 0)),
						new ScheduleRule.Weekly(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.of(3, 0))),
				"schedule.rules", "same days");
	}

	@Test
	void moreRulesThanHoursInADay() {
		List<ScheduleRule> rules = new ArrayList<>();
		for (int hour = 0; hour < 24; hour++) {
			rules.add(new ScheduleRule.Daily(LocalTime.of(hour, 0)));
		}
		rules.add(new ScheduleRule.Hourly(0));
		refusedOnCreateAndReplace(spec(SHANGHAI, rules, week()), "schedule.rules", "at most 24");
	}

	@Test
	void aZoneWhoseOffsetToTheProvidersChangesWithDaylightSaving() {
		refusedOnCreateAndReplace(
				spec(ZoneId.of("Europe/Berlin"), List.of(new ScheduleRule.Daily(LocalTime.of(2, 0))), week()),
				"schedule.timeZone", "Asia/Shanghai");
	}

	@Test
	void aRuleThatAnotherZoneMovesOffTheHour() {
		refusedOnCreateAndReplace(
				spec(ZoneId.of("Asia/Kathmandu"), List.of(new ScheduleRule.Daily(LocalTime.of(2, 0))), week()),
				"schedule.rules[0].at", "Asia/Shanghai");
	}

	@Test
	void aRetentionOfPartOfADay() {
		refusedOnCreateAndReplace(retention(new PolicyRetention(Duration.ofHours(36), null)), "retention.keepFor",
				"whole days");
	}

	@Test
	void aRetentionLongerThanBccKeeps() {
		refusedOnCreateAndReplace(retention(new PolicyRetention(Duration.ofDays(10_001), null)), "retention.keepFor",
				"10000");
	}

	@Test
	void aMinimumNumberKept() {
		refusedOnCreateAndReplace(retention(new PolicyRetention(Duration.ofDays(7), 3)), "retention.minKept", "age");
	}

	@Test
	void immutableSnapshots() {
		refusedOnCreateAndReplace(new PolicySpec("nightly-db",
				new PolicySchedule(SHANGHAI, List.of(new ScheduleRule.Hourly(0))), week(), true, List.of()),
				"immutable", "immutable");
	}

	@Test
	void copiesToAnotherRegionByPolicy() {
		refusedOnCreateAndReplace(
				new PolicySpec("nightly-db", new PolicySchedule(SHANGHAI, List.of(new ScheduleRule.Hourly(0))), week(),
						false, List.of(), List.of(new CopyRule(new ProviderId("baidu-gz"), Duration.ofDays(30)))),
				"copies", "POST /snapshots/{id}/copies");
	}

	@Test
	void theWholeSystemAsATarget() {
		refused(() -> this.policies.create(daily(2, PolicyTarget.volume("v-Data0001"), PolicyTarget.SYSTEM),
				key("key-1")), ErrorCode.UNSUPPORTED_FIELD, "targets[1].type", "VOLUME");
		refused(() -> this.policies.attach("asp-Old00001", List.of(PolicyTarget.SYSTEM)), ErrorCode.UNSUPPORTED_FIELD,
				"targets[0].type", "VOLUME");
	}

	@ParameterizedTest
	@ValueSource(strings = { "i-Web00001", "s-Snap0001", "vol-1", "v-../x" })
	void aTargetThatIsNoDisk(String id) {
		refused(() -> this.policies.create(daily(2, PolicyTarget.volume(id)), key("key-1")),
				ErrorCode.VALIDATION_FAILED, "targets[0].id", "v-");
		refused(() -> this.policies.attach("asp-Old00001", List.of(PolicyTarget.volume(id))),
				ErrorCode.VALIDATION_FAILED, "targets[0].id", "v-");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1-nightly", "-nightly", "nightly db", "nightly:db", "备份",
			"a_name_of_sixty_six_characters_is_one_too_many_for_a_baidu_policyx" })
	void aNameBccRefuses(String name) {
		PolicySpec spec = new PolicySpec(name, new PolicySchedule(SHANGHAI, List.of(new ScheduleRule.Hourly(0))),
				week(), false, List.of());
		refused(() -> this.policies.create(spec, key("key-1")), ErrorCode.VALIDATION_FAILED, "name", "letter");
		refused(() -> this.policies.replace("asp-Old00001", spec), ErrorCode.VALIDATION_FAILED, "name", "letter");
	}

	private void refusedOnCreateAndReplace(PolicySpec spec, String field, String reason) {
		ErrorCode code = field.equals("name") ? ErrorCode.VALIDATION_FAILED : ErrorCode.UNSUPPORTED_FIELD;
		refused(() -> this.policies.create(spec, key("key-1")), code, field, reason);
		refused(() -> this.policies.replace("asp-Old00001", spec), code, field, reason);
	}

	private static void refused(ThrowingCallable call, ErrorCode code, String field, String reason) {
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(call).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(code);
			assertThat(ex.fieldErrors()).singleElement().satisfies((f) -> {
				assertThat(f.field()).isEqualTo(field);
				assertThat(ex.getMessage()).contains(reason);
			});
		});
	}

	private static PolicySpec rules(ScheduleRule... rules) {
		return spec(SHANGHAI, List.of(rules), week());
	}

	private static PolicySpec retention(PolicyRetention retention) {
		return spec(SHANGHAI, List.of(new ScheduleRule.Daily(LocalTime.of(2, 0))), retention);
	}

}
