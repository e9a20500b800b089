package io.snapgate.application;

import java.time.Duration;
import java.time.Instant;

import io.snapgate.domain.Policy;
import io.snapgate.domain.PolicyStatus;
import org.jspecify.annotations.Nullable;

/**
 * A policy with its health, derived when it is read: nothing about it is kept.
 *
 * @param policy the policy as its provider tells it
 * @param overdueAfter when it becomes overdue unless it makes a snapshot first;
 * {@code null} when it cannot become overdue
 * @param overdue whether it was overdue when read
 */
public record PolicyView(Policy policy, @Nullable Instant overdueAfter, boolean overdue) {

	/**
	 * How many of its schedule's longest intervals a policy may go without a snapshot.
	 */
	static final int INTERVALS = 2;

	/**
	 * An active policy is overdue when no snapshot is newer than two of its schedule's
	 * longest intervals, counted from the later of its last snapshot and its creation.
	 * Only an active policy is expected to make snapshots: one that is not assigned, or
	 * whose provider does not say, is never overdue, and neither is one whose provider
	 * tells neither time.
	 */
	public static PolicyView at(Policy policy, Instant now) {
		Instant since = later(policy.lastSnapshotAt(), policy.createdAt());
		if (since == null || policy.status() != PolicyStatus.ACTIVE) {
			return new PolicyView(policy, null, false);
		}
		Duration allowed = ScheduleIntervals.longestGap(policy.schedule(), now).multipliedBy(INTERVALS);
		Instant after = since.plus(allowed);
		return new PolicyView(policy, after, now.isAfter(after));
	}

	private static @Nullable Instant later(@Nullable Instant one, @Nullable Instant other) {
		if (one == null || other == null) {
			return (one != null) ? one : other;
		}
		return one.isAfter(other) ? one : other;
	}

}
