package io.snapgate.sandbox.vergeos;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

import io.snapgate.sandbox.vergeos.VergeosSandboxRows.CloudSnapshot;
import io.snapgate.sandbox.vergeos.VergeosSandboxRows.Member;
import io.snapgate.sandbox.vergeos.VergeosSandboxRows.Period;
import io.snapgate.sandbox.vergeos.VergeosSandboxSyncRows.OutgoingSync;
import io.snapgate.sandbox.vergeos.VergeosSandboxSyncRows.QueueEntry;
import io.snapgate.sandbox.vergeos.VergeosSandboxSyncRows.RemoteSnap;
import io.snapgate.sandbox.vergeos.VergeosSandboxSyncRows.SyncLink;
import tools.jackson.databind.JsonNode;

import org.jspecify.annotations.Nullable;

import static io.snapgate.sandbox.vergeos.VergeosSandboxInput.bounded;
import static io.snapgate.sandbox.vergeos.VergeosSandboxInput.flag;
import static io.snapgate.sandbox.vergeos.VergeosSandboxInput.oneOf;
import static io.snapgate.sandbox.vergeos.VergeosSandboxInput.text;

/**
 * Site Sync, sending side: {@code site_syncs_outgoing} and its actions, its queue, the
 * snapshots it sees at the remote site, and {@code site_syncs_outgoing_profile_periods}.
 * A queued snapshot is sent by {@link #advance(Instant)} on the emulator's clock, one at
 * a time per sync, oldest first: it is {@code syncing} from the first run after it was
 * queued, and {@code complete} on the first run {@code sync-delay} after that, when the
 * remote system holds it; or {@code error} when its name contains {@value #FAILING}, when
 * it was deleted here before it was sent, or when the remote system holds one of its name
 * already. {@code priority} is kept but does not reorder the queue: how VergeOS weighs it
 * is not known. A disabled sync sends nothing. Not synchronized:
 * {@link VergeosSandboxState} holds its lock around every use, and takes the remote
 * system's lock inside its own, never the other way round.
 */
final class VergeosSandboxSyncs {

	/** How long the remote site keeps a snapshot when the sender names no retention. */
	static final long DEFAULT_RETENTION = 259200;

	/** A cloud snapshot whose name contains this fails to sync. */
	static final String FAILING = "fail-copy";

	/** The actions VergeOS documents on an outgoing sync. */
	private static final Set<String> ACTIONS = Set.of("enable", "disable", "add_to_queue", "throttle_sync",
			"throttle_disable", "refresh");

	private static final Set<String> SUPPORTED = Set.of("enable", "disable", "add_to_queue");

	private static final Set<String> QUEUE_PARAMS = Set.of("cloud_snapshot", "retention", "priority", "do_not_expire",
			"destination_prefix");

	private static final Set<String> LINK_FIELDS = Set.of("site_syncs_outgoing", "profile_period", "retention",
			"priority", "do_not_expire", "destination_prefix");

	private static final int MAX_PREFIX = 64;

	private static final int MAX_PRIORITY = 1000;

	private final VergeosSandboxTables tables;

	private final Map<String, VergeosSandboxState> remoteSites;

	private final Duration delay;

	private final Map<Long, OutgoingSync> syncs = new TreeMap<>();

	private final Map<Long, QueueEntry> queue = new TreeMap<>();

	private final Map<Long, RemoteSnap> remoteSnaps = new TreeMap<>();

	private final Map<Long, SyncLink> links = new TreeMap<>();

	/**
	 * @param remoteSites the systems outgoing syncs may reach, by name
	 * @param delay how long sending one snapshot takes
	 */
	VergeosSandboxSyncs(VergeosSandboxTables tables, Map<String, VergeosSandboxState> remoteSites, Duration delay) {
		this.tables = tables;
		this.remoteSites = Map.copyOf(remoteSites);
		this.delay = delay;
	}

	/** Adds an enabled outgoing sync to the system {@code remoteSite}. */
	long plant(String name, String remoteSite, String url) {
		if (!this.remoteSites.containsKey(remoteSite)) {
			throw new IllegalArgumentException("No remote site " + remoteSite);
		}
		long key = this.tables.nextKey("site_syncs_outgoing");
		this.syncs.put(key, new OutgoingSync(key, name, remoteSite, url, true, 0));
		return key;
	}

	List<Map<String, @Nullable Object>> syncRows() {
		return this.syncs.values().stream().map(OutgoingSync::row).toList();
	}

	List<Map<String, @Nullable Object>> queueRows() {
		return this.queue.values().stream().map(QueueEntry::row).toList();
	}

	List<Map<String, @Nullable Object>> remoteSnapRows() {
		return this.remoteSnaps.values().stream().map(RemoteSnap::row).toList();
	}

	List<Map<String, @Nullable Object>> linkRows() {
		return this.links.values().stream().map(SyncLink::row).toList();
	}

	/**
	 * {@code {"site_syncs_outgoing":k,"action":"add_to_queue","params":{...}}}, or
	 * {@code enable} or {@code disable}; the other actions VergeOS documents are refused.
	 * @return the key of the action row
	 */
	long act(JsonNode body, Instant now) {
		OutgoingSync sync = sync(body);
		String action = oneOf(body, "action", ACTIONS, null);
		if (!SUPPORTED.contains(action)) {
			throw VergeosSandboxException.invalid("action", "'" + action + "' is not supported by the sandbox");
		}
		switch (action) {
			case "enable", "disable" -> this.syncs.put(sync.key(), sync.withEnabled(action.equals("enable")));
			default -> addToQueue(sync, body.get("params"), now);
		}
		return this.tables.nextKey("site_syncs_outgoing_actions");
	}

	/**
	 * {@code params}: {@code cloud_snapshot} required, a snapshot that is ready;
	 * {@code retention} seconds (three days if left out), {@code priority},
	 * {@code do_not_expire}, {@code destination_prefix}; nothing else.
	 */
	private void addToQueue(OutgoingSync sync, @Nullable JsonNode params, Instant now) {
		if (!sync.enabled()) {
			throw new VergeosSandboxException(409, "Outgoing sync '" + sync.name() + "' is disabled");
		}
		if (params == null || !params.isObject()) {
			throw VergeosSandboxException.invalid("params", "required");
		}
		for (String field : params.propertyNames()) {
			if (!QUEUE_PARAMS.contains(field)) {
				throw VergeosSandboxException.invalid("params." + field, "is not a parameter of add_to_queue");
			}
		}
		JsonNode target = params.get("cloud_snapshot");
		CloudSnapshot snapshot = (target != null && target.isIntegralNumber()) ? this.tables.snapshot(target.asLong())
				: null;
		if (snapshot == null) {
			throw VergeosSandboxException.invalid("params.cloud_snapshot", "no such cloud snapshot");
		}
		if (now.isBefore(snapshot.readyAt())) {
			throw new VergeosSandboxException(409,
					"Cloud snapshot '" + snapshot.name() + "' is still being created and cannot be sent yet");
		}
		enqueue(sync.key(), snapshot.key(), bounded(params, "retention", 1, Integer.MAX_VALUE, DEFAULT_RETENTION),
				(int) bounded(params, "priority", 0, MAX_PRIORITY, 0), flag(params, "do_not_expire", false),
				prefix(params), now);
	}

	/**
	 * Links a profile period to a sync:
	 * {@code {site_syncs_outgoing, profile_period, retention, priority?, do_not_expire?,
	 * destination_prefix?}}, with the sync and the period required to exist and each pair
	 * linked once.
	 */
	long link(JsonNode body) {
		for (String field : body.propertyNames()) {
			if (!LINK_FIELDS.contains(field)) {
				throw VergeosSandboxException.invalid(field, "is not a writable field");
			}
		}
		OutgoingSync sync = sync(body);
		JsonNode target = body.get("profile_period");
		if (target == null || target.isNull()) {
			throw VergeosSandboxException.invalid("profile_period", "required");
		}
		Period period = target.isIntegralNumber() ? this.tables.period(target.asLong()) : null;
		if (period == null) {
			throw VergeosSandboxException.invalid("profile_period", "no such snapshot profile period");
		}
		if (body.get("retention") == null || body.get("retention").isNull()) {
			throw VergeosSandboxException.invalid("retention", "required");
		}
		long retention = bounded(body, "retention", 1, Integer.MAX_VALUE, 0);
		int priority = (int) bounded(body, "priority", 0, MAX_PRIORITY, 0);
		boolean doNotExpire = flag(body, "do_not_expire", false);
		String prefix = prefix(body);
		if (this.links.values().stream().anyMatch((l) -> l.sync() == sync.key() && l.period() == period.key())) {
			throw new VergeosSandboxException(409, "Row exists: profile period '" + period.name()
					+ "' is already linked to outgoing sync '" + sync.name() + "'");
		}
		long key = this.tables.nextKey("site_syncs_outgoing_profile_periods");
		this.links.put(key, new SyncLink(key, sync.key(), period.key(), retention, priority, doNotExpire, prefix));
		return key;
	}

	void unlink(long key) {
		if (this.links.remove(key) == null) {
			throw VergeosSandboxException.notFound();
		}
	}

	/** Whether a sync is linked to this profile period. */
	boolean linksPeriod(long period) {
		return this.links.values().stream().anyMatch((link) -> link.period() == period);
	}

	/**
	 * Queues a cloud snapshot a profile period just took on each sync linked to that
	 * period, as the link says, as VergeOS does by itself.
	 */
	void periodTook(CloudSnapshot snapshot, Instant now) {
		for (SyncLink link : List.copyOf(this.links.values())) {
			if (Objects.equals(snapshot.period(), link.period())) {
				enqueue(link.sync(), snapshot.key(), link.retention(), link.priority(), link.doNotExpire(),
						link.destinationPrefix(), now);
			}
		}
	}

	/**
	 * Moves each enabled sync's queue on to {@code now}, then forgets the remote
	 * snapshots the remote system no longer holds, as VergeOS's refresh of them would.
	 */
	void advance(Instant now) {
		for (OutgoingSync sync : List.copyOf(this.syncs.values())) {
			if (sync.enabled()) {
				advance(sync, now);
			}
		}
		this.remoteSnaps.values().removeIf((snap) -> {
			VergeosSandboxState remote = remoteOf(snap.sync());
			return remote == null || !remote.holdsSnapshot(snap.remoteKey());
		});
	}

	private void advance(OutgoingSync sync, Instant now) {
		for (QueueEntry entry : entriesOf(sync.key())) {
			if ((entry.isQueued() || entry.isSyncing()) && this.tables.snapshot(entry.cloudSnapshot()) == null) {
				this.queue.put(entry.key(), entry.failed());
			}
		}
		QueueEntry sending = entriesOf(sync.key()).stream().filter(QueueEntry::isSyncing).findFirst().orElse(null);
		if (sending != null) {
			if (now.isBefore(
					Objects.requireNonNull(sending.startedAt(), "a syncing entry has started").plus(this.delay))) {
				return;
			}
			deliver(sync, sending, now);
		}
		entriesOf(sync.key()).stream()
			.filter(QueueEntry::isQueued)
			.findFirst()
			.ifPresent((next) -> this.queue.put(next.key(), next.syncing(now)));
	}

	private void deliver(OutgoingSync sync, QueueEntry entry, Instant now) {
		CloudSnapshot source = Objects.requireNonNull(this.tables.snapshot(entry.cloudSnapshot()),
				"a deleted source has failed already");
		VergeosSandboxState remote = this.remoteSites.get(sync.remoteSite());
		if (remote == null || source.name().contains(FAILING)) {
			this.queue.put(entry.key(), entry.failed());
			return;
		}
		long expires = entry.doNotExpire() ? 0 : now.getEpochSecond() + entry.retention();
		String name = entry.remoteName(source.name());
		OptionalLong received = remote.receive(
				new VergeosSandboxArrival(name, source.description(), source.created(), expires, membersOf(source)));
		if (received.isEmpty()) {
			this.queue.put(entry.key(), entry.failed());
			return;
		}
		this.queue.put(entry.key(), entry.complete(expires));
		long key = this.tables.nextKey("site_syncs_outgoing_remote_snaps");
		this.remoteSnaps.put(key,
				new RemoteSnap(key, sync.key(), name, received.getAsLong(), source.created(), expires));
		this.syncs.put(sync.key(), sync.ranAt(now.getEpochSecond()));
	}

	private void enqueue(long sync, long snapshot, long retention, int priority, boolean doNotExpire, String prefix,
			Instant now) {
		long key = this.tables.nextKey("site_syncs_outgoing_queue");
		this.queue.put(key, new QueueEntry(key, sync, snapshot, QueueEntry.QUEUED, retention, priority, doNotExpire,
				prefix, now.getEpochSecond(), null, 0));
	}

	private List<QueueEntry> entriesOf(long sync) {
		return this.queue.values()
			.stream()
			.filter((entry) -> entry.sync() == sync)
			.sorted(Comparator.comparingLong(QueueEntry::key))
			.toList();
	}

	private List<Member> membersOf(CloudSnapshot snapshot) {
		return List.of(VergeosSandboxKind.values())
			.stream()
			.flatMap((kind) -> this.tables.members(kind).stream())
			.filter((member) -> member.snapshot() == snapshot.key())
			.toList();
	}

	private @Nullable VergeosSandboxState remoteOf(long sync) {
		OutgoingSync outgoing = this.syncs.get(sync);
		return (outgoing != null) ? this.remoteSites.get(outgoing.remoteSite()) : null;
	}

	private OutgoingSync sync(JsonNode body) {
		JsonNode target = body.get("site_syncs_outgoing");
		if (target == null || target.isNull()) {
			throw VergeosSandboxException.invalid("site_syncs_outgoing", "required");
		}
		OutgoingSync sync = target.isIntegralNumber() ? this.syncs.get(target.asLong()) : null;
		if (sync == null) {
			throw VergeosSandboxException.invalid("site_syncs_outgoing", "no such outgoing sync");
		}
		return sync;
	}

	private static String prefix(JsonNode body) {
		String prefix = text(body, "destination_prefix", MAX_PREFIX);
		return (prefix != null) ? prefix : "";
	}

}
