package io.snapgate.sandbox.vergeos;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.snapgate.sandbox.vergeos.VergeosSandboxRows.CloudSnapshot;
import io.snapgate.sandbox.vergeos.VergeosSandboxRows.Drive;
import io.snapgate.sandbox.vergeos.VergeosSandboxRows.Machine;
import io.snapgate.sandbox.vergeos.VergeosSandboxRows.MachineSnapshot;
import io.snapgate.sandbox.vergeos.VergeosSandboxRows.Member;
import io.snapgate.sandbox.vergeos.VergeosSandboxRows.Period;
import io.snapgate.sandbox.vergeos.VergeosSandboxRows.Profile;
import io.snapgate.sandbox.vergeos.VergeosSandboxRows.Task;
import org.jspecify.annotations.Nullable;

/**
 * The emulated system's rows in memory, each table in key order, with the last key each
 * table gave out. Not synchronized: {@link VergeosSandboxState} holds its lock around
 * every use.
 */
final class VergeosSandboxTables {

	private final Map<Long, CloudSnapshot> snapshots = new TreeMap<>();

	private final Map<VergeosSandboxKind, Map<Long, Member>> members = Map.of(VergeosSandboxKind.VM, new TreeMap<>(),
			VergeosSandboxKind.TENANT, new TreeMap<>());

	private final Map<VergeosSandboxKind, Map<Long, Machine>> machines = Map.of(VergeosSandboxKind.VM, new TreeMap<>(),
			VergeosSandboxKind.TENANT, new TreeMap<>());

	private final Map<Long, Task> tasks = new TreeMap<>();

	private final Map<Long, MachineSnapshot> machineSnapshots = new TreeMap<>();

	private final Map<Long, Drive> drives = new TreeMap<>();

	/** The VM snapshots each VM was reverted to, by VM key, oldest first. */
	private final Map<Long, List<Long>> reverts = new TreeMap<>();

	private final Map<Long, Profile> profiles = new TreeMap<>();

	private final Map<Long, Period> periods = new TreeMap<>();

	/**
	 * The profile the system's snapshots use, the only one that takes any, and which
	 * VergeOS will not delete. No route changes it: where VergeOS keeps that choice is
	 * not known, so the emulator offers no way to make it.
	 */
	private @Nullable Long systemProfile;

	private final Map<String, Long> keys = new LinkedHashMap<>();

	long nextKey(String table) {
		return this.keys.merge(table, 1L, Long::sum);
	}

	/** The last key given in {@code table}. */
	long lastKey(String table) {
		return this.keys.getOrDefault(table, 0L);
	}

	/** Lets the keys of {@code table} go on from {@code lastKey}. */
	void keysAfter(String table, long lastKey) {
		this.keys.put(table, lastKey);
	}

	Collection<CloudSnapshot> snapshots() {
		return Collections.unmodifiableCollection(this.snapshots.values());
	}

	@Nullable CloudSnapshot snapshot(long key) {
		return this.snapshots.get(key);
	}

	/**
	 * Adds a snapshot and, since a cloud snapshot holds the whole system, a member for
	 * every machine that is no snapshot itself.
	 */
	void addSnapshot(CloudSnapshot snapshot) {
		this.snapshots.put(snapshot.key(), snapshot);
		for (VergeosSandboxKind kind : VergeosSandboxKind.values()) {
			for (Machine machine : machinesOf(kind).values()) {
				if (machine.snapshot()) {
					continue;
				}
				long key = nextKey(kind.memberTable());
				Member member = new Member(key, kind, snapshot.key(), machine.key(), machine.name(),
						machine.recoverFails(), null);
				membersOf(kind).put(key, member);
			}
		}
	}

	/**
	 * Adds a snapshot another system sent, holding the machines it held there, under keys
	 * of this system.
	 */
	void addReceivedSnapshot(CloudSnapshot snapshot, List<Member> sent) {
		this.snapshots.put(snapshot.key(), snapshot);
		for (Member member : sent) {
			long key = nextKey(member.kind().memberTable());
			membersOf(member.kind()).put(key, new Member(key, member.kind(), snapshot.key(), member.originalKey(),
					member.name(), member.fails(), null));
		}
	}

	/** Puts {@code snapshot} in the place of the snapshot with its key. */
	void replaceSnapshot(CloudSnapshot snapshot) {
		this.snapshots.put(snapshot.key(), snapshot);
	}

	/** Removes a snapshot with its members. */
	void removeSnapshot(long key) {
		this.snapshots.remove(key);
		this.members.values().forEach((rows) -> rows.values().removeIf((member) -> member.snapshot() == key));
	}

	Collection<Member> members(VergeosSandboxKind kind) {
		return Collections.unmodifiableCollection(membersOf(kind).values());
	}

	@Nullable Member member(VergeosSandboxKind kind, long key) {
		return membersOf(kind).get(key);
	}

	/** Puts {@code member} in the place of the member with its key. */
	void replaceMember(Member member) {
		membersOf(member.kind()).put(member.key(), member);
	}

	Collection<Machine> machines(VergeosSandboxKind kind) {
		return Collections.unmodifiableCollection(machinesOf(kind).values());
	}

	/** Adds a machine, or puts it in the place of the machine with its key. */
	void addMachine(VergeosSandboxKind kind, Machine machine) {
		machinesOf(kind).put(machine.key(), machine);
	}

	@Nullable Machine vm(long key) {
		return machinesOf(VergeosSandboxKind.VM).get(key);
	}

	/** The VM whose machine has this key, if any. */
	@Nullable Machine vmOfMachine(long machineKey) {
		return machinesOf(VergeosSandboxKind.VM).values()
			.stream()
			.filter((vm) -> vm.machineKey() == machineKey)
			.findFirst()
			.orElse(null);
	}

	Collection<MachineSnapshot> machineSnapshots() {
		return Collections.unmodifiableCollection(this.machineSnapshots.values());
	}

	@Nullable MachineSnapshot machineSnapshot(long key) {
		return this.machineSnapshots.get(key);
	}

	void addMachineSnapshot(MachineSnapshot snapshot) {
		this.machineSnapshots.put(snapshot.key(), snapshot);
	}

	/** Removes a VM snapshot with its own VM and that VM's drives. */
	void removeMachineSnapshot(long key) {
		MachineSnapshot snapshot = this.machineSnapshots.remove(key);
		if (snapshot != null) {
			machinesOf(VergeosSandboxKind.VM).values().removeIf((vm) -> vm.machineKey() == snapshot.snapMachine());
			this.drives.values().removeIf((drive) -> drive.machine() == snapshot.snapMachine());
		}
	}

	void noteRevert(long vm, long snapshot) {
		this.reverts.computeIfAbsent(vm, (key) -> new ArrayList<>()).add(snapshot);
	}

	List<Long> reverts(long vm) {
		return List.copyOf(this.reverts.getOrDefault(vm, List.of()));
	}

	Collection<Drive> drives() {
		return Collections.unmodifiableCollection(this.drives.values());
	}

	void addDrive(Drive drive) {
		this.drives.put(drive.key(), drive);
	}

	/** Gives machine {@code to} a copy of each drive of machine {@code from}. */
	void copyDrives(long from, long to) {
		for (Drive drive : List.copyOf(this.drives.values())) {
			if (drive.machine() == from) {
				addDrive(drive.of(nextKey("machine_drives"), to));
			}
		}
	}

	Collection<Task> tasks() {
		return Collections.unmodifiableCollection(this.tasks.values());
	}

	void addTask(Task task) {
		this.tasks.put(task.key(), task);
	}

	Collection<Profile> profiles() {
		return Collections.unmodifiableCollection(this.profiles.values());
	}

	@Nullable Profile profile(long key) {
		return this.profiles.get(key);
	}

	/** Adds a profile, or puts it in the place of the profile with its key. */
	void putProfile(Profile profile) {
		this.profiles.put(profile.key(), profile);
	}

	/** Removes a profile with its periods; the snapshots they took stay. */
	void removeProfile(long key) {
		this.profiles.remove(key);
		this.periods.values().removeIf((period) -> period.profile() == key);
	}

	Collection<Period> periods() {
		return Collections.unmodifiableCollection(this.periods.values());
	}

	@Nullable Period period(long key) {
		return this.periods.get(key);
	}

	/** Adds a period, or puts it in the place of the period with its key. */
	void putPeriod(Period period) {
		this.periods.put(period.key(), period);
	}

	void removePeriod(long key) {
		this.periods.remove(key);
	}

	@Nullable Long systemProfile() {
		return this.systemProfile;
	}

	void useForTheSystem(long profile) {
		this.systemProfile = profile;
	}

	private Map<Long, Member> membersOf(VergeosSandboxKind kind) {
		return Objects.requireNonNull(this.members.get(kind), "every kind has a table");
	}

	private Map<Long, Machine> machinesOf(VergeosSandboxKind kind) {
		return Objects.requireNonNull(this.machines.get(kind), "every kind has a table");
	}

}
