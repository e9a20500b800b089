package io.snapgate.provider.baidu;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import io.snapgate.domain.Policy;
import io.snapgate.domain.PolicyStatus;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.ScheduleRule;
import io.snapgate.provider.UpstreamJson;
import org.junit.jupiter.api.Test;

import static io.snapgate.provider.baidu.BaiduUpstream.PROVIDER;
import static io.snapgate.provider.baidu.BaiduUpstream.SHANGHAI;
import static io.snapgate.provider.baidu.BaiduUpstream.asp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * BCC's hours times weekdays read back as the fewest neutral rules that say the same, in
 * the provider's zone; no client, no call.
 */
class BaiduPolicyMapperTests {

	private final BaiduPolicyMapper mapper = new BaiduPolicyMapper(PROVIDER, SHANGHAI);

	@Test
	void everyHourOfEveryDayIsOneHourlyRule() {
		Policy policy = map(asp("asp-Hourly01", "hourly",
				"[23,22,21,20,19,18,17,16,15,14,13,12,11,10,9,8,7,6,5,4,3,2,1,0]", "[6,5,4,3,2,1,0]", "1", 0));

		assertThat(policy.schedule().timeZone()).isEqualTo(SHANGHAI);
		assertThat(policy.schedule().rules()).containsExactly(new ScheduleRule.Hourly(0));
	}

	@Test
	void someHoursOfEveryDayAreOneDailyRuleEach() {
		Policy policy = map(asp("asp-Daily001", "daily", "[14,2]", "[0,1,2,3,4,5,6]", "7", 0));

		assertThat(policy.schedule().rules()).containsExactly(new ScheduleRule.Daily(LocalTime.of(2, 0)),
				new ScheduleRule.Daily(LocalTime.of(14, 0)));
	}

	@Test
	void someDaysAreOneWeeklyRulePerHourAndSevenIsSunday() {
		Policy policy = map(asp("asp-Weekly01", "weekly", "[3]", "[7,1]", "7", 0));

		assertThat(policy.schedule().rules())
			.containsExactly(new ScheduleRule.Weekly(Set.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY), LocalTime.of(3, 0)));
	}

	@Test
	void sevenAndZeroTogetherAreOneSunday() {
		Policy policy = map(asp("asp-Weekly01", "weekly", "[3]", "[0,7]", "7", 0));

		assertThat(policy.schedule().rules())
			.containsExactly(new ScheduleRule.Weekly(Set.of(DayOfWeek.SUNDAY), LocalTime.of(3, 0)));
	}

	@Test
	void minusOneIsForeverAsNumberOrString() {
		assertThat(map(asp("asp-Forever1", "f", "[3]", "[0]", "-1", 0)).retention().isForever()).isTrue();
		assertThat(map(asp("asp-Forever1", "f", "[3]", "[0]", "\"-1\"", 0)).retention().isForever()).isTrue();
	}

	@Test
	void aPolicyWithDisksIsActiveWhenBccSaysActiveInAnyCaseAndUnknownOtherwise() {
		Policy suspended = map(asp("asp-Paused01", "p", "[3]", "[0]", "7", 1).replace("\"active\"", "\"suspended\""));

		assertThat(suspended.status()).isEqualTo(PolicyStatus.UNKNOWN);
		assertThat(suspended.providerStatus()).isEqualTo("suspended");
		assertThat(map(asp("asp-Active01", "p", "[3]", "[0]", "7", 1).replace("\"active\"", "\"Active\"")).status())
			.isEqualTo(PolicyStatus.ACTIVE);
	}

	@Test
	void aPolicyWithoutDisksIsNotAssignedWhateverItsStatusWord() {
		assertThat(map(asp("asp-Empty001", "e", "[3]", "[0]", "7", 0)).status()).isEqualTo(PolicyStatus.NOT_ASSIGNED);
		assertThat(map(asp("asp-Empty001", "e", "[3]", "[0]", "7", 0).replace("\"active\"", "\"suspended\"")).status())
			.isEqualTo(PolicyStatus.NOT_ASSIGNED);
	}

	@Test
	void aDiskFoundInThePolicyCountsWhenBccGivesNoCountAndNoneFoundLeavesItUnknown() {
		String uncounted = asp("asp-Uncount1", "u", "[3]", "[0]", "7", 0).replace(",\"volumeCount\":0", "");

		assertThat(this.mapper.toPolicy(json(uncounted), List.of(PolicyTarget.volume("v-Data0001"))).status())
			.isEqualTo(PolicyStatus.ACTIVE);
		assertThat(map(uncounted).status()).isEqualTo(PolicyStatus.UNKNOWN);
	}

	@Test
	void aTimeBeforeTwoThousandIsBccsPlaceholderForNone() {
		Policy never = map(asp("asp-Never001", "n", "[3]", "[0]", "7", 0));
		Policy ran = map(asp("asp-Ran00001", "r", "[3]", "[0]", "7", 0)
			.replace("\"lastExecuteTime\":\"1971-01-01T00:00:01Z\"", "\"lastExecuteTime\":\"2026-11-21T19:00:00Z\""));

		assertThat(never.lastSnapshotAt()).isNull();
		assertThat(never.createdAt()).isEqualTo("2026-11-01T08:00:00Z");
		assertThat(ran.lastSnapshotAt()).isEqualTo("2026-11-21T19:00:00Z");
	}

	@Test
	void theTargetsAreTheDisksFoundAndTheCountIsKept() {
		Policy policy = this.mapper.toPolicy(json(asp("asp-Two00001", "t", "[3]", "[0]", "7", 2)),
				List.of(PolicyTarget.volume("v-Data0001"), PolicyTarget.volume("v-Data0002")));

		assertThat(policy.targets()).hasSize(2);
		assertThat(policy.immutable()).isFalse();
		assertThat(policy.attributes()).containsOnlyKeys("volumeCount", "targetsComplete")
			.containsEntry("volumeCount", "2")
			.containsEntry("targetsComplete", "true");
	}

	private Policy map(String asp) {
		return this.mapper.toPolicy(json(asp), List.of());
	}

	private static BaiduAspJson json(String asp) {
		return UpstreamJson.read(asp.getBytes(StandardCharsets.UTF_8), BaiduAspJson.class).orElseThrow();
	}

}
