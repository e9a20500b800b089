package io.snapgate.provider.vergeos;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.snapgate.domain.Capability;
import io.snapgate.domain.ConflictException;
import io.snapgate.domain.CreateSnapshot;
import io.snapgate.domain.Cursor;
import io.snapgate.domain.DeleteOutcome;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.Member;
import io.snapgate.domain.MemberType;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Page;
import io.snapgate.domain.ProviderHealth;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderType;
import io.snapgate.domain.Restore;
import io.snapgate.domain.RestoreCommand;
import io.snapgate.domain.RestoreHandle;
import io.snapgate.domain.RestoreStatus;
import io.snapgate.domain.RestoreTarget;
import io.snapgate.domain.Scope;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.domain.SnapshotQuery;
import io.snapgate.domain.SnapshotWithMembers;
import io.snapgate.domain.UpstreamErrorException;
import org.jspecify.annotations.Nullable;

/**
 * The VergeOS adapter: cloud (system) snapshots, their VMs and tenants, and restores of those as new
 * copies.
 * <p>
 * Creates are idempotent without help from VergeOS, which takes no client token: the create carries a
 * marker derived from the idempotency key in the snapshot's description (see
 * {@link VergeosIdempotencyMarker}), and before creating, the adapter looks for a snapshot that
 * carries it. A lost reply thus never leads to a second snapshot when the caller asks again with the
 * same key; and since VergeOS refuses a second snapshot of the same name (409), a create running twice
 * at once makes one snapshot, whose marker tells the loser that it is its own. A POST is never
 * repeated here.
 */
final class VergeosSnapshotProvider implements SnapshotProvider {

	static final ProviderType TYPE = new ProviderType("vergeos");

	private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(Capability.SYSTEM_SNAPSHOT,
			Capability.RESTORE_VM, Capability.RESTORE_TENANT, Capability.IMMUTABLE, Capability.RETENTION,
			Capability.PRIVATE));

	private static final Pattern OFFSET = Pattern.compile("[0-9]{1,9}");

	private static final int MAX_DESCRIPTION = 2048;

	private static final int MAX_PAGE = 1000;

	/** How many upstream pages one listing reads at most while after-the-fact filters drop rows. */
	private static final int MAX_ROUNDS = 5;

	private static final int MARKER_MATCHES = 10;

	private final ProviderId id;

	private final VergeosClient client;

	private final VergeosSnapshotMapper mapper;

	private final Clock clock;

	private final int minSnapshots;

	private final Duration defaultRetention;

	VergeosSnapshotProvider(ProviderId id, VergeosClient client, Clock clock, int minSnapshots,
			Duration defaultRetention) {
		this.id = id;
		this.client = client;
		this.mapper = new VergeosSnapshotMapper(id);
		this.clock = clock;
		this.minSnapshots = minSnapshots;
		this.defaultRetention = defaultRetention;
	}

	@Override
	public ProviderId id() {
		return this.id;
	}

	@Override
	public ProviderType type() {
		return TYPE;
	}

	@Override
	public Set<Capability> capabilities() {
		return CAPABILITIES;
	}

	@Override
	public boolean isValidNativeId(String nativeId) {
		return VergeosLimits.isKey(nativeId);
	}

	/**
	 * Newest first, paged by offset: each entry's cursor is its own offset. Expiry, name and creation
	 * time are filtered upstream; status after the fact (reading on for a few pages to fill this one).
	 * A VergeOS snapshot is never of a volume, so a volume filter matches nothing.
	 */
	@Override
	public Page<Snapshot> list(SnapshotQuery query, @Nullable Cursor cursor, int limit) {
		if (query.scope() == Scope.VOLUME || query.volumeId() != null) {
			return Page.last(List.of());
		}
		int size = Math.clamp(limit, 1, MAX_PAGE);
		Instant now = this.clock.instant();
		VergeosFilter filter = listFilter(query, now);
		List<Page.Entry<Snapshot>> entries = new ArrayList<>();
		int offset = offsetOf(cursor);
		for (int round = 0; round < MAX_ROUNDS; round++) {
			List<VergeosCloudSnapshotRow> rows = this.client.cloudSnapshots(filter, size, offset);
			Map<String, String> tasks = taskStatuses(rows);
			for (int i = 0; i < rows.size(); i++) {
				VergeosCloudSnapshotRow row = rows.get(i);
				if (row.key() == null || !VergeosLimits.isKey(row.key())) {
					continue;
				}
				Snapshot snapshot = this.mapper.snapshot(row, taskStatus(row, tasks), now);
				if (query.matches(snapshot, now)) {
					entries.add(new Page.Entry<>(snapshot, cursorAt(offset + i)));
					if (entries.size() == size) {
						boolean more = i < rows.size() - 1 || rows.size() == size;
						return new Page<>(entries, more ? cursorAt(offset + i + 1) : null);
					}
				}
			}
			if (rows.size() < size) {
				return Page.last(entries);
			}
			offset += rows.size();
		}
		return new Page<>(entries, cursorAt(offset));
	}

	@Override
	public Optional<Snapshot> get(String nativeId) {
		return this.client.cloudSnapshot(nativeId).filter((row) -> row.key() != null).map(this::snapshot);
	}

	@Override
	public Optional<SnapshotWithMembers> getWithMembers(String nativeId) {
		return get(nativeId).map((snapshot) -> new SnapshotWithMembers(snapshot, membersOf(snapshot)));
	}

	@Override
	public List<Member> members(String nativeId, Set<MemberType> types) {
		if (this.client.cloudSnapshot(nativeId).isEmpty()) {
			throw VergeosErrors.snapshotNotFound(nativeId);
		}
		return memberRows(nativeId, types);
	}

	/** The snapshot was just read: no need to read it again to know it exists. */
	@Override
	public List<Member> membersOf(Snapshot snapshot) {
		return memberRows(snapshot.nativeId(), EnumSet.allOf(MemberType.class));
	}

	private List<Member> memberRows(String nativeId, Set<MemberType> types) {
		List<Member> members = new ArrayList<>();
		for (VergeosMemberTable<?> table : List.of(VergeosMemberTable.VMS, VergeosMemberTable.TENANTS)) {
			if (!types.contains(table.type())) {
				continue;
			}
			this.client.members(table, nativeId)
				.stream()
				.filter((row) -> row.key() != null)
				.forEach((row) -> members.add(VergeosSnapshotMapper.member(table, row)));
		}
		return members;
	}

	@Override
	public Snapshot create(CreateSnapshot command) {
		if (command.volumeId() != null) {
			throw InvalidRequestException.unsupported("volumeId", "VergeOS snapshots whole systems");
		}
		VergeosLimits.checkName("name", command.name());
		if (command.retention() != null && (command.retention().isNegative() || command.retention().isZero())) {
			throw InvalidRequestException.field("retention", "must be positive");
		}
		VergeosIdempotencyMarker marker = (command.idempotency() != null)
				? VergeosIdempotencyMarker.of(command.idempotency(), this.id) : null;
		if (marker != null) {
			Optional<Snapshot> earlier = findMarked(marker);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		String description = (marker != null) ? marker.appendTo(command.description()) : command.description();
		if (description != null && description.length() > MAX_DESCRIPTION) {
			throw InvalidRequestException.field("description", "too long for VergeOS");
		}
		Instant now = this.clock.instant();
		Duration retention = (command.retention() != null) ? command.retention() : this.defaultRetention;
		long expires = command.neverExpire() ? 0 : now.plus(retention).getEpochSecond();
		VergeosNewCloudSnapshot body = new VergeosNewCloudSnapshot(command.name(), (description != null) ? description : "",
				this.minSnapshots, expires,
				command.neverExpire() ? VergeosNewCloudSnapshot.EXPIRES_NEVER : VergeosNewCloudSnapshot.EXPIRES_DATE,
				command.immutable(), command.privateSnapshot());
		VergeosCreateReply reply;
		try {
			reply = this.client.createCloudSnapshot(body);
		}
		catch (ConflictException ex) {
			if (marker != null) {
				// a twin request may have won the race for the name: its marker says whether it was ours
				Optional<Snapshot> twin = findMarkedByName(command.name(), marker);
				if (twin.isPresent()) {
					return twin.get();
				}
			}
			throw ex;
		}
		if (reply.key() != null && VergeosLimits.isKey(reply.key())) {
			return get(reply.key()).orElseGet(() -> this.mapper.provisional(reply.key(), command, now, expires));
		}
		if (marker != null) {
			Optional<Snapshot> made = findMarked(marker);
			if (made.isPresent()) {
				return made.get();
			}
		}
		throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR, "VergeOS did not say which snapshot it made");
	}

	@Override
	public DeleteOutcome delete(String nativeId) {
		VergeosCloudSnapshotRow row = this.client.cloudSnapshot(nativeId)
			.orElseThrow(() -> VergeosErrors.snapshotNotFound(nativeId));
		Instant lockExpiresAt = VergeosSnapshotMapper.epoch(row.immutableLockExpires());
		if (VergeosSnapshotMapper.isLocked(row, this.clock.instant())) {
			throw locked(nativeId, lockExpiresAt);
		}
		try {
			int status = this.client.deleteCloudSnapshot(nativeId);
			return (status == 202) ? DeleteOutcome.ACCEPTED : DeleteOutcome.DELETED;
		}
		catch (ConflictException ex) {
			if (ex.code() != ErrorCode.SNAPSHOT_LOCKED) {
				throw ex;
			}
			throw locked(nativeId, lockExpiresAt).withUpstream(ex.upstream());
		}
	}

	@Override
	public Restore restore(RestoreCommand command) {
		if (!(command.target() instanceof RestoreTarget.MemberTarget target)) {
			throw InvalidRequestException.unsupported("target.type", "VergeOS restores VMs and tenants as new copies");
		}
		if (!VergeosLimits.isKey(target.member())) {
			throw new NotFoundException(ErrorCode.MEMBER_NOT_FOUND, "No such VM or tenant in the snapshot");
		}
		String newName = command.newName();
		if (newName != null) {
			VergeosLimits.checkName("newName", newName);
		}
		Instant startedAt = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		RestoreHandle handle = new VergeosRestoreHandle(target.type(), target.member(), command.snapshotNativeId(),
				startedAt, newName)
			.encode();
		this.client.recover(VergeosMemberTable.of(target.type()), Long.parseLong(target.member()), newName);
		return new Restore(handle, command.snapshotNativeId(), target, RestoreStatus.PENDING, "Recovery requested",
				startedAt, null, newName);
	}

	@Override
	public Restore restoreStatus(RestoreHandle handle) {
		VergeosRestoreHandle decoded = VergeosRestoreHandle.decode(handle);
		VergeosMemberTable<?> table = VergeosMemberTable.of(decoded.type());
		VergeosMemberRow row = this.client.member(table, decoded.memberKey())
			.filter((member) -> member.cloudSnapshot() == null || member.cloudSnapshot().equals(decoded.snapshotKey()))
			.orElseThrow(() -> new NotFoundException(ErrorCode.RESTORE_NOT_FOUND,
					"The restore's " + decoded.type() + " is no longer in snapshot " + decoded.snapshotKey()));
		RestoreStatus status = VergeosSnapshotMapper.restoreStatus(row.status());
		String restoredName = (decoded.newName() != null) ? decoded.newName() : restoredNameOf(row.statusInfo());
		return new Restore(handle, decoded.snapshotKey(),
				new RestoreTarget.MemberTarget(decoded.type(), decoded.memberKey()), status, detail(status),
				decoded.startedAt(), null, restoredName);
	}

	@Override
	public ProviderHealth health() {
		try {
			this.client.system();
			return ProviderHealth.UP;
		}
		catch (SnapGateException ex) {
			return ProviderHealth.DOWN;
		}
	}

	private Snapshot snapshot(VergeosCloudSnapshotRow row) {
		List<VergeosCloudSnapshotRow> rows = List.of(row);
		return this.mapper.snapshot(row, taskStatus(row, taskStatuses(rows)), this.clock.instant());
	}

	/** The status of each task that the rows name, read in one request. */
	private Map<String, String> taskStatuses(List<VergeosCloudSnapshotRow> rows) {
		Set<String> keys = new LinkedHashSet<>();
		rows.stream().map(VergeosCloudSnapshotRow::task).filter((task) -> task != null && VergeosLimits.isKey(task))
			.forEach(keys::add);
		if (keys.isEmpty()) {
			return Map.of();
		}
		VergeosFilter filter = VergeosFilter
			.anyOf(keys.stream().map((key) -> VergeosFilter.eq("$key", Long.parseLong(key))).toList());
		Map<String, String> statuses = new HashMap<>();
		this.client.tasks(filter, keys.size())
			.stream()
			.filter((task) -> task.key() != null && task.status() != null)
			.forEach((task) -> statuses.put(task.key(), task.status()));
		return statuses;
	}

	private static @Nullable String taskStatus(VergeosCloudSnapshotRow row, Map<String, String> tasks) {
		return (row.task() != null) ? tasks.get(row.task()) : null;
	}

	private Optional<Snapshot> findMarked(VergeosIdempotencyMarker marker) {
		return matching(this.client.cloudSnapshots(VergeosFilter.contains("description", marker.token()),
				MARKER_MATCHES, 0), marker);
	}

	private Optional<Snapshot> findMarkedByName(String name, VergeosIdempotencyMarker marker) {
		return matching(this.client.cloudSnapshots(VergeosFilter.eq("name", name), 1, 0), marker);
	}

	/**
	 * The row made under the same key for the same request, if any.
	 * @throws IdempotencyKeyReusedException when a row was made under the same key for another request
	 */
	private Optional<Snapshot> matching(List<VergeosCloudSnapshotRow> rows, VergeosIdempotencyMarker marker) {
		boolean reused = false;
		for (VergeosCloudSnapshotRow row : rows) {
			Optional<VergeosIdempotencyMarker> found = VergeosIdempotencyMarker.in(row.description())
				.filter((candidate) -> candidate.token().equals(marker.token()));
			if (found.isPresent() && row.key() != null) {
				if (found.get().equals(marker)) {
					return Optional.of(snapshot(row));
				}
				reused = true;
			}
		}
		if (reused) {
			throw new IdempotencyKeyReusedException();
		}
		return Optional.empty();
	}

	private static VergeosFilter listFilter(SnapshotQuery query, Instant now) {
		List<VergeosFilter> parts = new ArrayList<>();
		if (!query.includeExpired()) {
			parts.add(VergeosFilter
				.anyOf(List.of(VergeosFilter.eq("expires", 0), VergeosFilter.gt("expires", now.getEpochSecond()))));
		}
		if (query.name() != null) {
			parts.add(VergeosFilter.eq("name", query.name()));
		}
		if (query.createdAfter() != null) {
			parts.add(VergeosFilter.gt("created", query.createdAfter().getEpochSecond()));
		}
		if (query.createdBefore() != null) {
			Instant before = query.createdBefore();
			long ceiling = before.getEpochSecond() + ((before.getNano() > 0) ? 1 : 0);
			parts.add(VergeosFilter.lt("created", ceiling));
		}
		return VergeosFilter.allOf(parts);
	}

	private static int offsetOf(@Nullable Cursor cursor) {
		if (cursor == null) {
			return 0;
		}
		if (!OFFSET.matcher(cursor.value()).matches()) {
			throw new InvalidRequestException(ErrorCode.INVALID_PAGE_TOKEN, "Not a position in a VergeOS listing");
		}
		return Integer.parseInt(cursor.value());
	}

	private static Cursor cursorAt(int offset) {
		return new Cursor(Integer.toString(offset));
	}

	private static ConflictException locked(String nativeId, @Nullable Instant lockExpiresAt) {
		return new ConflictException(ErrorCode.SNAPSHOT_LOCKED,
				"Snapshot " + nativeId + " is immutable and locked: VergeOS will not delete it"
						+ ((lockExpiresAt != null) ? " before " + lockExpiresAt : ""),
				lockExpiresAt);
	}

	private static String detail(RestoreStatus status) {
		return switch (status) {
			case PENDING -> "Waiting for VergeOS to start the recovery";
			case RUNNING -> "VergeOS is importing the copy";
			case SUCCEEDED -> "The copy is recovered";
			case FAILED -> "VergeOS reported an error recovering the copy";
		};
	}

	/** VergeOS notes {@code Restored to: <name>} on the member row. */
	private static @Nullable String restoredNameOf(@Nullable String statusInfo) {
		String prefix = "Restored to: ";
		return (statusInfo != null && statusInfo.startsWith(prefix)) ? statusInfo.substring(prefix.length()).strip()
				: null;
	}

}
