package io.snapgate.domain;

import java.time.Duration;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a provider's snapshots take besides a name, as {@code /providers} shows it: how
 * finely their retention is counted, how long it may be, and what can be changed once
 * they are taken.
 *
 * @param retentionUnit the granularity of a retention (a second, a day): a retention must
 * be a whole number of it; {@code null} when snapshots take no retention
 * @param maxRetention the longest retention; {@code null} for no bound
 * @param changeable what a snapshot taken can have changed
 */
public record SnapshotFeatures(@Nullable Duration retentionUnit, @Nullable Duration maxRetention,
		Set<SnapshotField> changeable) {

	public SnapshotFeatures {
		changeable = Set.copyOf(changeable);
	}

	/**
	 * Why a retention does not fit these features; {@code null} when it does.
	 */
	public @Nullable String retentionProblem(Duration retention) {
		if (this.retentionUnit == null) {
			return "this provider takes no retention";
		}
		if (!retention.isPositive()) {
			return "must be longer than zero";
		}
		if (!retention.equals(this.retentionUnit.multipliedBy(retention.dividedBy(this.retentionUnit)))) {
			return "must be a whole number of " + iso(this.retentionUnit) + " on this provider; " + iso(retention)
					+ " is not, and it is never rounded";
		}
		if (this.maxRetention != null && retention.compareTo(this.maxRetention) > 0) {
			return "must be at most " + iso(this.maxRetention) + " on this provider";
		}
		return null;
	}

	/**
	 * Days as days ({@code P7D}, {@code P1DT1S}), where {@code Duration} would write
	 * {@code PT168H}.
	 */
	private static String iso(Duration duration) {
		long days = duration.toDays();
		Duration rest = duration.minusDays(days);
		if (days <= 0) {
			return duration.toString();
		}
		return "P" + days + "D" + (rest.isZero() ? "" : rest.toString().substring(1));
	}

}
