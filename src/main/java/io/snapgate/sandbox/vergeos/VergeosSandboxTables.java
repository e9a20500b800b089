package io.snapgate.sandbox.vergeos;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.snapgate.sandbox.vergeos.VergeosSandboxRows.CloudSnapshot;
import io.snapgate.sandbox.vergeos.VergeosSandboxRows.Machine;
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
	 * every machine.
	 */
	void addSnapshot(CloudSnapshot snapshot) {
		this.snapshots.put(snapshot.key(), snapshot);
		for (VergeosSandboxKind kind : VergeosSandboxKind.values()) {
			for (Machine machine : machinesOf(kind).values()) {
				long key = nextKey(kind.memberTable());
				Member member = new Member(key, kind, snapshot.key(), machine.key(), machine.name(),
						machine.recoverFails(), null);
				membersOf(kind).put(key, member);
			}
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

	void addMachine(VergeosSandboxKind kind, Machine machine) {
		machinesOf(kind).put(machine.key(), machine);
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
