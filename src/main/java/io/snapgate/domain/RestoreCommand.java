package io.snapgate.domain;

import org.jspecify.annotations.Nullable;

/**
 * A request to restore from a snapshot. An in-place target has been confirmed before the
 * command reaches a provider.
 *
 * @param snapshotNativeId the provider's id of the snapshot
 * @param target what to restore
 * @param newName for a copy, the name to give it
 */
public record RestoreCommand(String snapshotNativeId, RestoreTarget target, @Nullable String newName) {
}
