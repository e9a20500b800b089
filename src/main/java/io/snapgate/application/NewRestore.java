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
 */
public record NewRestore(SnapshotRef snapshot, RestoreTargetType targetType, @Nullable String member,
		@Nullable String newName, boolean confirmInPlace) {
}
