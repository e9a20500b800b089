package io.snapgate.observability;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CopyMetersTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final CopyMeters copies = new CopyMeters(this.meters);

	@Test
	void eachCopyCountsOnceForEachWayItGoesPerProviderPair() {
		this.copies.started("bj:c1", "bj", "gz");
		this.copies.started("bj:c1", "bj", "gz");
		this.copies.started("bj:c2", "bj", "gz");
		this.copies.started("ve:q1", "ve", "ve-dr");
		this.copies.completed("bj:c1", "bj", "gz");
		this.copies.completed("bj:c1", "bj", "gz");
		this.copies.failed("bj:c2", "bj", "gz");

		assertThat(count(CopyMeters.STARTED, "bj", "gz")).isEqualTo(2.0);
		assertThat(count(CopyMeters.STARTED, "ve", "ve-dr")).isEqualTo(1.0);
		assertThat(count(CopyMeters.COMPLETED, "bj", "gz")).as("read twice, counted once").isEqualTo(1.0);
		assertThat(count(CopyMeters.FAILED, "bj", "gz")).isEqualTo(1.0);
		assertThat(this.meters.find(CopyMeters.COMPLETED).tag("source", "ve").counter()).isNull();
	}

	private double count(String name, String source, String target) {
		return this.meters.get(name).tag("source", source).tag("target", target).counter().count();
	}

}
