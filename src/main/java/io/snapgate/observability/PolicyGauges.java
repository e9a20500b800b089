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
 * 0); and two per copy rule whose backend tells which copies arrived, tagged with the
 * target provider too: {@value #COPY_AGE} (seconds since the snapshot behind the newest
 * copy at the target was taken, absent while none has arrived) and
 * {@value #COPY_OVERDUE}. The ages and overdue flags are worked out at each scrape from
 * the instants last told, so an age grows between refreshes and a policy turns overdue on
 * time; those instants, and whether it is assigned, are all that is kept.
 */
public final class PolicyGauges {

	public static final String AGE = "snapgate.policy.last.snapshot.age";

	public static final String OVERDUE = "snapgate.policy.overdue";

	public static final String NOT_ASSIGNED = "snapgate.policy.not.assigned";

	public static final String COPY_AGE = "snapgate.policy.copy.age";

	public static final String COPY_OVERDUE = "snapgate.policy.copy.overdue";

	private final MultiGauge ages;

	private final MultiGauge overdue;

	private final MultiGauge notAssigned;

	private final MultiGauge copyAges;

	private final MultiGauge copyOverdue;

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
		this.copyAges = MultiGauge.builder(COPY_AGE)
			.baseUnit("seconds")
			.description("Seconds since the snapshot behind the policy's newest copy at the target was taken")
			.register(registry);
		this.copyOverdue = MultiGauge.builder(COPY_OVERDUE)
			.description("1 while no copy of the policy's snapshots at the target is newer than two of its "
					+ "schedule's longest intervals")
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
		List<MultiGauge.Row<?>> copyAgeRows = new ArrayList<>();
		List<MultiGauge.Row<?>> copyOverdueRows = new ArrayList<>();
		this.readings.values().forEach((of) -> of.values().forEach((reading) -> {
			Tags tags = Tags.of("provider", reading.provider().value(), "policy", reading.policy());
			if (reading.lastSnapshotAt() != null) {
				ageRows.add(MultiGauge.Row.of(tags, reading, this::age));
			}
			overdueRows.add(MultiGauge.Row.of(tags, reading, this::overdue));
			notAssignedRows.add(MultiGauge.Row.of(tags, reading.notAssigned() ? 1 : 0));
			reading.copies().forEach((copy) -> {
				Tags copyTags = tags.and("target", copy.target().value());
				if (copy.lastCopyTakenAt() != null) {
					copyAgeRows.add(MultiGauge.Row.of(copyTags, copy.lastCopyTakenAt(), this::age));
				}
				copyOverdueRows.add(MultiGauge.Row.of(copyTags, copy, (c) -> overdue(c.overdueAfter())));
			});
		}));
		this.ages.register(ageRows, true);
		this.overdue.register(overdueRows, true);
		this.notAssigned.register(notAssignedRows, true);
		this.copyAges.register(copyAgeRows, true);
		this.copyOverdue.register(copyOverdueRows, true);
	}

	private double age(PolicyReading reading) {
		Instant last = reading.lastSnapshotAt();
		return (last != null) ? age(last) : Double.NaN;
	}

	private double age(Instant since) {
		return Duration.between(since, this.clock.instant()).toMillis() / 1000.0;
	}

	private double overdue(PolicyReading reading) {
		return overdue(reading.overdueAfter());
	}

	private double overdue(@Nullable Instant after) {
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
	 * @param copies its copy rules whose backend tells which copies arrived
	 */
	public record PolicyReading(ProviderId provider, String policy, @Nullable Instant lastSnapshotAt,
			@Nullable Instant overdueAfter, boolean notAssigned, List<CopyReading> copies) {

		public PolicyReading {
			copies = List.copyOf(copies);
		}

	}

	/**
	 * What the gauges of one copy rule are worked out from.
	 *
	 * @param target the provider copied to
	 * @param lastCopyTakenAt when the snapshot behind the newest copy there was taken;
	 * {@code null} while none has arrived
	 * @param overdueAfter when its copies are overdue unless a newer one arrives first;
	 * {@code null} when they cannot become overdue
	 */
	public record CopyReading(ProviderId target, @Nullable Instant lastCopyTakenAt, @Nullable Instant overdueAfter) {
	}

}
