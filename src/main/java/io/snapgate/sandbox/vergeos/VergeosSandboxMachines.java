package io.snapgate.sandbox.vergeos;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.snapgate.sandbox.vergeos.VergeosSandboxRows.Machine;
import io.snapgate.sandbox.vergeos.VergeosSandboxRows.MachineSnapshot;
import tools.jackson.databind.JsonNode;

import org.jspecify.annotations.Nullable;

import static io.snapgate.sandbox.vergeos.VergeosSandboxInput.flag;
import static io.snapgate.sandbox.vergeos.VergeosSandboxInput.name;
import static io.snapgate.sandbox.vergeos.VergeosSandboxInput.oneOf;
import static io.snapgate.sandbox.vergeos.VergeosSandboxInput.text;

/**
 * The rules of VMs and their snapshots: {@code machine_snapshots} taken of a VM's machine
 * (each with a VM of its own, a row of {@code vms} that is a snapshot), a VM's
 * {@code snapshot_profile} written with {@code PUT vms/<key>}, and {@code vm_actions}:
 * {@code clone} makes a new VM of any VM, a snapshot's included; {@code restore} of a
 * snapshot's VM reverts the VM it was taken of, refused while that one runs;
 * {@code poweron} and {@code poweroff}. What VergeOS does not document it does not do
 * here either: snapshot names need not be unique, and nothing but the profile of a VM can
 * be written. Not synchronized: {@link VergeosSandboxState} holds its lock around every
 * use.
 */
final class VergeosSandboxMachines {

	static final Set<String> ACTIONS = Set.of("clone", "restore", "poweron", "poweroff");

	private static final int MAX_NAME = 128;

	private static final int MAX_DESCRIPTION = 2048;

	private final VergeosSandboxTables tables;

	VergeosSandboxMachines(VergeosSandboxTables tables) {
		this.tables = tables;
	}

	/**
	 * {@code {"machine":<machine key>,"name","description"?,"expires"?,"quiesce",
	 * "created_manually"}}: the machine is the VM's machine, not the VM. Without
	 * {@code expires}, or with {@code 0}, it never expires. A quiesce is made only where
	 * the guest agent runs, which {@code quiesced} then shows.
	 */
	long createSnapshot(JsonNode body, long now) {
		JsonNode target = body.get("machine");
		if (target == null || target.isNull()) {
			throw VergeosSandboxException.invalid("machine", "required");
		}
		Machine vm = target.isIntegralNumber() ? this.tables.vmOfMachine(target.asLong()) : null;
		if (vm == null || vm.snapshot()) {
			throw VergeosSandboxException.invalid("machine", "no such machine");
		}
		String name = name(body, "name", MAX_NAME);
		String description = text(body, "description", MAX_DESCRIPTION);
		long expires = VergeosSandboxInput.bounded(body, "expires", 0, Long.MAX_VALUE, 0);
		boolean quiesce = flag(body, "quiesce", false);
		return take(vm, name, (description != null) ? description : "", now, expires,
				quiesce && vm.guestAgent() && vm.isRunning(), flag(body, "created_manually", false), null, 1);
	}

	/** A VM snapshot with a VM of its own, a copy of the VM's drives. */
	long take(Machine vm, String name, String description, long now, long expires, boolean quiesced, boolean manual,
			@Nullable Long period, int minSnapshots) {
		long snapMachine = this.tables.nextKey("machines");
		this.tables.addMachine(VergeosSandboxKind.VM,
				Machine.snapshotOf(this.tables.nextKey("vms"), name, now, snapMachine));
		this.tables.copyDrives(vm.machineKey(), snapMachine);
		long key = this.tables.nextKey("machine_snapshots");
		this.tables.addMachineSnapshot(new MachineSnapshot(key, name, description, now, expires, quiesced, manual,
				vm.machineKey(), snapMachine, period, minSnapshots));
		return key;
	}

	void deleteSnapshot(long key) {
		if (this.tables.machineSnapshot(key) == null) {
			throw VergeosSandboxException.notFound();
		}
		this.tables.removeMachineSnapshot(key);
	}

	/**
	 * {@code PUT vms/<key>}: only {@code snapshot_profile}, a profile's key or
	 * {@code null}, on a VM that is no snapshot.
	 */
	void updateVm(long key, JsonNode body) {
		Machine vm = this.tables.vm(key);
		if (vm == null) {
			throw VergeosSandboxException.notFound();
		}
		for (String field : body.propertyNames()) {
			if (!field.equals("snapshot_profile")) {
				throw VergeosSandboxException.invalid(field, "is not a writable field");
			}
		}
		if (vm.snapshot()) {
			throw VergeosSandboxException.invalid("snapshot_profile", "a snapshot takes no snapshot profile");
		}
		JsonNode profile = body.get("snapshot_profile");
		if (profile == null) {
			return;
		}
		if (profile.isNull()) {
			this.tables.addMachine(VergeosSandboxKind.VM, vm.withProfile(null));
			return;
		}
		if (!profile.isIntegralNumber() || this.tables.profile(profile.asLong()) == null) {
			throw VergeosSandboxException.invalid("snapshot_profile", "no such snapshot profile");
		}
		this.tables.addMachine(VergeosSandboxKind.VM, vm.withProfile(profile.asLong()));
	}

	/**
	 * {@code {"vm":<key>,"action":"clone|restore|poweron|poweroff","params":{...}}}.
	 * @return what VergeOS answers: for a clone, the keys of the new VM and its machine
	 */
	Map<String, Object> act(JsonNode body, long now) {
		String action = oneOf(body, "action", ACTIONS, null);
		JsonNode target = body.get("vm");
		Machine vm = (target != null && target.isIntegralNumber()) ? this.tables.vm(target.asLong()) : null;
		if (vm == null) {
			throw VergeosSandboxException.invalid("vm", "no such VM");
		}
		JsonNode params = body.get("params");
		return switch (action) {
			case "clone" -> clone(vm, (params != null) ? text(params, "name", MAX_NAME) : null, now);
			case "restore" -> {
				revert(vm, params);
				yield Map.of();
			}
			default -> {
				power(vm, action.equals("poweron") ? Machine.RUNNING : Machine.STOPPED);
				yield Map.of();
			}
		};
	}

	private Map<String, Object> clone(Machine source, @Nullable String name, long now) {
		long machine = this.tables.nextKey("machines");
		long key = this.tables.nextKey("vms");
		String copyName = (name != null && !name.isBlank()) ? name : source.name() + " clone";
		this.tables.addMachine(VergeosSandboxKind.VM,
				Machine.vm(key, copyName, "Cloned from " + source.name(), now, false, machine, Machine.STOPPED, false));
		this.tables.copyDrives(source.machineKey(), machine);
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("vmkey", Long.toString(key));
		response.put("machinekey", Long.toString(machine));
		return Map.of("response", response);
	}

	/**
	 * A VM goes back to one of its snapshots, refused while it runs. Both forms the
	 * design notes list are taken: on the VM with {@code params.snapshot} (the key of one
	 * of its VM snapshots), or on the snapshot's own VM without params.
	 */
	private void revert(Machine vm, @Nullable JsonNode params) {
		MachineSnapshot snapshot;
		if (vm.snapshot()) {
			if (params != null && !params.isEmpty()) {
				throw VergeosSandboxException.invalid("params", "not taken by a restore of a snapshot's VM");
			}
			snapshot = this.tables.machineSnapshots()
				.stream()
				.filter((candidate) -> candidate.snapMachine() == vm.machineKey())
				.findFirst()
				.orElseThrow(() -> VergeosSandboxException.invalid("vm", "not the VM of a VM snapshot"));
		}
		else {
			JsonNode key = (params != null) ? params.get("snapshot") : null;
			if (key == null || !key.isIntegralNumber()) {
				throw VergeosSandboxException.invalid("params.snapshot", "required: the VM snapshot to restore");
			}
			snapshot = this.tables.machineSnapshot(key.asLong());
			if (snapshot == null || snapshot.machine() != vm.machineKey()) {
				throw VergeosSandboxException.invalid("params.snapshot", "no such snapshot of this VM");
			}
		}
		Machine original = this.tables.vmOfMachine(snapshot.machine());
		if (original == null) {
			throw VergeosSandboxException.invalid("vm", "the VM of this snapshot no longer exists");
		}
		if (original.isRunning()) {
			throw new VergeosSandboxException(409,
					"VM '" + original.name() + "' is running: power it off before restoring a snapshot over it");
		}
		this.tables.noteRevert(original.key(), snapshot.key());
	}

	private void power(Machine vm, String status) {
		if (vm.snapshot()) {
			throw VergeosSandboxException.invalid("vm", "a snapshot cannot be powered on or off");
		}
		this.tables.addMachine(VergeosSandboxKind.VM, vm.withStatus(status));
	}

}
