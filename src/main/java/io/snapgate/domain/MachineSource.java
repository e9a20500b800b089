package io.snapgate.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The machine a {@link Scope#MACHINE} snapshot was taken of: a VM, or an instance with
 * all its disks.
 *
 * @param machine the machine's own id (a VM's key, an instance's id)
 * @param name the machine's name, when known
 * @param disks the disks the snapshot holds, one snapshot each, where the provider keeps
 * them apart; empty where it keeps them as one
 */
public record MachineSource(String machine, @Nullable String name, List<MachineDisk> disks) implements SnapshotSource {

	public MachineSource {
		disks = List.copyOf(disks);
	}

	/**
	 * One disk of a machine snapshot.
	 *
	 * @param volumeId the disk's id
	 * @param diskType system or data disk
	 * @param snapshotId the provider's id of this disk's own snapshot, when it has one
	 * @param status the neutral status of that disk's snapshot
	 */
	public record MachineDisk(String volumeId, DiskType diskType, @Nullable String snapshotId,
			@Nullable SnapshotStatus status) {
	}

}
