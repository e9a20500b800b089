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
import org.jspecify.annotations.Nullable;

/**
 * The VergeOS adapter: cloud (system) snapshots, their VMs and tenants, and restores of those as new
 * copies. Reads are {@link VergeosListing}'s and creates {@link VergeosCreation}'s.
 */
final class VergeosSnapshotProvider implements SnapshotProvider {

	static final ProviderType TYPE = new ProviderType("vergeos");

	private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(Capability.SYSTEM_SNAPSHOT,
			Capability.RESTORE_VM, Capability.RESTORE_TENANT, Capability.IMMUTABLE, Capability.RETENTION,
			Capability.PRIVATE));

	private final ProviderId id;

	private final VergeosClient client;

	private final VergeosListing listing;

	private final VergeosCreation creation;

	private final Clock clock;

	VergeosSnapshotProvider(ProviderId id, VergeosClient client, Clock clock, int minSnapshots,
			Duration defaultRetention) {
		this.id = id;
		this.client = client;
		VergeosSnapshotMapper mapper = new VergeosSnapshotMapper(id);
		this.listing = new VergeosListing(client, mapper, clock);
		this.creation = new VergeosCreation(id, client, this.listing, mapper, clock, minSnapshots, defaultRetention);
		this.clock = clock;
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
		return this.creation.create(command);
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
