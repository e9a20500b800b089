package io.snapgate.application;

import io.snapgate.domain.SnapshotRef;
import org.jspecify.annotations.Nullable;

/**
 * A caller's request to restore from a snapshot.
 *
 * @param snapshot the snapshot to restore from
 * @param targetType {@code VM}, {@code TENANT} or {@code VOLUME}
 * @param member for a VM or tenant, its member name or member id
 * @param newName for a copy, the name to give it
 * @param confirmInPlace the caller's confirmation that an in-place restore may destroy
 * current data
 * @param safetySnapshot for an in-place restore, whether to snapshot the disk first
 * ({@code null}: yes)
 * @param idempotencyKey the caller's {@code Idempotency-Key}, if any
 */
public record NewRestore(SnapshotRef snapshot, RestoreTargetType targetType, @Nullable String member,
		@Nullable String newName, boolean confirmInPlace, @Nullable Boolean safetySnapshot,
		@Nullable String idempotencyKey) {

	/**
	 * What the request asks for, written the same way for the same request on every
	 * replica: the fingerprint under the idempotency key.
	 */
	String canonicalForm() {
		return String.join("\n", "restore", this.snapshot.toString(), this.targetType.name(),
				String.valueOf(this.member), String.valueOf(this.newName), String.valueOf(this.confirmInPlace),
				String.valueOf(takesSafetySnapshot()));
	}

	boolean takesSafetySnapshot() {
		return !Boolean.FALSE.equals(this.safetySnapshot);
	}

}
