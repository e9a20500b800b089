package io.snapgate.provider.vergeos;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PUT vms/<key>} that gives a VM a snapshot profile, or, with
 * {@code null}, takes it off: {@code {"snapshot_profile": 7}}.
 */
record VergeosVmProfileChange(@JsonProperty("snapshot_profile") @Nullable Long snapshotProfile) {
}
