package io.snapgate.provider.vergeos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.snapgate.domain.DeleteOutcome;
import io.snapgate.domain.Preview;
import io.snapgate.domain.PreviewBuilder;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotRef;
import org.jspecify.annotations.Nullable;

/**
 * Reads and deletes VM snapshots. A row names its VM's machine, not the VM, and the
 * period that took it, not the profile: rows are read with the VMs of their machines in
 * one request, and the periods they name in one more when any names one.
 */
final class VergeosMachineSnapshots {

	private final VergeosClient client;

	private final VergeosVmClient vms;

	private final VergeosMachines machines;

	private final VergeosMachineSnapshotMapper mapper;

	VergeosMachineSnapshots(VergeosClient client, VergeosVmClient vms, VergeosMachines machines,
			VergeosMachineSnapshotMapper mapper) {
		this.client = client;
		this.vms = vms;
		this.machines = machines;
		this.mapper = mapper;
	}

	Optional<Snapshot> get(String nativeId) {
		return this.vms.machineSnapshot(VergeosMachineSnapshotIds.keyOf(nativeId))
			.map((row) -> snapshots(List.of(row), new HashMap<>(), null).getFirst().orElseThrow());
	}

	/** The row of a VM snapshot, which must exist. */
	VergeosMachineSnapshotRow require(String nativeId) {
		return this.vms.machineSnapshot(VergeosMachineSnapshotIds.keyOf(nativeId))
			.orElseThrow(() -> VergeosErrors.snapshotNotFound(nativeId));
	}

	/**
	 * The rows as snapshots, in their order; empty for a row without a key.
	 * @param vmsByMachine VMs already read, by machine key: they are not read again, and
	 * those read here are added
	 * @param profile the profile every row's period belongs to, when the rows were read
	 * by it; otherwise the periods are read
	 */
	List<Optional<Snapshot>> snapshots(List<VergeosMachineSnapshotRow> rows, Map<String, VergeosVmRow> vmsByMachine,
			@Nullable String profile) {
		List<String> unknown = rows.stream()
			.map(VergeosMachineSnapshotRow::machine)
			.filter((machine) -> machine != null && !vmsByMachine.containsKey(machine))
			.toList();
		if (!unknown.isEmpty()) {
			vmsByMachine.putAll(this.machines.byMachine(unknown));
		}
		Map<String, String> profiles = (profile != null) ? Map.of() : profilesOfPeriods(rows);
		List<Optional<Snapshot>> snapshots = new ArrayList<>();
		for (VergeosMachineSnapshotRow row : rows) {
			if (row.key() == null || !VergeosLimits.isKey(row.key())) {
				snapshots.add(Optional.empty());
				continue;
			}
			String period = row.snapshotPeriod();
			String madeBy = (period == null) ? null : (profile != null) ? profile : profiles.get(period);
			snapshots.add(Optional.of(this.mapper.snapshot(row,
					(row.machine() != null) ? vmsByMachine.get(row.machine()) : null, madeBy)));
		}
		return snapshots;
	}

	DeleteOutcome delete(String nativeId) {
		require(nativeId);
		int status = this.vms.deleteMachineSnapshot(VergeosMachineSnapshotIds.keyOf(nativeId));
		return (status == 202) ? DeleteOutcome.ACCEPTED : DeleteOutcome.DELETED;
	}

	Preview previewDelete(SnapshotRef ref) {
		Snapshot snapshot = get(ref.nativeId()).orElseThrow(() -> VergeosErrors.snapshotNotFound(ref.nativeId()));
		String vm = VergeosMachineSnapshotMapper.vmOf(snapshot);
		return new PreviewBuilder().passed("SNAPSHOT_EXISTS", "Snapshot " + ref + " is '" + snapshot.name() + "'")
			.action(Preview.Change.DELETE, "SNAPSHOT", ref.toString(), snapshot.name(), null,
					"The VM snapshot of " + vm + ", with its own VM")
			.warn(vm + " can no longer be reverted to, nor restored from, snapshot '" + snapshot.name() + "'")
			.build();
	}

	/** The profile of each period the rows name, read in one request. */
	private Map<String, String> profilesOfPeriods(List<VergeosMachineSnapshotRow> rows) {
		List<VergeosFilter> periods = rows.stream()
			.map(VergeosMachineSnapshotRow::snapshotPeriod)
			.filter((period) -> period != null && VergeosLimits.isKey(period))
			.distinct()
			.map((period) -> VergeosFilter.eq("$key", Long.parseLong(period)))
			.toList();
		Map<String, String> profiles = new HashMap<>();
		if (periods.isEmpty()) {
			return profiles;
		}
		for (VergeosPeriodRow period : this.client.periods(VergeosFilter.anyOf(periods))) {
			if (period.key() != null && period.profile() != null) {
				profiles.put(period.key(), period.profile());
			}
		}
		return profiles;
	}

}
