package io.snapgate.domain;

import org.jspecify.annotations.Nullable;

/**
 * A request to restore from a snapshot. An in-place target has been confirmed before the
 * command reaches a provider.
 *
 * @param snapshotNativeId the provider's id of the snapshot
 * @param target what to restore
 * @param newName for a copy, the name to give it
 * @param safetySnapshot for an in-place rollback, whether to snapshot the disk's current
 * state first, so that the rollback can be undone
 * @param idempotency the caller's idempotency key, if any: the same key and request start
 * one restore, however often they are sent
 */
public record RestoreCommand(String snapshotNativeId, RestoreTarget target, @Nullable String newName,
		boolean safetySnapshot, @Nullable IdempotencyKey idempotency) {
}
