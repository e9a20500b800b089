package io.snapgate.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A policy's copy rule as its backend runs it, with the newest copy known to have reached
 * the target.
 *
 * @param rule where each snapshot goes, and for how long it is kept there
 * @param told whether the backend tells which copies arrived; when it does not, the rule
 * has no last copy and is never overdue
 * @param lastCopyTakenAt when the snapshot behind the newest copy at the target was
 * taken, so that its age is how old the newest off-site data is; {@code null} while none
 * has arrived
 * @param lastCopyNativeId the newest copy's id at the target, where known
 */
public record PolicyCopy(CopyRule rule, boolean told, @Nullable Instant lastCopyTakenAt,
		@Nullable String lastCopyNativeId) {

	/** A rule whose copies the backend does not tell. */
	public static PolicyCopy untold(CopyRule rule) {
		return new PolicyCopy(rule, false, null, null);
	}

}
