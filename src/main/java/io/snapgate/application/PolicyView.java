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
	 * A policy is overdue when no snapshot is newer than two of its schedule's longest
	 * intervals, counted from its last snapshot or, while it has made none, from its
	 * creation. One that is paused or protects nothing is not expected to make any, and
	 * one whose provider tells neither time cannot be judged: none of these is overdue.
	 */
	public static PolicyView at(Policy policy, Instant now) {
		Instant since = (policy.lastSnapshotAt() != null) ? policy.lastSnapshotAt() : policy.createdAt();
		if (since == null || policy.status() == PolicyStatus.PAUSED || policy.targets().isEmpty()) {
			return new PolicyView(policy, null, false);
		}
		Duration allowed = ScheduleIntervals.longestGap(policy.schedule(), now).multipliedBy(INTERVALS);
		Instant after = since.plus(allowed);
		return new PolicyView(policy, after, now.isAfter(after));
	}

}
