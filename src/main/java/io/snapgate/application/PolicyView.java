package io.snapgate.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.snapgate.domain.Policy;
import io.snapgate.domain.PolicyCopy;
import io.snapgate.domain.PolicyStatus;
import org.jspecify.annotations.Nullable;

/**
 * A policy with its health, derived when it is read: nothing about it is kept.
 *
 * @param policy the policy as its provider tells it
 * @param overdueAfter when it becomes overdue unless it makes a snapshot first;
 * {@code null} when it cannot become overdue
 * @param overdue whether it was overdue when read
 * @param copies the health of each of its copy rules, in the policy's order
 */
public record PolicyView(Policy policy, @Nullable Instant overdueAfter, boolean overdue, List<CopyHealth> copies) {

	/**
	 * How many of its schedule's longest intervals a policy may go without a snapshot.
	 */
	static final int INTERVALS = 2;

	public PolicyView {
		copies = List.copyOf(copies);
	}

	/**
	 * An active policy is overdue when no snapshot is newer than two of its schedule's
	 * longest intervals, counted from the later of its last snapshot and its creation.
	 * Only an active policy is expected to make snapshots: one that is not assigned, or
	 * whose provider does not say, is never overdue, and neither is one whose provider
	 * tells neither time. Its copies are overdue alike, counted from the newest copy at
	 * the target, where the backend tells which arrived.
	 */
	public static PolicyView at(Policy policy, Instant now) {
		Instant since = later(policy.lastSnapshotAt(), policy.createdAt());
		if (since == null || policy.status() != PolicyStatus.ACTIVE) {
			return new PolicyView(policy, null, false,
					policy.copies().stream().map((copy) -> new CopyHealth(copy, null, false)).toList());
		}
		Duration allowed = ScheduleIntervals.longestGap(policy.schedule(), now).multipliedBy(INTERVALS);
		Instant after = since.plus(allowed);
		List<CopyHealth> copies = policy.copies().stream().map((copy) -> {
			Instant copiedSince = later(copy.lastCopyTakenAt(), policy.createdAt());
			if (!copy.told() || copiedSince == null) {
				return new CopyHealth(copy, null, false);
			}
			Instant copyAfter = copiedSince.plus(allowed);
			return new CopyHealth(copy, copyAfter, now.isAfter(copyAfter));
		}).toList();
		return new PolicyView(policy, after, now.isAfter(after), copies);
	}

	private static @Nullable Instant later(@Nullable Instant one, @Nullable Instant other) {
		if (one == null || other == null) {
			return (one != null) ? one : other;
		}
		return one.isAfter(other) ? one : other;
	}

	/**
	 * A copy rule's health.
	 *
	 * @param copy the rule and its newest copy at the target
	 * @param overdueAfter when it becomes overdue unless a newer copy arrives first;
	 * {@code null} when it cannot become overdue
	 * @param overdue whether it was overdue when read
	 */
	public record CopyHealth(PolicyCopy copy, @Nullable Instant overdueAfter, boolean overdue) {
	}

}
