package io.snapgate.provider.vergeos;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;

/**
 * Finds VMs. VergeOS keeps the VM of each VM snapshot as a row of {@code vms} too, with
 * {@code is_snapshot} true and, often, a name like any other VM's: every look-up here
 * that names a VM asks only for rows that are no snapshot, but the one that asks for a
 * snapshot's own VM.
 */
final class VergeosMachines {

	private final VergeosVmClient client;

	VergeosMachines(VergeosVmClient client) {
		this.client = client;
	}

	/**
	 * The VM a caller named, by its key or its name. Digits are read as a key first, then
	 * as a name.
	 * @param field the request field that named it, for errors
	 * @throws NotFoundException with {@code MACHINE_NOT_FOUND} when no VM has that key or
	 * name
	 * @throws InvalidRequestException when several VMs have the name
	 */
	VergeosVmRow resolve(String named, String field) {
		if (VergeosLimits.isKey(named)) {
			Optional<VergeosVmRow> byKey = this.client.vm(named).filter((vm) -> !vm.isSnapshot());
			if (byKey.isPresent()) {
				requireMachine(byKey.get());
				return byKey.get();
			}
		}
		List<VergeosVmRow> byName = this.client
			.vms(VergeosFilter.both(VergeosFilter.eq("name", named), VergeosFilter.eq("is_snapshot", false)), 2);
		if (byName.size() > 1) {
			throw InvalidRequestException.field(field,
					"several VergeOS VMs are named '" + named + "': give the VM's key instead");
		}
		VergeosVmRow vm = byName.stream()
			.findFirst()
			.filter((row) -> row.key() != null && VergeosLimits.isKey(row.key()))
			.orElseThrow(() -> notFound(named));
		requireMachine(vm);
		return vm;
	}

	/** A VM that is no snapshot, by its key. */
	Optional<VergeosVmRow> byKey(String key) {
		return VergeosLimits.isKey(key) ? this.client.vm(key).filter((vm) -> !vm.isSnapshot()) : Optional.empty();
	}

	/** The VMs, snapshots aside, of these machines, by machine key; one request. */
	Map<String, VergeosVmRow> byMachine(Collection<String> machineKeys) {
		Map<String, VergeosVmRow> vms = new HashMap<>();
		List<VergeosFilter> machines = machineKeys.stream()
			.filter(VergeosLimits::isKey)
			.distinct()
			.map((key) -> VergeosFilter.eq("machine", Long.parseLong(key)))
			.toList();
		if (machines.isEmpty()) {
			return vms;
		}
		VergeosFilter filter = VergeosFilter.both(VergeosFilter.anyOf(machines),
				VergeosFilter.eq("is_snapshot", false));
		for (VergeosVmRow vm : this.client.vms(filter, machines.size())) {
			if (vm.machine() != null && vm.key() != null) {
				vms.putIfAbsent(vm.machine(), vm);
			}
		}
		return vms;
	}

	/**
	 * The VM of a VM snapshot: the row of {@code vms} of its machine that is a snapshot.
	 */
	Optional<VergeosVmRow> snapshotVm(String snapMachine) {
		VergeosFilter filter = VergeosFilter.both(VergeosFilter.eq("machine", Long.parseLong(snapMachine)),
				VergeosFilter.eq("is_snapshot", true));
		return this.client.vms(filter, 2)
			.stream()
			.filter((vm) -> vm.key() != null && VergeosLimits.isKey(vm.key()))
			.findFirst();
	}

	/**
	 * @throws io.snapgate.domain.UpstreamErrorException when VergeOS shows no machine key
	 * for the VM
	 */
	static String requireMachine(VergeosVmRow vm) {
		String machine = vm.machine();
		if (machine == null || !VergeosLimits.isKey(machine)) {
			throw VergeosErrors.unreadableField("machine", "VM " + vm.key());
		}
		return machine;
	}

	static NotFoundException notFound(String named) {
		return new NotFoundException(ErrorCode.MACHINE_NOT_FOUND, "VergeOS has no VM '" + named + "'");
	}

}
