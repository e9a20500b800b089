package io.snapgate.provider.vergeos;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.PolicyRetention;
import io.snapgate.domain.PolicySchedule;
import io.snapgate.domain.PolicySpec;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.ScheduleRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What VergeOS cannot express is refused, naming the field, before any request is sent:
 * never rounded, never dropped.
 */
class VergeosPolicyRefusalTests {

	@RegisterExtension
	static final WireMockExtension vergeos = VergeosFixtures.wireMock();

	private static final IdempotencyKey KEY = new IdempotencyKey("k", IdempotencyKey.sha256Hex("spec"));

	private static final List<ScheduleRule> DAILY = List.of(new ScheduleRule.Daily(LocalTime.of(2, 0)));

	private final VergeosPolicies policies = VergeosFixtures.policies(vergeos.baseUrl(), ZoneOffset.UTC);

	@AfterEach
	void nothingWasSent() {
		vergeos.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void keepingForeverIsRefusedUntilVergeosConfirmsHowItIsWritten() {
		refused(spec(DAILY, PolicyRetention.forever(), List.of()), "retention.forever", ErrorCode.UNSUPPORTED_FIELD);
	}

	@Test
	void aDiskIsNoTarget() {
		refused(spec(DAILY, week(), List.of(PolicyTarget.SYSTEM, PolicyTarget.volume("v-1"))), "targets[1].type",
				ErrorCode.UNSUPPORTED_FIELD);
	}

	@Test
	void aRetentionInFractionsOfASecondIsRefused() {
		refused(spec(DAILY, new PolicyRetention(Duration.ofMillis(1500), null), List.of()), "retention.keepFor",
				ErrorCode.UNSUPPORTED_FIELD);
	}

	@Test
	void aRetentionThatIsNotPositiveIsInvalid() {
		refused(spec(DAILY, new PolicyRetention(Duration.ZERO, null), List.of()), "retention.keepFor",
				ErrorCode.VALIDATION_FAILED);
	}

	@Test
	void aMinimumKeptBelowOneIsInvalid() {
		refused(spec(DAILY, new PolicyRetention(Duration.ofDays(1), 0), List.of()), "retention.minKept",
				ErrorCode.VALIDATION_FAILED);
	}

	@Test
	void aTimeWithSecondsIsRefused() {
		refused(spec(List.of(new ScheduleRule.Daily(LocalTime.of(2, 0, 30))), week(), List.of()),
				"schedule.rules[0].at", ErrorCode.UNSUPPORTED_FIELD);
	}

	@Test
	void aZoneThatChangesItsOffsetToTheSystemsIsRefused() {
		refused(new PolicySpec("p", new PolicySchedule(ZoneId.of("America/New_York"), DAILY), week(), false, List.of()),
				"schedule.timeZone", ErrorCode.UNSUPPORTED_FIELD);
	}

	@Test
	void aMonthlyRuleThatMovesToAnotherDayInTheSystemsZoneIsRefused() {
		refused(new PolicySpec("p",
				new PolicySchedule(ZoneId.of("Asia/Tokyo"), List.of(new ScheduleRule.Monthly(1, LocalTime.of(3, 0)))),
				week(), false, List.of()), "schedule.rules[0].day", ErrorCode.UNSUPPORTED_FIELD);
	}

	@Test
	void moreRulesThanAProfileTakesAreRefused() {
		List<ScheduleRule> rules = new ArrayList<>();
		for (int i = 0; i < 51; i++) {
			rules.add(new ScheduleRule.Daily(LocalTime.of(i % 24, i / 24)));
		}
		refused(spec(rules, week(), List.of()), "schedule.rules", ErrorCode.UNSUPPORTED_FIELD);
	}

	@Test
	void twoRulesThatTakeTheSameSnapshotAreInvalid() {
		refused(spec(List.of(new ScheduleRule.Daily(LocalTime.of(2, 0)), new ScheduleRule.Hourly(5),
				new ScheduleRule.Daily(LocalTime.of(2, 0))), week(), List.of()), "schedule.rules[2]",
				ErrorCode.VALIDATION_FAILED);
	}

	@Test
	void aNameVergeosWouldRefuseIsInvalid() {
		refused(new PolicySpec(" ", new PolicySchedule(ZoneOffset.UTC, DAILY), week(), false, List.of()), "name",
				ErrorCode.VALIDATION_FAILED);
	}

	@Test
	void aReplaceIsCheckedTheSameWay() {
		expectRefusal(() -> this.policies.replace("7", spec(DAILY, PolicyRetention.forever(), List.of())),
				"retention.forever", ErrorCode.UNSUPPORTED_FIELD);
	}

	@Test
	void targetsAreNeitherAttachedNorDetachedSinceVergeosAssignsProfilesToTheWholeSystem() {
		expectRefusal(() -> this.policies.attach("7", List.of(PolicyTarget.SYSTEM)), "targets",
				ErrorCode.UNSUPPORTED_FIELD, (ex) -> assertThat(ex.getMessage()).contains("whole system"));
		expectRefusal(() -> this.policies.detach("7", "v-1"), "targetId", ErrorCode.UNSUPPORTED_FIELD);
	}

	private void refused(PolicySpec spec, String field, ErrorCode code) {
		expectRefusal(() -> this.policies.create(spec, KEY), field, code);
	}

	private static void expectRefusal(Runnable call, String field, ErrorCode code) {
		expectRefusal(call, field, code, (ex) -> {
		});
	}

	private static void expectRefusal(Runnable call, String field, ErrorCode code,
			Consumer<InvalidRequestException> more) {
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(call::run).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(code);
			assertThat(ex.fieldErrors()).extracting("field").containsExactly(field);
			more.accept(ex);
		});
	}

	private static PolicySpec spec(List<ScheduleRule> rules, PolicyRetention retention, List<PolicyTarget> targets) {
		return new PolicySpec("p", new PolicySchedule(ZoneOffset.UTC, rules), retention, false, targets);
	}

	private static PolicyRetention week() {
		return new PolicyRetention(Duration.ofDays(7), null);
	}

}
