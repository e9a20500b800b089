package io.snapgate.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.snapgate.domain.ProviderId;
import org.jspecify.annotations.Nullable;

/**
 * Three gauges per policy, tagged with its provider and its id alone: {@value #AGE}
 * (seconds since its newest snapshot, absent while it has made none), {@value #OVERDUE}
 * (1 while overdue, else 0) and {@value #NOT_ASSIGNED} (1 while it runs on nothing, else
 * 0). The first two are worked out at each scrape from the instants last told, so an age
 * grows between refreshes and a policy turns overdue on time; those instants, and whether
 * it is assigned, are all that is kept.
 */
public final class PolicyGauges {

	public static final String AGE = "snapgate.policy.last.snapshot.age";

	public static final String OVERDUE = "snapgate.policy.overdue";

	public static final String NOT_ASSIGNED = "snapgate.policy.not.assigned";

	private final MultiGauge ages;

	private final MultiGauge overdue;

	private final MultiGauge notAssigned;

	private final Clock clock;

	/** Guarded by this. */
	private final Map<ProviderId, Map<String, PolicyReading>> readings = new HashMap<>();

	public PolicyGauges(MeterRegistry registry, Clock clock) {
		this.ages = MultiGauge.builder(AGE)
			.baseUnit("seconds")
			.description("Seconds since the policy's newest snapshot")
			.register(registry);
		this.overdue = MultiGauge.builder(OVERDUE)
			.description("1 while no snapshot of the policy is newer than two of its schedule's longest intervals")
			.register(registry);
		this.notAssigned = MultiGauge.builder(NOT_ASSIGNED)
			.description("1 while the policy exists and runs on nothing, so that it takes no snapshot")
			.register(registry);
		this.clock = clock;
	}

	/** Every policy of one provider: the ones not among them are gone. */
	public synchronized void replace(ProviderId provider, Collection<PolicyReading> current) {
		Map<String, PolicyReading> byPolicy = new TreeMap<>();
		current.forEach((reading) -> byPolicy.put(reading.policy(), reading));
		this.readings.put(provider, byPolicy);
		publish();
	}

	/** Some policies as just read; the others stay as they were. */
	public synchronized void update(Collection<PolicyReading> seen) {
		seen.forEach((reading) -> this.readings.computeIfAbsent(reading.provider(), (id) -> new TreeMap<>())
			.put(reading.policy(), reading));
		publish();
	}

	public synchronized void remove(ProviderId provider, String policy) {
		Map<String, PolicyReading> of = this.readings.get(provider);
		if (of != null && of.remove(policy) != null) {
			publish();
		}
	}

	private void publish() {
		List<MultiGauge.Row<?>> ageRows = new ArrayList<>();
		List<MultiGauge.Row<?>> overdueRows = new ArrayList<>();
		List<MultiGauge.Row<?>> notAssignedRows = new ArrayList<>();
		this.readings.values().forEach((of) -> of.values().forEach((reading) -> {
			Tags tags = Tags.of("provider", reading.provider().value(), "policy", reading.policy());
			if (reading.lastSnapshotAt() != null) {
				ageRows.add(MultiGauge.Row.of(tags, reading, this::age));
			}
			overdueRows.add(MultiGauge.Row.of(tags, reading, this::overdue));
			notAssignedRows.add(MultiGauge.Row.of(tags, reading.notAssigned() ? 1 : 0));
		}));
		this.ages.register(ageRows, true);
		this.overdue.register(overdueRows, true);
		this.notAssigned.register(notAssignedRows, true);
	}

	private double age(PolicyReading reading) {
		Instant last = reading.lastSnapshotAt();
		return (last != null) ? Duration.between(last, this.clock.instant()).toMillis() / 1000.0 : Double.NaN;
	}

	private double overdue(PolicyReading reading) {
		Instant after = reading.overdueAfter();
		return (after != null && this.clock.instant().isAfter(after)) ? 1 : 0;
	}

	/**
	 * What the gauges of one policy are worked out from.
	 *
	 * @param provider its provider
	 * @param policy its id, {@code <provider>:<nativeId>}
	 * @param lastSnapshotAt when it last made a snapshot; {@code null} when it has made
	 * none
	 * @param overdueAfter when it is overdue unless it makes a snapshot first;
	 * {@code null} when it cannot become overdue
	 * @param notAssigned whether it exists and runs on nothing
	 */
	public record PolicyReading(ProviderId provider, String policy, @Nullable Instant lastSnapshotAt,
			@Nullable Instant overdueAfter, boolean notAssigned) {
	}

}
