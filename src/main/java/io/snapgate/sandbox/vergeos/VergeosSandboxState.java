package io.snapgate.sandbox.vergeos;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.ObjLongConsumer;

import io.snapgate.sandbox.vergeos.VergeosSandboxRows.CloudSnapshot;
import io.snapgate.sandbox.vergeos.VergeosSandboxRows.Drive;
import io.snapgate.sandbox.vergeos.VergeosSandboxRows.Machine;
import io.snapgate.sandbox.vergeos.VergeosSandboxRows.MachineSnapshot;
import io.snapgate.sandbox.vergeos.VergeosSandboxRows.Member;
import io.snapgate.sandbox.vergeos.VergeosSandboxRows.Period;
import io.snapgate.sandbox.vergeos.VergeosSandboxRows.Profile;
import io.snapgate.sandbox.vergeos.VergeosSandboxRows.Recovery;
import io.snapgate.sandbox.vergeos.VergeosSandboxRows.Task;
import tools.jackson.databind.JsonNode;

import org.jspecify.annotations.Nullable;

import static io.snapgate.sandbox.vergeos.VergeosSandboxInput.flag;
import static io.snapgate.sandbox.vergeos.VergeosSandboxInput.positive;
import static io.snapgate.sandbox.vergeos.VergeosSandboxInput.text;

/**
 * The emulated system and its rules: which snapshots VergeOS makes, deletes and recovers,
 * and which it refuses, its snapshot profiles (see {@link VergeosSandboxProfiles}), and
 * its VMs with their snapshots (see {@link VergeosSandboxMachines}), over the
 * {@linkplain VergeosSandboxSeed seeded} tables. What changes with time (a new snapshot's
 * task running, a recovery going from {@code idle} to {@code importing} to
 * {@code complete}) is worked out from the clock when a row is read; what a schedule
 * takes and expires is made by {@link #runSchedules(Instant)}, which a scheduled task
 * calls in the running application and tests call with the time they choose; so are the
 * sends of its outgoing Site Syncs (see {@link VergeosSandboxSyncs}) to the other
 * emulated systems it was given. Every method holds the one lock, which keeps the rules
 * simple; a sync that delivers to another system takes that system's lock inside this
 * one.
 */
final class VergeosSandboxState {

	/** How long a snapshot posted without {@code expires} is kept. */
	private static final Duration DEFAULT_LIFETIME = Duration.ofDays(3);

	/** How long an unlock takes, unless the snapshot expires sooner. */
	private static final Duration UNLOCK_TIME = Duration.ofDays(7);

	/** The columns of {@code cloud_snapshots} that a PUT may write. */
	private static final Set<String> WRITABLE = Set.of("description", "expires", "expires_type", "private",
			"immutable");

	private final Clock clock;

	private final VergeosSandboxSettings settings;

	private final String cloudName;

	private final VergeosSandboxTables tables = new VergeosSandboxTables();

	private final VergeosSandboxMachines machines = new VergeosSandboxMachines(this.tables);

	private final VergeosSandboxSyncs syncs;

	private final VergeosSandboxProfiles profiles;

	private final VergeosSandboxSchedules schedules;

	/** Schedules have been run for every time up to this one. */
	private Instant schedulesRunUntil;

	/**
	 * The main system, {@linkplain VergeosSandboxSeed seeded}, with no other to sync to.
	 */
	VergeosSandboxState(Clock clock, VergeosSandboxSettings settings) {
		this(clock, settings, VergeosSandboxSeed.CLOUD_NAME, VergeosSandboxSeed::plant, Map.of());
	}

	/**
	 * @param cloudName the system's name, as {@code system} shows it
	 * @param seed what plants the system's rows as they are at a time in epoch seconds
	 * @param remoteSites the systems outgoing syncs may reach, by name
	 */
	VergeosSandboxState(Clock clock, VergeosSandboxSettings settings, String cloudName,
			ObjLongConsumer<VergeosSandboxTables> seed, Map<String, VergeosSandboxState> remoteSites) {
		this.clock = clock;
		this.settings = settings;
		this.cloudName = cloudName;
		this.syncs = new VergeosSandboxSyncs(this.tables, remoteSites, settings.syncDelay());
		this.profiles = new VergeosSandboxProfiles(this.tables, this.syncs::linksPeriod);
		this.schedules = new VergeosSandboxSchedules(this.tables, this.machines, this.syncs::periodTook);
		this.schedulesRunUntil = clock.instant();
		seed.accept(this.tables, clock.instant().getEpochSecond());
	}

	/**
	 * Takes the snapshots that the periods of the system's profile (cloud snapshots) and
	 * of the profiles given to VMs (snapshots of those VMs) are due to take by
	 * {@code now}, and deletes those past their expiry; with
	 * {@code demo-schedule-every-minute}, the system's profile runs every minute. A time
	 * no later than the last run's takes nothing. Then moves the outgoing syncs' queues
	 * on to {@code now}.
	 * @return how many snapshots were taken
	 */
	synchronized int runSchedules(Instant now) {
		int taken = 0;
		if (now.isAfter(this.schedulesRunUntil)) {
			taken = this.schedules.run(this.schedulesRunUntil, now, this.settings.demoScheduleEveryMinute());
			this.schedulesRunUntil = now;
		}
		this.syncs.advance(now);
		return taken;
	}

	/** Adds an enabled outgoing sync to the system {@code remoteSite}, reached at url. */
	synchronized long plantOutgoingSync(String name, String remoteSite, String url) {
		return this.syncs.plant(name, remoteSite, url);
	}

	synchronized Map<String, Object> syncAction(JsonNode body) {
		return created("site_syncs_outgoing_actions", this.syncs.act(body, this.clock.instant()));
	}

	synchronized Map<String, Object> linkPeriod(JsonNode body) {
		return created("site_syncs_outgoing_profile_periods", this.syncs.link(body));
	}

	synchronized void unlinkPeriod(long key) {
		this.syncs.unlink(key);
	}

	/**
	 * Takes in a cloud snapshot another system's outgoing sync sent, ready at once and
	 * taken by no period here.
	 * @return its key here, or none when a snapshot of its name is here already
	 */
	synchronized OptionalLong receive(VergeosSandboxArrival arrival) {
		if (this.tables.snapshots().stream().anyMatch((s) -> s.name().equals(arrival.name()))) {
			return OptionalLong.empty();
		}
		long key = this.tables.nextKey("cloud_snapshots");
		this.tables
			.addReceivedSnapshot(
					CloudSnapshot.manual(key, arrival.name(), arrival.description(), arrival.created(),
							arrival.expires(), true, false, "unlocked", 0, "normal", 1, null, this.clock.instant()),
					arrival.members());
		return OptionalLong.of(key);
	}

	synchronized boolean holdsSnapshot(long key) {
		return this.tables.snapshot(key) != null;
	}

	synchronized Map<String, Object> createProfile(JsonNode body) {
		return created("snapshot_profiles", this.profiles.createProfile(body));
	}

	synchronized void updateProfile(long key, JsonNode body) {
		this.profiles.updateProfile(key, body);
	}

	synchronized void profileAction(JsonNode body) {
		this.profiles.act(body);
	}

	synchronized Map<String, Object> createPeriod(JsonNode body) {
		return created("snapshot_profile_periods", this.profiles.createPeriod(body));
	}

	synchronized void updatePeriod(long key, JsonNode body) {
		this.profiles.updatePeriod(key, body);
	}

	synchronized void deletePeriod(long key) {
		this.profiles.deletePeriod(key);
	}

	synchronized Map<String, Object> createMachineSnapshot(JsonNode body) {
		return created("machine_snapshots", this.machines.createSnapshot(body, this.clock.instant().getEpochSecond()));
	}

	synchronized void deleteMachineSnapshot(long key) {
		this.machines.deleteSnapshot(key);
	}

	synchronized void updateVm(long key, JsonNode body) {
		this.machines.updateVm(key, body);
	}

	synchronized Map<String, Object> vmAction(JsonNode body) {
		return this.machines.act(body, this.clock.instant().getEpochSecond());
	}

	/** The keys of the VM snapshots a VM of this name was reverted to, oldest first. */
	synchronized List<Long> revertsOf(String vmName) {
		return this.tables.machines(VergeosSandboxKind.VM)
			.stream()
			.filter((vm) -> vm.name().equals(vmName) && !vm.snapshot())
			.findFirst()
			.map((vm) -> this.tables.reverts(vm.key()))
			.orElse(List.of());
	}

	synchronized List<Map<String, @Nullable Object>> rows(String table) {
		Instant now = this.clock.instant();
		return switch (table) {
			case "cloud_snapshots" -> this.tables.snapshots().stream().map((s) -> s.row(now)).toList();
			case "cloud_snapshot_vms" -> memberRows(VergeosSandboxKind.VM, now);
			case "cloud_snapshot_tenants" -> memberRows(VergeosSandboxKind.TENANT, now);
			case "vms" -> machineRows(VergeosSandboxKind.VM);
			case "tenants" -> machineRows(VergeosSandboxKind.TENANT);
			case "machine_snapshots" -> this.tables.machineSnapshots().stream().map(MachineSnapshot::row).toList();
			case "machine_drives" -> this.tables.drives().stream().map(Drive::row).toList();
			case "tasks" -> this.tables.tasks().stream().map((t) -> t.row(now)).toList();
			case "snapshot_profiles" -> this.tables.profiles().stream().map(Profile::row).toList();
			case "snapshot_profile_periods" -> this.tables.periods().stream().map(Period::row).toList();
			case "system" -> List.of(VergeosSandboxRows.system(this.cloudName));
			case "site_syncs_outgoing" -> this.syncs.syncRows();
			case "site_syncs_outgoing_queue" -> this.syncs.queueRows();
			case "site_syncs_outgoing_remote_snaps" -> this.syncs.remoteSnapRows();
			case "site_syncs_outgoing_profile_periods" -> this.syncs.linkRows();
			default -> throw new VergeosSandboxException(404, "Invalid table: " + table);
		};
	}

	synchronized Map<String, @Nullable Object> row(String table, long key) {
		return rows(table).stream()
			.filter((row) -> Long.valueOf(key).equals(row.get("$key")))
			.findFirst()
			.orElseThrow(VergeosSandboxException::notFound);
	}

	/**
	 * A new snapshot, as a plain POST makes it: absolute {@code expires} with
	 * {@code expires_type} ({@code retention} is ignored, as on a real system). Its task
	 * runs for the create delay.
	 */
	synchronized Map<String, Object> createSnapshot(JsonNode body) {
		long now = this.clock.instant().getEpochSecond();
		String name = text(body, "name", 128);
		if (name == null || name.isBlank()) {
			throw VergeosSandboxException.invalid("name", "required");
		}
		if (this.tables.snapshots().stream().anyMatch((s) -> s.name().equals(name))) {
			throw new VergeosSandboxException(409, "Row exists: a cloud snapshot named '" + name + "' already exists");
		}
		String description = text(body, "description", 2048);
		String expiresType = Objects.requireNonNullElse(text(body, "expires_type", 16), "date");
		long expires = switch (expiresType) {
			case "never" -> 0;
			case "date" ->
				(body.get("expires") != null) ? positive(body, "expires") : now + DEFAULT_LIFETIME.toSeconds();
			default -> throw VergeosSandboxException.invalid("expires_type", "must be date or never");
		};
		boolean immutable = flag(body, "immutable", false);
		long task = this.tables.nextKey("tasks");
		Instant readyAt = this.clock.instant().plus(this.settings.createDelay());
		this.tables.addTask(new Task(task, "Create cloud snapshot " + name, "cloud_snapshots", readyAt));
		long key = this.tables.nextKey("cloud_snapshots");
		int minSnapshots = (body.get("min_snapshots") != null) ? (int) positive(body, "min_snapshots") : 1;
		this.tables.addSnapshot(CloudSnapshot.manual(key, name, (description != null) ? description : "", now, expires,
				flag(body, "private", true), immutable, immutable ? "locked" : "unlocked", 0, "normal", minSnapshots,
				task, readyAt));
		return created("cloud_snapshots", key);
	}

	/**
	 * {@code PUT cloud_snapshots/<key>}: the fields VergeOS documents as writable
	 * ({@code description}, {@code expires} with {@code expires_type}, {@code private},
	 * {@code immutable}); the name and the read-only columns are refused, as is any other
	 * field. An immutable snapshot that is locked, or still being unlocked, keeps its
	 * data at least as long as it was to: its expiry may be put later, never earlier, nor
	 * (while unlocking) before the unlock ends. {@code immutable: true} locks it;
	 * {@code immutable: false} starts the unlock, which ends seven days later or at the
	 * expiry if that is sooner.
	 */
	synchronized void updateSnapshot(long key, JsonNode body) {
		CloudSnapshot snapshot = this.tables.snapshot(key);
		if (snapshot == null) {
			throw VergeosSandboxException.notFound();
		}
		for (String field : body.propertyNames()) {
			if (!WRITABLE.contains(field)) {
				throw VergeosSandboxException.invalid(field,
						field.equals("name") ? "cannot be changed" : "is not a writable field");
			}
		}
		Instant now = this.clock.instant();
		String description = Objects.requireNonNullElse(text(body, "description", 2048), snapshot.description());
		long expires = newExpiry(snapshot, body);
		String lock = snapshot.immutableStatus(now);
		boolean guarded = lock.equals("locked") || lock.equals("unlocking");
		if (guarded && earlier(expires, snapshot.expires())) {
			throw VergeosSandboxException.invalid("expires",
					"the snapshot is immutable and " + lock + ": its expiry cannot be brought forward");
		}
		if (lock.equals("unlocking") && earlier(expires, snapshot.lockExpires())) {
			throw VergeosSandboxException.invalid("expires",
					"the snapshot is immutable and unlocking: it cannot expire before its lock does");
		}
		boolean immutable = flag(body, "immutable", snapshot.immutable());
		String status = lock;
		long lockExpires = snapshot.lockExpires();
		if (immutable && !snapshot.immutable()) {
			status = "locked";
			lockExpires = 0;
		}
		else if (!immutable && snapshot.immutable()) {
			status = "unlocking";
			long unlocked = now.plus(UNLOCK_TIME).getEpochSecond();
			lockExpires = (expires != 0) ? Math.min(unlocked, expires) : unlocked;
		}
		this.tables.replaceSnapshot(snapshot.changed(description, expires,
				flag(body, "private", snapshot.privateSnapshot()), immutable, status, lockExpires));
	}

	/** The expiry a PUT asks for: the snapshot's own when it names none. */
	private static long newExpiry(CloudSnapshot snapshot, JsonNode body) {
		String expiresType = text(body, "expires_type", 16);
		if (expiresType == null && body.get("expires") == null) {
			return snapshot.expires();
		}
		return switch (Objects.requireNonNullElse(expiresType, "date")) {
			case "never" -> VergeosSandboxInput.bounded(body, "expires", 0, 0, 0);
			case "date" -> positive(body, "expires");
			default -> throw VergeosSandboxException.invalid("expires_type", "must be date or never");
		};
	}

	/** Whether expiry {@code a} comes before {@code b}, where {@code 0} is never. */
	private static boolean earlier(long a, long b) {
		return a != 0 && (b == 0 || a < b);
	}

	/**
	 * Deletes a snapshot, refused while it is immutable and locked (or still being
	 * unlocked).
	 */
	synchronized void deleteSnapshot(long key) {
		CloudSnapshot snapshot = this.tables.snapshot(key);
		if (snapshot == null) {
			throw VergeosSandboxException.notFound();
		}
		String lock = snapshot.immutableStatus(this.clock.instant());
		if (lock.equals("locked") || lock.equals("unlocking")) {
			throw new VergeosSandboxException(422,
					"Cannot delete cloud snapshot '" + snapshot.name() + "': the snapshot is immutable and " + lock);
		}
		this.tables.removeSnapshot(key);
	}

	/**
	 * {@code {"action":"recover","params":{"rows":[k],"name":"..."}}}: makes a new VM or
	 * tenant at once, and moves each member row through {@code idle}, {@code importing}
	 * and {@code complete} (or {@code error}, for a machine seeded to fail).
	 */
	synchronized Map<String, Object> recover(VergeosSandboxKind kind, JsonNode body) {
		if (!"recover".equals(text(body, "action", 32))) {
			throw VergeosSandboxException.invalid("action", "unknown action");
		}
		JsonNode params = body.get("params");
		JsonNode rows = (params != null) ? params.get("rows") : null;
		if (rows == null || !rows.isArray() || rows.isEmpty()) {
			throw VergeosSandboxException.invalid("rows", "required");
		}
		String name = (params != null) ? text(params, "name", 128) : null;
		List<Member> recovering = new ArrayList<>();
		for (JsonNode row : rows.values()) {
			Member member = row.canConvertToLong() ? this.tables.member(kind, row.asLong()) : null;
			if (member == null) {
				throw VergeosSandboxException.notFound();
			}
			recovering.add(member);
		}
		Instant now = this.clock.instant();
		for (Member member : recovering) {
			String copyName = (name != null && !name.isBlank()) ? name : copyName(kind, member.name());
			long key = this.tables.nextKey(kind.machineTable());
			if (kind == VergeosSandboxKind.VM) {
				long machine = this.tables.nextKey("machines");
				this.tables.addMachine(kind, Machine.vm(key, copyName, "Recovered from a cloud snapshot",
						now.getEpochSecond(), false, machine, Machine.STOPPED, false));
				Machine original = this.tables.vm(member.originalKey());
				if (original != null) {
					this.tables.copyDrives(original.machineKey(), machine);
				}
			}
			else {
				this.tables.addMachine(kind, Machine.tenant(key, copyName, now.getEpochSecond()));
			}
			this.tables.replaceMember(member.recovering(new Recovery(now, copyName, member.fails())));
		}
		return created(kind.actionTable(), this.tables.nextKey(kind.actionTable()));
	}

	private List<Map<String, @Nullable Object>> memberRows(VergeosSandboxKind kind, Instant now) {
		Duration started = this.settings.recoverStartDelay();
		Duration finished = started.plus(this.settings.recoverDelay());
		return this.tables.members(kind).stream().map((m) -> m.row(now, started, finished)).toList();
	}

	private List<Map<String, @Nullable Object>> machineRows(VergeosSandboxKind kind) {
		return this.tables.machines(kind).stream().map((m) -> m.row(kind)).toList();
	}

	private String copyName(VergeosSandboxKind kind, String original) {
		Set<String> taken = new LinkedHashSet<>();
		this.tables.machines(kind)
			.stream()
			.filter((machine) -> !machine.snapshot())
			.forEach((machine) -> taken.add(machine.name()));
		int n = 1;
		while (taken.contains(original + " (" + n + ")")) {
			n++;
		}
		return original + " (" + n + ")";
	}

	private static Map<String, Object> created(String table, long key) {
		Map<String, Object> reply = new LinkedHashMap<>();
		reply.put("location", "/v4/" + table + "/" + key);
		reply.put("dbpath", table + "/" + key);
		reply.put("$row", 1);
		reply.put("$key", Long.toString(key));
		return reply;
	}

}
