package io.snapgate.sandbox.vergeos;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables the emulator serves and the columns of each, in VergeOS's order: what
 * {@code fields}, {@code filter} and {@code sort} may name. A column with {@code #} is a
 * join (a VM's machine's status, say), which {@code fields} may name with an alias
 * ({@code machine#status#running as running}) and a filter may not.
 */
final class VergeosSandboxColumns {

	private static final Map<String, Set<String>> COLUMNS = Map.ofEntries(
			Map.entry("cloud_snapshots",
					columns("$key", "name", "description", "created", "expires", "snapshot_profile", "snapshot_period",
							"private", "remote_sync", "immutable", "immutable_status", "immutable_lock_expires",
							"status", "status_info", "task")),
			Map.entry("cloud_snapshot_vms",
					columns("$key", "cloud_snapshot", "name", "description", "cpu_cores", "ram", "os_family",
							"is_snapshot", "status", "status_info", "original_key")),
			Map.entry("cloud_snapshot_tenants",
					columns("$key", "cloud_snapshot", "name", "description", "nodes", "cpu_cores", "ram", "is_snapshot",
							"status", "status_info", "original_key")),
			Map.entry("snapshot_profiles", columns("$key", "name", "description", "ignore_warnings")),
			Map.entry("snapshot_profile_periods",
					columns("$key", "profile", "name", "frequency", "minute", "hour", "day_of_week", "day_of_month",
							"month", "retention", "skip_missed", "max_tier", "quiesce", "min_snapshots", "immutable",
							"estimated_snapshot_count")),
			Map.entry("vms",
					columns("$key", "name", "description", "created", "cpu_cores", "ram", "os_family", "is_snapshot",
							"machine", "guest_agent", "machine#status#running", "machine#status#status",
							"machine#snapshot_profile")),
			Map.entry("tenants",
					columns("$key", "name", "description", "created", "nodes", "cpu_cores", "ram", "is_snapshot")),
			Map.entry("machine_snapshots",
					columns("$key", "name", "description", "created", "expires", "expires_type", "quiesced",
							"created_manually", "machine", "snap_machine", "snapshot_period")),
			Map.entry("machine_drives", columns("$key", "machine", "name", "media", "interface", "disksize")),
			Map.entry("tasks", columns("$key", "name", "table", "status")),
			Map.entry("system", columns("$key", "yb_version", "os_version", "cloud_name", "branch")),
			Map.entry("site_syncs_outgoing",
					columns("$key", "name", "description", "site", "enabled", "status", "state", "url", "encryption",
							"compression", "netinteg", "threads", "file_threads", "sendthrottle", "destination_tier",
							"last_run", "remote_min_snapshots")),
			Map.entry("site_syncs_outgoing_queue",
					columns("$key", "site_syncs_outgoing", "cloud_snapshot", "status", "retention", "remote_expiration",
							"priority", "do_not_expire", "destination_prefix", "timestamp")),
			Map.entry("site_syncs_outgoing_remote_snaps",
					columns("$key", "site_syncs_outgoing", "name", "status", "remote_key", "created", "expires")),
			Map.entry("site_syncs_outgoing_profile_periods", columns("$key", "site_syncs_outgoing", "profile_period",
					"retention", "priority", "do_not_expire", "destination_prefix")));

	private VergeosSandboxColumns() {
	}

	/**
	 * @throws VergeosSandboxException (404) for a table the emulator does not serve
	 */
	static Set<String> of(String table) {
		Set<String> columns = COLUMNS.get(table);
		if (columns == null) {
			throw new VergeosSandboxException(404, "Invalid table: " + table);
		}
		return columns;
	}

	private static Set<String> columns(String... names) {
		return new LinkedHashSet<>(List.of(names));
	}

}
