package io.snapgate.observability;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.snapgate.domain.ProviderId;
import io.snapgate.observability.PolicyGauges.CopyReading;
import io.snapgate.observability.PolicyGauges.PolicyReading;
import io.snapgate.testing.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyGaugesTests {

	private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");

	private static final ProviderId VOL = new ProviderId("vol");

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final MutableClock clock = new MutableClock(T0);

	private final PolicyGauges gauges = new PolicyGauges(this.meters, this.clock);

	@Test
	void theAgeGrowsWithTheClockAndThePolicyTurnsOverdueOnTime() {
		this.gauges.update(
				List.of(new PolicyReading(VOL, "vol:p-1", T0.minusSeconds(600), T0.plusSeconds(60), false, List.of())));

		assertThat(age("vol:p-1")).isEqualTo(600.0);
		assertThat(overdue("vol:p-1")).isZero();

		this.clock.advance(Duration.ofSeconds(61));

		assertThat(age("vol:p-1")).isEqualTo(661.0);
		assertThat(overdue("vol:p-1")).isEqualTo(1.0);
	}

	@Test
	void aPolicyWithoutSnapshotsHasNoAgeAndOneThatCannotBeJudgedIsNeverOverdue() {
		this.gauges.update(List.of(new PolicyReading(VOL, "vol:p-1", null, null, false, List.of())));

		assertThat(this.meters.find(PolicyGauges.AGE).gauges()).isEmpty();
		assertThat(overdue("vol:p-1")).isZero();
	}

	@Test
	void aPolicyThatRunsOnNothingIsOneOnItsOwnGaugeAndZeroOnTheOthers() {
		this.gauges
			.update(List.of(new PolicyReading(VOL, "vol:p-1", T0.minus(Duration.ofDays(30)), null, true, List.of()),
					new PolicyReading(VOL, "vol:p-2", T0, T0.plusSeconds(60), false, List.of())));

		assertThat(notAssigned("vol:p-1")).isEqualTo(1.0);
		assertThat(overdue("vol:p-1")).isZero();
		assertThat(notAssigned("vol:p-2")).isZero();

		this.gauges.update(List.of(new PolicyReading(VOL, "vol:p-1", T0, T0.plusSeconds(60), false, List.of())));

		assertThat(notAssigned("vol:p-1")).as("given targets since").isZero();
	}

	@Test
	void aSurveyReplacesOneProvidersPoliciesAndLeavesTheOthers() {
		ProviderId sys = new ProviderId("sys");
		this.gauges.update(List.of(new PolicyReading(VOL, "vol:p-1", T0, null, false, List.of()),
				new PolicyReading(VOL, "vol:p-2", T0, null, false, List.of()),
				new PolicyReading(sys, "sys:p-9", T0, null, false, List.of())));

		this.gauges.replace(VOL, List.of(new PolicyReading(VOL, "vol:p-2", T0, null, false, List.of())));

		assertThat(this.meters.find(PolicyGauges.OVERDUE).gauges())
			.extracting((gauge) -> gauge.getId().getTag("policy"))
			.containsExactlyInAnyOrder("vol:p-2", "sys:p-9");
	}

	@Test
	void aDeletedPolicyLosesItsGauges() {
		this.gauges.update(List.of(new PolicyReading(VOL, "vol:p-1", T0, null, false, List.of())));

		this.gauges.remove(VOL, "vol:p-1");

		assertThat(this.meters.find(PolicyGauges.OVERDUE).gauges()).isEmpty();
		assertThat(this.meters.find(PolicyGauges.AGE).gauges()).isEmpty();
		assertThat(this.meters.find(PolicyGauges.NOT_ASSIGNED).gauges()).isEmpty();
	}

	@Test
	void theTagsAreTheProviderAndThePolicyOnly() {
		this.gauges.update(List.of(new PolicyReading(VOL, "vol:p-1", T0, null, false, List.of())));

		Gauge gauge = this.meters.get(PolicyGauges.AGE).gauge();
		assertThat(gauge.getId().getTags()).extracting((tag) -> tag.getKey()).containsExactly("policy", "provider");
		assertThat(gauge.getId().getBaseUnit()).isEqualTo("seconds");
	}

	@Test
	void eachCopyRuleThatIsToldHasItsAgeAndOverdueFlagTaggedWithItsTarget() {
		ProviderId dr = new ProviderId("vol-dr");
		ProviderId far = new ProviderId("vol-far");
		this.gauges.update(List.of(new PolicyReading(VOL, "vol:p-1", T0, null, false,
				List.of(new CopyReading(dr, T0.minusSeconds(3600), T0.plusSeconds(60)),
						new CopyReading(far, null, T0.minusSeconds(1))))));

		@Nullable Gauge drAge = this.meters.find(PolicyGauges.COPY_AGE).tag("target", "vol-dr").gauge();
		assertThat(drAge).isNotNull();
		assertThat(drAge.value()).isEqualTo(3600.0);
		assertThat(this.meters.find(PolicyGauges.COPY_AGE).tag("target", "vol-far").gauge())
			.as("no copy arrived there yet")
			.isNull();
		assertThat(copyOverdue("vol-dr")).isZero();
		assertThat(copyOverdue("vol-far")).isEqualTo(1.0);

		this.clock.advance(Duration.ofSeconds(61));

		assertThat(drAge.value()).isEqualTo(3661.0);
		assertThat(copyOverdue("vol-dr")).isEqualTo(1.0);

		this.gauges.remove(VOL, "vol:p-1");

		assertThat(this.meters.find(PolicyGauges.COPY_OVERDUE).gauges()).isEmpty();
	}

	private double copyOverdue(String target) {
		@Nullable Gauge gauge = this.meters.find(PolicyGauges.COPY_OVERDUE).tag("target", target).gauge();
		assertThat(gauge).as("copy overdue of %s", target).isNotNull();
		return gauge.value();
	}

	private double age(String policy) {
		return value(PolicyGauges.AGE, policy);
	}

	private double overdue(String policy) {
		return value(PolicyGauges.OVERDUE, policy);
	}

	private double notAssigned(String policy) {
		return value(PolicyGauges.NOT_ASSIGNED, policy);
	}

	private double value(String name, String policy) {
		@Nullable Gauge gauge = this.meters.find(name).tag("policy", policy).gauge();
		assertThat(gauge).as("%s of %s", name, policy).isNotNull();
		return gauge.value();
	}

}
