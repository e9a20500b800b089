package io.snapgate.provider.vergeos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.snapgate.provider.UpstreamReply;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * The VergeOS calls on VMs and their snapshots: {@code vms}, {@code machine_snapshots},
 * {@code machine_drives} and {@code vm_actions}, through the {@link VergeosClient}'s
 * exchange, with its rules: fields always named, filters built by {@link VergeosFilter}.
 */
final class VergeosVmClient {

	private static final int MAX_PAGES = 20;

	private final VergeosClient client;

	VergeosVmClient(VergeosClient client) {
		this.client = client;
	}

	/** VM snapshots, newest first. */
	List<VergeosMachineSnapshotRow> machineSnapshots(@Nullable VergeosFilter filter, int limit, int offset) {
		return VergeosJson.rows(this.client.list("/machine_snapshots", VergeosMachineSnapshotRow.FIELDS, "-created",
				filter, limit, offset), VergeosMachineSnapshotRow.class);
	}

	Optional<VergeosMachineSnapshotRow> machineSnapshot(String key) {
		return this.client
			.row("/machine_snapshots/{key}?fields={fields}", key, VergeosMachineSnapshotRow.FIELDS,
					VergeosMachineSnapshotRow.class)
			.filter((row) -> row.key() != null);
	}

	VergeosCreateReply createMachineSnapshot(VergeosNewMachineSnapshot snapshot) {
		UpstreamReply reply = this.client.send(HttpMethod.POST, "/machine_snapshots", Map.of(), snapshot,
				VergeosOperation.MACHINE_SNAPSHOT);
		return VergeosJson.row(reply.body(), VergeosCreateReply.class)
			.orElseGet(() -> new VergeosCreateReply(null, null, null));
	}

	/**
	 * @return the HTTP status of the successful answer
	 */
	int deleteMachineSnapshot(String key) {
		return this.client
			.send(HttpMethod.DELETE, "/machine_snapshots/{key}", Map.of("key", key), null,
					VergeosOperation.MACHINE_SNAPSHOT_DELETE)
			.status();
	}

	/** The VMs that match, at most {@code limit}. */
	List<VergeosVmRow> vms(VergeosFilter filter, int limit) {
		return VergeosJson.rows(this.client.list("/vms", VergeosVmRow.FIELDS, null, filter, limit, 0),
				VergeosVmRow.class);
	}

	/** The VMs, snapshots aside, of this name; at most two. */
	List<VergeosVmRow> vmsNamed(String name) {
		return vms(VergeosFilter.both(VergeosFilter.eq("name", name), VergeosFilter.eq("is_snapshot", false)), 2);
	}

	/** Every VM that matches, by key, page after page. */
	List<VergeosVmRow> allVms(VergeosFilter filter) {
		List<VergeosVmRow> all = new ArrayList<>();
		for (int page = 0; page < MAX_PAGES; page++) {
			List<VergeosVmRow> rows = VergeosJson.rows(this.client.list("/vms", VergeosVmRow.FIELDS, "+$key", filter,
					VergeosClient.PAGE, page * VergeosClient.PAGE), VergeosVmRow.class);
			all.addAll(rows);
			if (rows.size() < VergeosClient.PAGE) {
				break;
			}
		}
		return all;
	}

	Optional<VergeosVmRow> vm(String key) {
		return this.client.row("/vms/{key}?fields={fields}", key, VergeosVmRow.FIELDS, VergeosVmRow.class)
			.filter((row) -> row.key() != null);
	}

	/** The drives of a machine, by name. */
	List<VergeosDriveRow> drives(String machineKey) {
		return VergeosJson.rows(
				this.client.list("/machine_drives", VergeosDriveRow.FIELDS, "+name",
						VergeosFilter.eq("machine", Long.parseLong(machineKey)), VergeosClient.PAGE, 0),
				VergeosDriveRow.class);
	}

	void act(VergeosVmAction action, VergeosOperation operation) {
		this.client.send(HttpMethod.POST, "/vm_actions", Map.of(), action, operation);
	}

	void changeProfile(String vmKey, VergeosVmProfileChange change) {
		this.client.send(HttpMethod.PUT, "/vms/{key}", Map.of("key", vmKey), change, VergeosOperation.VM_CHANGE);
	}

}
