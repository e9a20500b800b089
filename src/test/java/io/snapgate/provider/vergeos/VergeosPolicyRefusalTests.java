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
	void theWholeSystemIsNoTargetSnapGateCanGiveAndTheOperatorIsToldWhereToChooseIt() {
		refused(spec(DAILY, week(), List.of(PolicyTarget.SYSTEM)), "targets[0].type", ErrorCode.UNSUPPORTED_FIELD,
				(ex) -> assertThat(ex.getMessage()).contains("System > System Snapshots"));
	}

	@Test
	void aDiskIsNoTarget() {
		refused(spec(DAILY, week(), List.of(PolicyTarget.volume("v-1"))), "targets[0].type",
				ErrorCode.UNSUPPORTED_FIELD, (ex) -> assertThat(ex.getMessage()).contains("System > System Snapshots"));
	}

	@Test
	void aReplaceIsCheckedTheSameWay() {
		expectRefusal(() -> this.policies.replace("7", spec(DAILY, PolicyRetention.forever(), List.of())),
				"retention.forever", ErrorCode.UNSUPPORTED_FIELD);
	}

	@Test
	void theWholeSystemIsNotAttachedAndNothingIsDetachedSinceOnlyVergeosChoosesTheSystemsProfile() {
		expectRefusal(() -> this.policies.attach("7", List.of(PolicyTarget.SYSTEM)), "targets[0].type",
				ErrorCode.UNSUPPORTED_FIELD, (ex) -> assertThat(ex.getMessage()).contains("no documented API")
					.contains("System > System Snapshots"));
		expectRefusal(() -> this.policies.detach("7", "v-1"), "targetId", ErrorCode.UNSUPPORTED_FIELD,
				(ex) -> assertThat(ex.getMessage()).contains("System > System Snapshots"));
	}

	private void refused(PolicySpec spec, String field, ErrorCode code) {
		expectRefusal(() -> this.policies.create(spec, KEY), field, code);
	}

	private void refused(PolicySpec spec, String field, ErrorCode code, Consumer<InvalidRequestException> more) {
		expectRefusal(() -> this.policies.create(spec, KEY), field, code, more);
		expectRefusal(() -> this.policies.previewCreate(spec, null), field, code, more);
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
