package io.snapgate.domain;

/**
 * What a snapshot was taken of: one disk, or one machine with its disks. A system
 * snapshot has none.
 */
public sealed interface SnapshotSource permits VolumeSource, MachineSource {

}
