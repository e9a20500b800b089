package io.snapgate.domain;

import org.jspecify.annotations.Nullable;

/**
 * The disk a {@link Scope#VOLUME} snapshot was taken of.
 *
 * @param volumeId the disk's own id
 * @param diskType system or data disk
 * @param instanceId the instance the disk belongs to, when known
 */
public record VolumeSource(String volumeId, DiskType diskType, @Nullable String instanceId) implements SnapshotSource {
}
