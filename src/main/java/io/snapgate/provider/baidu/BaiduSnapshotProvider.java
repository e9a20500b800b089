package io.snapgate.provider.baidu;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.snapgate.domain.Capability;
import io.snapgate.domain.CreateSnapshot;
import io.snapgate.domain.Cursor;
import io.snapgate.domain.DeleteOutcome;
import io.snapgate.domain.DiskType;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.Member;
import io.snapgate.domain.MemberType;
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
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.provider.baidu.BaiduReplies.CreateSnapshotBody;
import io.snapgate.provider.baidu.BaiduRules.RollbackTarget;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Baidu Cloud BCC behind the port: per-disk snapshots, rolled back in place. BCC's rules are checked
 * before a request that would break them is sent, so that callers get a specific 409.
 */
final class BaiduSnapshotProvider implements SnapshotProvider {

	static final ProviderType TYPE = new ProviderType("baidu");

	private static final Logger logger = LoggerFactory.getLogger(BaiduSnapshotProvider.class);

	private final ProviderId id;

	private final BaiduClient client;

	private final BaiduListing listing;

	private final BaiduRules rules;

	private final BaiduRollbacks rollbacks;

	BaiduSnapshotProvider(ProviderId id, BaiduClient client, Clock clock) {
		this.id = id;
		this.client = client;
		BaiduDisks disks = new BaiduDisks(client);
		this.listing = new BaiduListing(client, disks, new BaiduSnapshotMapper(id), clock);
		this.rules = new BaiduRules(client, disks);
		this.rollbacks = new BaiduRollbacks(client, this.rules, clock);
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
		return EnumSet.of(Capability.VOLUME_SNAPSHOT, Capability.ROLLBACK_VOLUME);
	}

	@Override
	public boolean isValidNativeId(String nativeId) {
		return BaiduIds.isSnapshotId(nativeId);
	}

	@Override
	public boolean deduplicatesCreates() {
		return true;
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
		this.rules.requireSnapshot(nativeId);
		return List.of();
	}

	@Override
	public Snapshot create(CreateSnapshot command) {
		String name = command.name();
		if (!BaiduIds.isSnapshotName(name)) {
			throw InvalidRequestException.field("name",
					"Baidu snapshot names are 1 to 65 letters, digits and underscores");
		}
		String diskId = command.volumeId();
		if (diskId == null || !(BaiduIds.isVolumeId(diskId) || BaiduIds.isInstanceId(diskId))) {
			throw InvalidRequestException.field("volumeId",
					"name the disk to snapshot: a CDS volume id (v-...), or an instance id (i-...) for its system disk");
		}
		BaiduOperation operation = this.rules.checkSnapshottable(diskId);
		// the same caller's key gives the same token on every replica, so BCC makes the snapshot once
		String clientToken = (command.idempotency() != null) ? command.idempotency().token(this.id)
				: UUID.randomUUID().toString();
		String snapshotId = this.client.createSnapshot(clientToken,
				new CreateSnapshotBody(diskId, name, BaiduSnapshotMapper.blankToNull(command.description())), operation);
		if (!BaiduIds.isSnapshotId(snapshotId)) {
			throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR, "Baidu answered a snapshot id of an unknown shape");
		}
		return this.listing.get(snapshotId)
			.orElseGet(() -> this.listing.creating(snapshotId, name, command.description(), diskId));
	}

	@Override
	public DeleteOutcome delete(String nativeId) {
		this.rules.checkDeletable(nativeId);
		this.client.deleteSnapshot(nativeId);
		return DeleteOutcome.DELETED;
	}

	@Override
	public Restore restore(RestoreCommand command) {
		return this.rollbacks.start(command);
	}

	@Override
	public Restore restoreStatus(RestoreHandle handle) {
		return this.rollbacks.status(handle);
	}

	@Override
	public ProviderHealth health() {
		try {
			this.client.listSnapshots(null, 1, null);
			return ProviderHealth.UP;
		}
		catch (SnapGateException ex) {
			logger.debug("Provider {} is down: {}", this.id, ex.getMessage());
			return ProviderHealth.DOWN;
		}
	}

}
