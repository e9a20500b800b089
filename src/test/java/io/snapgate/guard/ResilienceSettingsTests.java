package io.snapgate.guard;

import java.time.Duration;

import io.snapgate.provider.UpstreamRateLimit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a budget comes from: the operator, or the limit the provider documents.
 */
class ResilienceSettingsTests {

	private static final UpstreamRateLimit VERGEOS = new UpstreamRateLimit(1000, Duration.ofHours(1));

	@Test
	void aDocumentedLimitIsTheBudgetWhereNoneIsSet() {
		ResilienceSettings sized = ResilienceSettings.DEFAULTS.withBudgetOf(VERGEOS);

		assertThat(sized.budgetRequests()).isEqualTo(1000);
		assertThat(sized.budgetPeriod()).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void theOperatorsBudgetWinsAndZeroTurnsItOff() {
		ResilienceSettings own = withBudget(600, Duration.ofHours(1));
		ResilienceSettings off = withBudget(0, null);

		assertThat(own.withBudgetOf(VERGEOS)).isSameAs(own);
		assertThat(off.withBudgetOf(VERGEOS).budgetRequests()).isZero();
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
