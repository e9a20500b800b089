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

	/** The one row of {@code system}. */
	static Map<String, @Nullable Object> system() {
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		row.put("$key", 1L);
		row.put("yb_version", "4.12.6");
		row.put("os_version", "26.1");
		row.put("cloud_name", "snapgate-sandbox");
		row.put("branch", "stable");
		return row;
	}

	/**
	 * A row of {@code cloud_snapshots}; its {@code task} shows until the snapshot is
	 * ready.
	 */
	record CloudSnapshot(long key, String name, String description, long created, long expires, boolean privateSnapshot,
			boolean immutable, String immutableStatus, long lockExpires, String status, int minSnapshots,
			@Nullable Long task, Instant readyAt) {

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
			row.put("snapshot_profile", null);
			row.put("snapshot_period", null);
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
	 * recoveries fail.
	 */
	record Machine(long key, String name, String description, long created, boolean recoverFails) {

		Map<String, @Nullable Object> row(VergeosSandboxKind kind) {
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			row.put("$key", this.key);
			row.put("name", this.name);
			row.put("description", this.description);
			row.put("created", this.created);
			kind.putHardware(row);
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
