package io.snapgate.sandbox.vergeos;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The rows of the emulated tables, each able to answer as VergeOS shows it at a given
 * time.
 */
final class VergeosSandboxRows {

	private VergeosSandboxRows() {
	}

	/** The one row of {@code system}, of the system {@code cloudName}. */
	static Map<String, @Nullable Object> system(String cloudName) {
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		row.put("$key", 1L);
		row.put("yb_version", "4.12.6");
		row.put("os_version", "26.1");
		row.put("cloud_name", cloudName);
		row.put("branch", "stable");
		return row;
	}

	/**
	 * A row of {@code cloud_snapshots}; its {@code task} shows until the snapshot is
	 * ready. {@code profile} and {@code period} name the snapshot profile period that
	 * took it; both are {@code null} for one taken by hand.
	 */
	record CloudSnapshot(long key, String name, String description, long created, long expires, boolean privateSnapshot,
			boolean immutable, String immutableStatus, long lockExpires, String status, int minSnapshots,
			@Nullable Long task, Instant readyAt, @Nullable Long profile, @Nullable Long period) {

		/** A snapshot taken by hand. */
		static CloudSnapshot manual(long key, String name, String description, long created, long expires,
				boolean privateSnapshot, boolean immutable, String immutableStatus, long lockExpires, String status,
				int minSnapshots, @Nullable Long task, Instant readyAt) {
			return new CloudSnapshot(key, name, description, created, expires, privateSnapshot, immutable,
					immutableStatus, lockExpires, status, minSnapshots, task, readyAt, null, null);
		}

		/**
		 * The same snapshot with what a {@code PUT} may change: its description, expiry,
		 * privacy and lock.
		 */
		CloudSnapshot changed(String description, long expires, boolean privateSnapshot, boolean immutable,
				String immutableStatus, long lockExpires) {
			return new CloudSnapshot(this.key, this.name, description, this.created, expires, privateSnapshot,
					immutable, immutableStatus, lockExpires, this.status, this.minSnapshots, this.task, this.readyAt,
					this.profile, this.period);
		}

		/** The same snapshot, kept past its expiry by {@code min_snapshots}. */
		CloudSnapshot held() {
			return new CloudSnapshot(this.key, this.name, this.description, this.created, this.expires,
					this.privateSnapshot, this.immutable, this.immutableStatus, this.lockExpires, "held",
					this.minSnapshots, this.task, this.readyAt, this.profile, this.period);
		}

		boolean isExpiredAt(long now) {
			return this.expires != 0 && this.expires <= now;
		}

		String immutableStatus(Instant now) {
			return (this.immutableStatus.equals("unlocking") && this.lockExpires <= now.getEpochSecond()) ? "unlocked"
					: this.immutableStatus;
		}

		Map<String, @Nullable Object> row(Instant now) {
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			row.put("$key", this.key);
			row.put("name", this.name);
			row.put("description", this.description);
			row.put("created", this.created);
			row.put("expires", this.expires);
			row.put("snapshot_profile", this.profile);
			row.put("snapshot_period", this.period);
			row.put("private", this.privateSnapshot);
			row.put("remote_sync", false);
			row.put("immutable", this.immutable);
			row.put("immutable_status", immutableStatus(now));
			row.put("immutable_lock_expires", this.lockExpires);
			row.put("status", this.status);
			row.put("status_info", "");
			row.put("task", now.isBefore(this.readyAt) ? this.task : null);
			return row;
		}

	}

	/**
	 * A row of {@code cloud_snapshot_vms} or {@code cloud_snapshot_tenants}: one machine
	 * as a snapshot holds it, and its recovery, if one was asked for.
	 */
	record Member(long key, VergeosSandboxKind kind, long snapshot, long originalKey, String name, boolean fails,
			@Nullable Recovery recovery) {

		Member recovering(Recovery recovery) {
			return new Member(this.key, this.kind, this.snapshot, this.originalKey, this.name, this.fails, recovery);
		}

		/**
		 * @param started how long after the request the recovery is {@code importing}
		 * @param finished how long after the request it is {@code complete} (or
		 * {@code error})
		 */
		Map<String, @Nullable Object> row(Instant now, Duration started, Duration finished) {
			String status = "idle";
			String info = "";
			if (this.recovery != null && !now.isBefore(this.recovery.requestedAt().plus(finished))) {
				status = this.recovery.fails() ? "error" : "complete";
				info = this.recovery.fails() ? "Recovery failed: the snapshot data of this machine is unreadable"
						: "Restored to: " + this.recovery.name();
			}
			else if (this.recovery != null && !now.isBefore(this.recovery.requestedAt().plus(started))) {
				status = "importing";
				info = "Importing into " + this.recovery.name();
			}
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			row.put("$key", this.key);
			row.put("cloud_snapshot", this.snapshot);
			row.put("name", this.name);
			row.put("description", "");
			this.kind.putHardware(row);
			row.put("is_snapshot", true);
			row.put("status", status);
			row.put("status_info", info);
			row.put("original_key", this.originalKey);
			return row;
		}

	}

	/**
	 * A recovery of a member into the machine {@code name}, asked for at
	 * {@code requestedAt}.
	 */
	record Recovery(Instant requestedAt, String name, boolean fails) {
	}

	/**
	 * A row of {@code vms} or {@code tenants}; {@code recoverFails} marks one whose
	 * recoveries fail. A VM also has the key of its machine (the row that holds its
	 * drives, its power state and its snapshots), is a snapshot or not (VergeOS keeps the
	 * VM of each VM snapshot as a row of {@code vms}), is {@code running} or
	 * {@code stopped}, may be given a snapshot profile (written as the VM's
	 * {@code snapshot_profile}, kept on its machine and read as
	 * {@code machine#snapshot_profile}), and may have the guest agent on.
	 */
	record Machine(long key, String name, String description, long created, boolean recoverFails, long machineKey,
			boolean snapshot, String status, @Nullable Long snapshotProfile, boolean guestAgent) {

		static final String RUNNING = "running";

		static final String STOPPED = "stopped";

		/** A tenant, which has no machine of its own here. */
		static Machine tenant(long key, String name, long created) {
			return new Machine(key, name, "", created, false, 0, false, RUNNING, null, false);
		}

		/** A VM that is no snapshot. */
		static Machine vm(long key, String name, String description, long created, boolean recoverFails,
				long machineKey, String status, boolean guestAgent) {
			return new Machine(key, name, description, created, recoverFails, machineKey, false, status, null,
					guestAgent);
		}

		/** The VM of a VM snapshot: stopped, and never given a profile. */
		static Machine snapshotOf(long key, String name, long created, long machineKey) {
			return new Machine(key, name, "", created, false, machineKey, true, STOPPED, null, false);
		}

		boolean isRunning() {
			return this.status.equals(RUNNING);
		}

		Machine withStatus(String status) {
			return new Machine(this.key, this.name, this.description, this.created, this.recoverFails, this.machineKey,
					this.snapshot, status, this.snapshotProfile, this.guestAgent);
		}

		Machine withProfile(@Nullable Long profile) {
			return new Machine(this.key, this.name, this.description, this.created, this.recoverFails, this.machineKey,
					this.snapshot, this.status, profile, this.guestAgent);
		}

		Map<String, @Nullable Object> row(VergeosSandboxKind kind) {
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			row.put("$key", this.key);
			row.put("name", this.name);
			row.put("description", this.description);
			row.put("created", this.created);
			kind.putHardware(row);
			row.put("is_snapshot", this.snapshot);
			if (kind == VergeosSandboxKind.VM) {
				row.put("machine", this.machineKey);
				row.put("guest_agent", this.guestAgent);
				row.put("machine#status#running", isRunning());
				row.put("machine#status#status", this.status);
				row.put("machine#snapshot_profile", this.snapshotProfile);
			}
			return row;
		}

	}

	/**
	 * A row of {@code machine_snapshots}: a snapshot of one VM's {@code machine}, whose
	 * own VM has the machine {@code snapMachine}. {@code expires} {@code 0} is never;
	 * {@code period} names the profile period that took it, {@code null} for one taken by
	 * hand.
	 */
	record MachineSnapshot(long key, String name, String description, long created, long expires, boolean quiesced,
			boolean createdManually, long machine, long snapMachine, @Nullable Long period, int minSnapshots) {

		boolean isExpiredAt(long now) {
			return this.expires != 0 && this.expires <= now;
		}

		Map<String, @Nullable Object> row() {
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			row.put("$key", this.key);
			row.put("name", this.name);
			row.put("description", this.description);
			row.put("created", this.created);
			row.put("expires", this.expires);
			row.put("expires_type", (this.expires == 0) ? "never" : "date");
			row.put("quiesced", this.quiesced);
			row.put("created_manually", this.createdManually);
			row.put("machine", this.machine);
			row.put("snap_machine", this.snapMachine);
			row.put("snapshot_period", this.period);
			return row;
		}

	}

	/** A row of {@code machine_drives}: one disk of a machine, its size in bytes. */
	record Drive(long key, long machine, String name, String media, String driveInterface, long diskSize) {

		Drive of(long newKey, long newMachine) {
			return new Drive(newKey, newMachine, this.name, this.media, this.driveInterface, this.diskSize);
		}

		Map<String, @Nullable Object> row() {
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			row.put("$key", this.key);
			row.put("machine", this.machine);
			row.put("name", this.name);
			row.put("media", this.media);
			row.put("interface", this.driveInterface);
			row.put("disksize", this.diskSize);
			return row;
		}

	}

	/** A row of {@code snapshot_profiles}. */
	record Profile(long key, String name, String description, boolean ignoreWarnings) {

		Map<String, @Nullable Object> row() {
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			row.put("$key", this.key);
			row.put("name", this.name);
			row.put("description", this.description);
			row.put("ignore_warnings", this.ignoreWarnings);
			return row;
		}

	}

	/**
	 * A row of {@code snapshot_profile_periods}: when a profile takes a snapshot and how
	 * long it keeps it ({@code retention} seconds, {@code 0} for ever).
	 */
	record Period(long key, long profile, String name, String frequency, int minute, int hour, String dayOfWeek,
			int dayOfMonth, int month, long retention, int minSnapshots, boolean immutable, boolean skipMissed,
			String maxTier, boolean quiesce) {

		Map<String, @Nullable Object> row() {
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			row.put("$key", this.key);
			row.put("profile", this.profile);
			row.put("name", this.name);
			row.put("frequency", this.frequency);
			row.put("minute", this.minute);
			row.put("hour", this.hour);
			row.put("day_of_week", this.dayOfWeek);
			row.put("day_of_month", this.dayOfMonth);
			row.put("month", this.month);
			row.put("retention", this.retention);
			row.put("skip_missed", this.skipMissed);
			row.put("max_tier", this.maxTier);
			row.put("quiesce", this.quiesce);
			row.put("min_snapshots", this.minSnapshots);
			row.put("immutable", this.immutable);
			row.put("estimated_snapshot_count", null);
			return row;
		}

	}

	/** A row of {@code tasks}, {@code running} until {@code runningUntil}. */
	record Task(long key, String name, String table, Instant runningUntil) {

		Map<String, @Nullable Object> row(Instant now) {
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			row.put("$key", this.key);
			row.put("name", this.name);
			row.put("table", this.table);
			row.put("status", now.isBefore(this.runningUntil) ? "running" : "idle");
			return row;
		}

	}

}
