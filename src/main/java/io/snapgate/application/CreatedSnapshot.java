package io.snapgate.application;

import io.snapgate.domain.Snapshot;

/**
 * The outcome of a create: the snapshot, and whether it reached a settled state while the
 * caller waited.
 */
public record CreatedSnapshot(Snapshot snapshot, boolean settled) {
}
