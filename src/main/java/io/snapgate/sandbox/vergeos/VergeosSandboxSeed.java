package io.snapgate.sandbox.vergeos;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.snapgate.sandbox.vergeos.VergeosSandboxRows.CloudSnapshot;
import io.snapgate.sandbox.vergeos.VergeosSandboxRows.Drive;
import io.snapgate.sandbox.vergeos.VergeosSandboxRows.Machine;
import io.snapgate.sandbox.vergeos.VergeosSandboxRows.Period;
import io.snapgate.sandbox.vergeos.VergeosSandboxRows.Profile;

/**
 * What the emulated system holds when it starts: VMs {@code web-01}, {@code web-02},
 * {@code db-01} and {@code broken-vm} (whose recoveries fail), tenants {@code acme} and
 * {@code globex}, and four cloud snapshots of them: a daily one, an immutable locked one,
 * one past its expiry and one kept until deleted. Member keys start at 100 for VMs and at
 * 1000 for tenants, machine keys at 501, apart from every other key. {@code web-01} and
 * {@code web-02} run, {@code db-01} and {@code broken-vm} are stopped (so that one can be
 * reverted to a snapshot); the guest agent is on in all but {@code web-02}. Each VM has a
 * 20 GiB system drive, and {@code db-01} a 100 GiB data drive too. {@code db-01} has two
 * VM snapshots taken by hand, {@code db-01-before-upgrade} (two days ago, kept until
 * deleted) and {@code db-01-nightly} (a day ago, kept a week), keys 9001 and 9002, so
 * that a stopped VM can be reverted and a snapshot cloned at once. No VM has a snapshot
 * profile.
 * <p>
 * One snapshot profile, {@value #PROFILE}, is the one the system's snapshots use, as
 * VergeOS's own default profile is: its period {@code Hourly} takes a snapshot every hour
 * at minute 0, kept 15 minutes (the newest held by {@code min_snapshots}), and it has
 * taken one at the top of the hour the emulator starts in. It runs every minute while
 * {@code demo-schedule-every-minute} is on.
 */
final class VergeosSandboxSeed {

	static final String PROFILE = "System Snapshots";

	/** The system's name. */
	static final String CLOUD_NAME = "snapgate-sandbox";

	private static final long DAY = 86400;

	private static final long DEMO_RETENTION = 900;

	/**
	 * Machine keys start at 501, apart from VM keys, as on VergeOS, where a VM and its
	 * machine are two rows.
	 */
	static final long MACHINE_KEYS_AFTER = 500;

	private static final long GIB = 1024L * 1024 * 1024;

	static final long SEEDED_VM_SNAPSHOT_KEYS_AFTER = 9000;

	private VergeosSandboxSeed() {
	}

	/** Seeds {@code tables} as they are {@code now} (in epoch seconds). */
	static void plant(VergeosSandboxTables tables, long now) {
		tables.keysAfter("vm_members", 99L);
		tables.keysAfter("tenant_members", 999L);
		tables.keysAfter("machines", MACHINE_KEYS_AFTER);
		for (String vm : List.of("web-01", "web-02", "db-01", "broken-vm")) {
			long key = tables.nextKey("vms");
			long machine = tables.nextKey("machines");
			boolean stopped = vm.equals("db-01") || vm.startsWith("broken");
			tables.addMachine(VergeosSandboxKind.VM, Machine.vm(key, vm, "", now - 90 * DAY, vm.startsWith("broken"),
					machine, stopped ? Machine.STOPPED : Machine.RUNNING, !vm.equals("web-02")));
			tables.addDrive(
					new Drive(tables.nextKey("machine_drives"), machine, vm + "-os", "disk", "virtio-scsi", 20 * GIB));
			if (vm.startsWith("db")) {
				tables.addDrive(new Drive(tables.nextKey("machine_drives"), machine, vm + "-data", "disk",
						"virtio-scsi", 100 * GIB));
			}
		}
		Machine db = tables.vmOfMachine(MACHINE_KEYS_AFTER + 3);
		if (db != null) {
			seedVmSnapshots(tables, now, db);
		}
		for (String tenant : List.of("acme", "globex")) {
			long key = tables.nextKey("tenants");
			tables.addMachine(VergeosSandboxKind.TENANT, Machine.tenant(key, tenant, now - 90 * DAY));
		}
		String day = DateTimeFormatter.ofPattern("yyyyMMdd")
			.withZone(ZoneOffset.UTC)
			.format(Instant.ofEpochSecond(now - DAY));
		snapshot(tables, "Daily_" + day, "Nightly system snapshot", now - DAY, now + 2 * DAY, false, "unlocked", 0,
				"normal", false);
		snapshot(tables, "Weekly_immutable", "Locked against deletion", now - 3 * DAY, now + 27 * DAY, true, "locked",
				now + 27 * DAY, "normal", false);
		snapshot(tables, "Daily_expired", "Past its expiry, kept by min_snapshots", now - 5 * DAY, now - 2 * DAY, false,
				"unlocked", 0, "normal", false);
		snapshot(tables, "pre-upgrade", "Kept until deleted", now - 7 * DAY, 0, false, "unlocked", 0, "held", true);
		long profile = tables.nextKey("snapshot_profiles");
		tables.putProfile(new Profile(profile, PROFILE, "The system's snapshots", false));
		long period = tables.nextKey("snapshot_profile_periods");
		tables.putPeriod(new Period(period, profile, "Hourly", "hourly", 0, 0, "any", 0, 0, DEMO_RETENTION, 1, false,
				false, "1", false));
		tables.useForTheSystem(profile);
		lastHourly(tables, profile, period, now);
	}

	/**
	 * Two VM snapshots of {@code db-01}, with keys (theirs, their VMs', machines' and
	 * drives') from {@value #SEEDED_VM_SNAPSHOT_KEYS_AFTER} on, apart from the keys of
	 * the rows made later, which go on as if none were seeded.
	 */
	private static void seedVmSnapshots(VergeosSandboxTables tables, long now, Machine db) {
		List<String> tablesKeyed = List.of("machine_snapshots", "vms", "machines", "machine_drives");
		Map<String, Long> last = new LinkedHashMap<>();
		for (String table : tablesKeyed) {
			last.put(table, tables.lastKey(table));
			tables.keysAfter(table, SEEDED_VM_SNAPSHOT_KEYS_AFTER);
		}
		VergeosSandboxMachines machines = new VergeosSandboxMachines(tables);
		machines.take(db, "db-01-before-upgrade", "Taken by hand before the database upgrade", now - 2 * DAY, 0, false,
				true, null, 1);
		machines.take(db, "db-01-nightly", "", now - DAY, now + 6 * DAY, false, true, null, 1);
		last.forEach(tables::keysAfter);
	}

	/**
	 * The snapshot the system's profile took at the top of this hour, held past its
	 * expiry by {@code min_snapshots} once it is over.
	 */
	private static void lastHourly(VergeosSandboxTables tables, long profile, long period, long now) {
		long created = now - Math.floorMod(now, 3600L);
		long expires = created + DEMO_RETENTION;
		String name = "Hourly_" + DateTimeFormatter.ofPattern("yyyyMMdd_HHmm")
			.withZone(ZoneOffset.UTC)
			.format(Instant.ofEpochSecond(created));
		tables.addSnapshot(new CloudSnapshot(tables.nextKey("cloud_snapshots"), name,
				"Taken by snapshot profile '" + PROFILE + "'", created, expires, true, false, "unlocked", 0,
				(expires <= now) ? "held" : "normal", 1, null, Instant.ofEpochSecond(created), profile, period));
	}

	private static void snapshot(VergeosSandboxTables tables, String name, String description, long created,
			long expires, boolean immutable, String immutableStatus, long lockExpires, String status,
			boolean privateSnapshot) {
		long key = tables.nextKey("cloud_snapshots");
		tables.addSnapshot(CloudSnapshot.manual(key, name, description, created, expires, privateSnapshot, immutable,
				immutableStatus, lockExpires, status, 1, null, Instant.ofEpochSecond(created)));
	}

}
