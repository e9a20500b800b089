package io.snapgate.provider.vergeos;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.domain.SnapshotQuery;
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

	private static final int MAX_DESCRIPTION = 2048;

	private static final int MARKER_MATCHES = 10;

	private final ProviderId id;

	private final VergeosClient client;

	private final VergeosSnapshotMapper mapper;

	private final VergeosListing listing;

	private final Clock clock;

	private final int minSnapshots;

	private final Duration defaultRetention;

	VergeosSnapshotProvider(ProviderId id, VergeosClient client, Clock clock, int minSnapshots,
			Duration defaultRetention) {
		this.id = id;
		this.client = client;
		this.mapper = new VergeosSnapshotMapper(id);
		this.listing = new VergeosListing(client, this.mapper, clock);
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

	@Override
	public Page<Snapshot> list(SnapshotQuery query, @Nullable Cursor cursor, int limit) {
		return this.listing.list(query, cursor, limit);
	}

	@Override
	public Optional<Snapshot> get(String nativeId) {
		return this.listing.get(nativeId);
	}

	@Override
	public List<Member> members(String nativeId, Set<MemberType> types) {
		return this.listing.members(nativeId, types);
	}

	@Override
	public List<Member> membersOf(Snapshot snapshot) {
		return this.listing.membersOf(snapshot);
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
					return Optional.of(this.listing.snapshot(row));
				}
				reused = true;
			}
		}
		if (reused) {
			throw new IdempotencyKeyReusedException();
		}
		return Optional.empty();
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
