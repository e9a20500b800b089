package io.snapgate.domain;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A retention fits a provider when it is a whole number of the provider's unit and no
 * longer than its bound: nothing is rounded.
 */
class SnapshotFeaturesTests {

	private final SnapshotFeatures days = new SnapshotFeatures(Duration.ofDays(1), Duration.ofDays(10_000), Set.of());

	private final SnapshotFeatures seconds = new SnapshotFeatures(Duration.ofSeconds(1), null, Set.of());

	private final SnapshotFeatures none = new SnapshotFeatures(null, null, Set.of());

	@ParameterizedTest
	@ValueSource(strings = { "P1D", "P7D", "PT48H", "P10000D" })
	void wholeDaysWithinTheBoundFit(String retention) {
		assertThat(this.days.retentionProblem(Duration.parse(retention))).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "PT12H", "PT36H", "P1DT1S", "PT0S", "P10001D" })
	void anythingElseIsRefusedWithTheReason(String retention) {
		assertThat(this.days.retentionProblem(Duration.parse(retention))).isNotNull().doesNotContain("PT24H");
	}

	@ParameterizedTest
	@ValueSource(strings = { "PT1S", "PT90M", "P99999D" })
	void anyWholeSecondFitsAProviderCountingSeconds(String retention) {
		assertThat(this.seconds.retentionProblem(Duration.parse(retention))).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "P1D", "PT1S" })
	void noRetentionFitsAProviderThatTakesNone(String retention) {
		assertThat(this.none.retentionProblem(Duration.parse(retention))).isEqualTo("this provider takes no retention");
	}

}
