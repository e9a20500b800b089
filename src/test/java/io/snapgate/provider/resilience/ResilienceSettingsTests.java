package io.snapgate.provider.resilience;

import java.time.Duration;

import io.snapgate.provider.UpstreamRateLimit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a budget is sized from a limit the provider documents.
 */
class ResilienceSettingsTests {

	private static final UpstreamRateLimit VERGEOS = new UpstreamRateLimit(1000, Duration.ofHours(1));

	@Test
	void aDocumentedLimitIsSpentAQuarterOfItsPeriodAtATimeSoThatNoWindowHoldsMore() {
		ResilienceSettings sized = ResilienceSettings.DEFAULTS.withBudgetWithin(VERGEOS);

		assertThat(sized.budgetRequests()).isEqualTo(200);
		assertThat(sized.budgetPeriod()).isEqualTo(Duration.ofMinutes(15));
		// any hour overlaps at most five quarter-hours
		assertThat(5 * sized.budgetRequests()).isLessThanOrEqualTo(VERGEOS.requests());
	}

	@Test
	void theOperatorsBudgetWinsAndZeroTurnsItOff() {
		ResilienceSettings own = withBudget(600, Duration.ofHours(1));
		ResilienceSettings off = withBudget(0, null);

		assertThat(own.withBudgetWithin(VERGEOS)).isSameAs(own);
		assertThat(off.withBudgetWithin(VERGEOS).budgetRequests()).isZero();
		assertThat(own.isBudgetPeriodValid()).isTrue();
		assertThat(off.isBudgetPeriodValid()).isTrue();
		assertThat(withBudget(600, null).isBudgetPeriodValid()).as("requests need a period").isFalse();
		assertThat(withBudget(600, Duration.ZERO).isBudgetPeriodValid()).isFalse();
	}

	private static ResilienceSettings withBudget(int requests, @Nullable Duration period) {
		return new ResilienceSettings(null, null, null, null, null, null, null, null, null, null, null, null, null,
				requests, period, null);
	}

}
