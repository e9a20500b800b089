package io.snapgate.sandbox.vergeos;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables the emulator serves and the columns of each, in VergeOS's order: what
 * {@code fields}, {@code filter} and {@code sort} may name.
 */
final class VergeosSandboxColumns {

	private static final Map<String, Set<String>> COLUMNS = Map.of("cloud_snapshots", columns("$key", "name",
			"description", "created", "expires", "snapshot_profile", "snapshot_period", "private", "remote_sync",
			"immutable", "immutable_status", "immutable_lock_expires", "status", "status_info", "task"),
			"cloud_snapshot_vms",
			columns("$key", "cloud_snapshot", "name", "description", "cpu_cores", "ram", "os_family", "is_snapshot",
					"status", "status_info", "original_key"),
			"cloud_snapshot_tenants",
			columns("$key", "cloud_snapshot", "name", "description", "nodes", "cpu_cores", "ram", "is_snapshot",
					"status", "status_info", "original_key"),
			"snapshot_profiles", columns("$key", "name", "description", "ignore_warnings"), "snapshot_profile_periods",
			columns("$key", "profile", "name", "frequency", "minute", "hour", "day_of_week", "day_of_month", "month",
					"retention", "skip_missed", "max_tier", "quiesce", "min_snapshots", "immutable",
					"estimated_snapshot_count"),
			"vms", columns("$key", "name", "description", "created", "cpu_cores", "ram", "os_family"), "tenants",
			columns("$key", "name", "description", "created", "nodes", "cpu_cores", "ram"), "tasks",
			columns("$key", "name", "table", "status"), "system",
			columns("$key", "yb_version", "os_version", "cloud_name", "branch"));

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
