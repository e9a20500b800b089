package io.snapgate.sandbox.vergeos;

import io.snapgate.sandbox.vergeos.VergeosSandboxRows.Drive;
import io.snapgate.sandbox.vergeos.VergeosSandboxRows.Machine;

/**
 * What the emulated DR site holds when it starts: one running VM, {@code dr-jump-01},
 * with a 20 GiB drive, and nothing else: no cloud snapshot (they arrive through the main
 * site's outgoing sync) and no snapshot profile, so its own schedule takes nothing.
 */
final class VergeosSandboxDrSeed {

	/** The DR site's name. */
	static final String CLOUD_NAME = "snapgate-sandbox-dr";

	private static final long DAY = 86400;

	private static final long GIB = 1024L * 1024 * 1024;

	private VergeosSandboxDrSeed() {
	}

	/** Seeds {@code tables} as they are {@code now} (in epoch seconds). */
	static void plant(VergeosSandboxTables tables, long now) {
		tables.keysAfter("machines", VergeosSandboxSeed.MACHINE_KEYS_AFTER);
		long machine = tables.nextKey("machines");
		tables.addMachine(VergeosSandboxKind.VM, Machine.vm(tables.nextKey("vms"), "dr-jump-01",
				"Jump host of the DR site", now - 30 * DAY, false, machine, Machine.RUNNING, true));
		tables.addDrive(
				new Drive(tables.nextKey("machine_drives"), machine, "dr-jump-01-os", "disk", "virtio-scsi", 20 * GIB));
	}

}
