package io.snapgate.provider.vergeos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.snapgate.domain.Scope;
import io.snapgate.domain.SnapshotQuery;
import org.jspecify.annotations.Nullable;

/**
 * The VM snapshots of a listing, as one source of a {@link VergeosMergedPage}. Expiry,
 * name and creation time are filtered upstream as for cloud snapshots; a machine
 * ({@code ?machine=}, a VM's key) by its machine key, read first; a policy by the periods
 * of its profile, read first ({@code snapshot_period eq ...}), since a VM snapshot names
 * its period, not its profile. The VMs of a listing's snapshots are read once for the
 * whole listing.
 */
final class VergeosMachineListing {

	private final VergeosClient client;

	private final VergeosVmClient vms;

	private final VergeosMachines machines;

	private final VergeosMachineSnapshots snapshots;

	VergeosMachineListing(VergeosClient client, VergeosVmClient vms, VergeosMachines machines,
			VergeosMachineSnapshots snapshots) {
		this.client = client;
		this.vms = vms;
		this.machines = machines;
		this.snapshots = snapshots;
	}

	/**
	 * The source of the VM snapshots that may match; {@code null} when none can: a
	 * listing of system snapshots, or of a VM or a policy VergeOS does not show.
	 */
	VergeosMergedPage.@Nullable Source source(SnapshotQuery query, Instant now) {
		if (query.scope() == Scope.SYSTEM) {
			return null;
		}
		List<VergeosFilter> parts = new ArrayList<>();
		if (!query.includeExpired()) {
			parts.add(VergeosFilter.anyOf(List.of(VergeosFilter.eq("expires", 0), VergeosFilter.eq("expires", null),
					VergeosFilter.gt("expires", now.getEpochSecond()))));
		}
		if (query.name() != null) {
			parts.add(VergeosFilter.eq("name", query.name()));
		}
		VergeosListing.commonFilters(query, parts);
		Map<String, VergeosVmRow> vmsByMachine = new HashMap<>();
		String machine = query.machine();
		if (machine != null) {
			Optional<VergeosVmRow> vm = this.machines.byKey(machine);
			if (vm.isEmpty()) {
				return null;
			}
			String machineKey = VergeosMachines.requireMachine(vm.get());
			parts.add(VergeosFilter.eq("machine", Long.parseLong(machineKey)));
			vmsByMachine.put(machineKey, vm.get());
		}
		String policy = query.policy();
		if (policy != null) {
			List<VergeosFilter> periods = this.client.periods(VergeosFilter.eq("profile", Long.parseLong(policy)))
				.stream()
				.map(VergeosPeriodRow::key)
				.filter((key) -> key != null && VergeosLimits.isKey(key))
				.map((key) -> VergeosFilter.eq("snapshot_period", Long.parseLong(key)))
				.toList();
			if (periods.isEmpty()) {
				return null;
			}
			parts.add(VergeosFilter.anyOf(periods));
		}
		VergeosFilter filter = VergeosFilter.allOf(parts);
		return (offset, limit) -> this.snapshots.snapshots(this.vms.machineSnapshots(filter, limit, offset),
				vmsByMachine, policy);
	}

}
