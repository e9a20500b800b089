package io.snapgate.sandbox.vergeos;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

import org.jspecify.annotations.Nullable;

/**
 * The emulated VergeOS system: VMs, tenants, cloud snapshots with their member rows, and tasks, in
 * memory. What changes with time (a new snapshot's task running, a recovery going from {@code idle}
 * to {@code importing} to {@code complete}) is worked out from the clock when a row is read, not by
 * background threads. Every method holds the one lock, which keeps the rules simple.
 */
final class VergeosSandboxState {

	static final Map<String, Set<String>> COLUMNS = Map.of("cloud_snapshots",
			columns("$key", "name", "description", "created", "expires", "snapshot_profile", "private", "remote_sync",
					"immutable", "immutable_status", "immutable_lock_expires", "status", "status_info", "task"),
			"cloud_snapshot_vms",
			columns("$key", "cloud_snapshot", "name", "description", "cpu_cores", "ram", "os_family", "is_snapshot",
					"status", "status_info", "original_key"),
			"cloud_snapshot_tenants",
			columns("$key", "cloud_snapshot", "name", "description", "nodes", "cpu_cores", "ram", "is_snapshot", "status",
					"status_info", "original_key"),
			"vms", columns("$key", "name", "description", "created", "cpu_cores", "ram", "os_family"), "tenants",
			columns("$key", "name", "description", "created", "nodes", "cpu_cores", "ram"), "tasks",
			columns("$key", "name", "table", "status"), "system",
			columns("$key", "yb_version", "os_version", "cloud_name", "branch"));

	private static final long DAY = 86400;

	private final Clock clock;

	private final VergeosSandboxSettings settings;

	private final Map<Long, SnapshotEntity> snapshots = new TreeMap<>();

	private final Map<Kind, Map<Long, MemberEntity>> members = Map.of(Kind.VM, new TreeMap<>(), Kind.TENANT,
			new TreeMap<>());

	private final Map<Kind, Map<Long, Machine>> machines = Map.of(Kind.VM, new TreeMap<>(), Kind.TENANT,
			new TreeMap<>());

	private final Map<Long, Task> tasks = new TreeMap<>();

	private final Map<String, Long> keys = new LinkedHashMap<>();

	VergeosSandboxState(Clock clock, VergeosSandboxSettings settings) {
		this.clock = clock;
		this.settings = settings;
		seed(clock.instant().getEpochSecond());
	}

	private void seed(long now) {
		this.keys.put("vm_members", 99L);
		this.keys.put("tenant_members", 999L);
		for (String vm : List.of("web-01", "web-02", "db-01", "broken-vm")) {
			long key = nextKey("vms");
			this.machines.get(Kind.VM).put(key, new Machine(key, vm, "", now - 90 * DAY, vm.startsWith("broken")));
		}
		for (String tenant : List.of("acme", "globex")) {
			long key = nextKey("tenants");
			this.machines.get(Kind.TENANT).put(key, new Machine(key, tenant, "", now - 90 * DAY, false));
		}
		String day = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC).format(Instant.ofEpochSecond(now - DAY));
		addSeed("Daily_" + day, "Nightly system snapshot", now - DAY, now + 2 * DAY, false, "unlocked", 0, "normal", false);
		addSeed("Weekly_immutable", "Locked against deletion", now - 3 * DAY, now + 27 * DAY, true, "locked",
				now + 27 * DAY, "normal", false);
		addSeed("Daily_expired", "Past its expiry, kept by min_snapshots", now - 5 * DAY, now - 2 * DAY, false,
				"unlocked", 0, "normal", false);
		addSeed("pre-upgrade", "Kept until deleted", now - 7 * DAY, 0, false, "unlocked", 0, "held", true);
	}

	private void addSeed(String name, String description, long created, long expires, boolean immutable,
			String immutableStatus, long lockExpires, String status, boolean privateSnapshot) {
		long key = nextKey("cloud_snapshots");
		this.snapshots.put(key, new SnapshotEntity(key, name, description, created, expires, privateSnapshot, immutable,
				immutableStatus, lockExpires, status, 1, null, Instant.ofEpochSecond(created)));
		captureMembers(key);
	}

	synchronized List<Map<String, @Nullable Object>> rows(String table) {
		Instant now = this.clock.instant();
		return switch (table) {
			case "cloud_snapshots" -> this.snapshots.values().stream().map((s) -> s.row(now)).toList();
			case "cloud_snapshot_vms" -> memberRows(Kind.VM, now);
			case "cloud_snapshot_tenants" -> memberRows(Kind.TENANT, now);
			case "vms" -> this.machines.get(Kind.VM).values().stream().map((m) -> m.row(Kind.VM)).toList();
			case "tenants" -> this.machines.get(Kind.TENANT).values().stream().map((m) -> m.row(Kind.TENANT)).toList();
			case "tasks" -> this.tasks.values().stream().map((t) -> t.row(now)).toList();
			case "system" -> List.of(systemRow());
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
	 * A new snapshot, as a plain POST makes it: absolute {@code expires} with {@code expires_type}
	 * ({@code retention} is ignored, as on a real system). Its task runs for the create delay.
	 */
	synchronized Map<String, Object> createSnapshot(JsonNode body) {
		long now = this.clock.instant().getEpochSecond();
		String name = text(body, "name", 128);
		if (name == null || name.isBlank()) {
			throw VergeosSandboxException.invalid("name", "required");
		}
		if (this.snapshots.values().stream().anyMatch((s) -> s.name().equals(name))) {
			throw new VergeosSandboxException(409, "Row exists: a cloud snapshot named '" + name + "' already exists");
		}
		String description = text(body, "description", 2048);
		String expiresType = (text(body, "expires_type", 16) != null) ? text(body, "expires_type", 16) : "date";
		long expires = switch (expiresType) {
			case "never" -> 0;
			case "date" -> (body.get("expires") != null) ? positive(body, "expires") : now + 3 * DAY;
			default -> throw VergeosSandboxException.invalid("expires_type", "must be date or never");
		};
		boolean immutable = flag(body, "immutable", false);
		long task = nextKey("tasks");
		Instant readyAt = this.clock.instant().plus(this.settings.createDelay());
		this.tasks.put(task, new Task(task, "Create cloud snapshot " + name, "cloud_snapshots", readyAt));
		long key = nextKey("cloud_snapshots");
		int minSnapshots = (body.get("min_snapshots") != null) ? (int) positive(body, "min_snapshots") : 1;
		this.snapshots.put(key, new SnapshotEntity(key, name, (description != null) ? description : "", now, expires,
				flag(body, "private", true), immutable, immutable ? "locked" : "unlocked", 0, "normal", minSnapshots,
				task, readyAt));
		captureMembers(key);
		return created("cloud_snapshots", key);
	}

	/** Deletes a snapshot, refused while it is immutable and locked (or still being unlocked). */
	synchronized void deleteSnapshot(long key) {
		SnapshotEntity snapshot = this.snapshots.get(key);
		if (snapshot == null) {
			throw VergeosSandboxException.notFound();
		}
		String lock = snapshot.immutableStatus(this.clock.instant());
		if (lock.equals("locked") || lock.equals("unlocking")) {
			throw new VergeosSandboxException(422,
					"Cannot delete cloud snapshot '" + snapshot.name() + "': the snapshot is immutable and " + lock);
		}
		this.snapshots.remove(key);
		this.members.values().forEach((rows) -> rows.values().removeIf((member) -> member.snapshot() == key));
	}

	/**
	 * {@code {"action":"recover","params":{"rows":[k],"name":"..."}}}: makes a new VM or tenant at
	 * once, and moves each member row through {@code idle}, {@code importing} and {@code complete}
	 * (or {@code error}, for a machine seeded to fail).
	 */
	synchronized Map<String, Object> recover(Kind kind, JsonNode body) {
		if (!"recover".equals(text(body, "action", 32))) {
			throw VergeosSandboxException.invalid("action", "unknown action");
		}
		JsonNode params = body.get("params");
		JsonNode rows = (params != null) ? params.get("rows") : null;
		if (rows == null || !rows.isArray() || rows.isEmpty()) {
			throw VergeosSandboxException.invalid("rows", "required");
		}
		String name = (params != null) ? text(params, "name", 128) : null;
		List<MemberEntity> recovering = new ArrayList<>();
		for (JsonNode row : rows.values()) {
			MemberEntity member = row.canConvertToLong() ? this.members.get(kind).get(row.asLong()) : null;
			if (member == null) {
				throw VergeosSandboxException.notFound();
			}
			recovering.add(member);
		}
		Instant now = this.clock.instant();
		for (MemberEntity member : recovering) {
			String copyName = (name != null && !name.isBlank()) ? name : copyName(kind, member.name());
			long machine = nextKey(kind.machineTable());
			this.machines.get(kind).put(machine,
					new Machine(machine, copyName, "Recovered from a cloud snapshot", now.getEpochSecond(), false));
			this.members.get(kind).put(member.key(), member.recovering(new Recovery(now, copyName, member.fails())));
		}
		return created(kind.actionTable(), nextKey(kind.actionTable()));
	}

	private Map<String, @Nullable Object> systemRow() {
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		row.put("$key", 1L);
		row.put("yb_version", "4.12.6");
		row.put("os_version", "26.1");
		row.put("cloud_name", "snapgate-sandbox");
		row.put("branch", "stable");
		return row;
	}

	private List<Map<String, @Nullable Object>> memberRows(Kind kind, Instant now) {
		Duration started = this.settings.recoverStartDelay();
		Duration finished = started.plus(this.settings.recoverDelay());
		return this.members.get(kind).values().stream().map((m) -> m.row(now, started, finished)).toList();
	}

	private void captureMembers(long snapshot) {
		for (Kind kind : Kind.values()) {
			for (Machine machine : this.machines.get(kind).values()) {
				long key = nextKey(kind.memberTable());
				this.members.get(kind).put(key,
						new MemberEntity(key, kind, snapshot, machine.key(), machine.name(), machine.recoverFails(), null));
			}
		}
	}

	private String copyName(Kind kind, String original) {
		Set<String> taken = new LinkedHashSet<>();
		this.machines.get(kind).values().forEach((machine) -> taken.add(machine.name()));
		int n = 1;
		while (taken.contains(original + " (" + n + ")")) {
			n++;
		}
		return original + " (" + n + ")";
	}

	private long nextKey(String table) {
		return this.keys.merge(table, 1L, Long::sum);
	}

	private static Map<String, Object> created(String table, long key) {
		Map<String, Object> reply = new LinkedHashMap<>();
		reply.put("location", "/v4/" + table + "/" + key);
		reply.put("dbpath", table + "/" + key);
		reply.put("$row", 1);
		reply.put("$key", Long.toString(key));
		return reply;
	}

	private static @Nullable String text(JsonNode body, String field, int maxLength) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString() || node.stringValue().length() > maxLength) {
			throw VergeosSandboxException.invalid(field, "fails validation test");
		}
		return node.stringValue();
	}

	private static long positive(JsonNode body, String field) {
		JsonNode node = body.get(field);
		if (node == null || !node.isIntegralNumber() || node.asLong() <= 0) {
			throw VergeosSandboxException.invalid(field, "fails validation test");
		}
		return node.asLong();
	}

	private static boolean flag(JsonNode body, String field, boolean fallback) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return fallback;
		}
		if (!node.isBoolean()) {
			throw VergeosSandboxException.invalid(field, "fails validation test");
		}
		return node.booleanValue();
	}

	private static Set<String> columns(String... names) {
		return new LinkedHashSet<>(List.of(names));
	}

	/** VMs or tenants, each with its table of machines, of snapshot members and of member actions. */
	enum Kind {

		VM("vms", "vm_members", "cloud_snapshot_vm_actions"),
		TENANT("tenants", "tenant_members", "cloud_snapshot_tenant_actions");

		private final String machineTable;

		private final String memberTable;

		private final String actionTable;

		Kind(String machineTable, String memberTable, String actionTable) {
			this.machineTable = machineTable;
			this.memberTable = memberTable;
			this.actionTable = actionTable;
		}

		String machineTable() {
			return this.machineTable;
		}

		String memberTable() {
			return this.memberTable;
		}

		String actionTable() {
			return this.actionTable;
		}

		/** The sizes every emulated VM or tenant has. */
		void putHardware(Map<String, @Nullable Object> row) {
			if (this == VM) {
				row.put("cpu_cores", 2);
				row.put("ram", 4096);
				row.put("os_family", "linux");
			}
			else {
				row.put("nodes", 2);
				row.put("cpu_cores", 8);
				row.put("ram", 16384);
			}
		}

	}

	private record SnapshotEntity(long key, String name, String description, long created, long expires,
			boolean privateSnapshot, boolean immutable, String immutableStatus, long lockExpires, String status,
			int minSnapshots, @Nullable Long task, Instant readyAt) {

		String immutableStatus(Instant now) {
			return (this.immutableStatus.equals("unlocking") && this.lockExpires <= now.getEpochSecond()) ? "unlocked"
					: this.immutableStatus;
		}

		Map<String, @Nullable Object> row(Instant now) {
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			row.put("$key", this.key);
			row.put("name", this.name);
			row.put("description", this.description);
			row.put("created", this.created);
			row.put("expires", this.expires);
			row.put("snapshot_profile", null);
			row.put("private", this.privateSnapshot);
			row.put("remote_sync", false);
			row.put("immutable", this.immutable);
			row.put("immutable_status", immutableStatus(now));
			row.put("immutable_lock_expires", this.lockExpires);
			row.put("status", this.status);
			row.put("status_info", "");
			row.put("task", now.isBefore(this.readyAt) ? this.task : null);
			return row;
		}

	}

	private record MemberEntity(long key, Kind kind, long snapshot, long originalKey, String name, boolean fails,
			@Nullable Recovery recovery) {

		MemberEntity recovering(Recovery recovery) {
			return new MemberEntity(this.key, this.kind, this.snapshot, this.originalKey, this.name, this.fails, recovery);
		}

		Map<String, @Nullable Object> row(Instant now, Duration started, Duration finished) {
			String status = "idle";
			String info = "";
			if (this.recovery != null && !now.isBefore(this.recovery.requestedAt().plus(finished))) {
				status = this.recovery.fails() ? "error" : "complete";
				info = this.recovery.fails() ? "Recovery failed: the snapshot data of this machine is unreadable"
						: "Restored to: " + this.recovery.name();
			}
			else if (this.recovery != null && !now.isBefore(this.recovery.requestedAt().plus(started))) {
				status = "importing";
				info = "Importing into " + this.recovery.name();
			}
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			row.put("$key", this.key);
			row.put("cloud_snapshot", this.snapshot);
			row.put("name", this.name);
			row.put("description", "");
			this.kind.putHardware(row);
			row.put("is_snapshot", true);
			row.put("status", status);
			row.put("status_info", info);
			row.put("original_key", this.originalKey);
			return row;
		}

	}

	private record Recovery(Instant requestedAt, String name, boolean fails) {
	}

	private record Machine(long key, String name, String description, long created, boolean recoverFails) {

		Map<String, @Nullable Object> row(Kind kind) {
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			row.put("$key", this.key);
			row.put("name", this.name);
			row.put("description", this.description);
			row.put("created", this.created);
			kind.putHardware(row);
			return row;
		}

	}

	private record Task(long key, String name, String table, Instant runningUntil) {

		Map<String, @Nullable Object> row(Instant now) {
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			row.put("$key", this.key);
			row.put("name", this.name);
			row.put("table", this.table);
			row.put("status", now.isBefore(this.runningUntil) ? "running" : "idle");
			return row;
		}

	}

}
