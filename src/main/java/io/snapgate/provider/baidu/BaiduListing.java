package io.snapgate.provider.baidu;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.snapgate.domain.Cursor;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.Page;
import io.snapgate.domain.Scope;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotQuery;
import io.snapgate.domain.UpstreamErrorException;
import org.jspecify.annotations.Nullable;

/**
 * BCC's snapshots as SnapGate shows them: its disk snapshots and its instance snapshots,
 * each listed by BCC's markers and merged newest first under one cursor
 * ({@link BaiduListingCursor}), filtered here where BCC cannot; or read one at a time. A
 * disk snapshot taken in an instance snapshot is listed once, as one of that machine
 * snapshot's disks. Each snapshot's disk is told (through {@link BaiduDisks}) before it
 * is mapped.
 */
final class BaiduListing {

	/** The most BCC lists per page. */
	static final int MAX_KEYS = 1000;

	/**
	 * BCC pages read of each listing for one answer when filters BCC cannot apply leave
	 * pages sparse.
	 */
	private static final int MAX_PAGES_PER_LIST = 10;

	private final BaiduClient client;

	private final BaiduDisks disks;

	private final BaiduSnapshotMapper mapper;

	private final BaiduInstanceSnapshots groups;

	private final Clock clock;

	BaiduListing(BaiduClient client, BaiduDisks disks, BaiduSnapshotMapper mapper, BaiduInstanceSnapshots groups,
			Clock clock) {
		this.client = client;
		this.disks = disks;
		this.mapper = mapper;
		this.groups = groups;
		this.clock = clock;
	}

	/**
	 * BCC filters disk snapshots by disk and instance snapshots by instance; the other
	 * filters are applied here, page by page. Each listing is in BCC's own order (newest
	 * first, as far as its documentation and SDKs show) and the two are merged by
	 * creation time, so that paging through unchanged data gives each snapshot once.
	 */
	Page<Snapshot> list(SnapshotQuery query, @Nullable Cursor cursor, int limit) {
		boolean withDisks = query.scope() != Scope.SYSTEM && query.scope() != Scope.MACHINE && query.machine() == null;
		boolean withGroups = query.scope() != Scope.SYSTEM && query.scope() != Scope.VOLUME && query.volumeId() == null
				&& query.policy() == null;
		String diskId = query.volumeId();
		if (diskId != null && !BaiduIds.isVolumeId(diskId) && !BaiduIds.isInstanceId(diskId)) {
			withDisks = false;
		}
		if (query.machine() != null && !BaiduIds.isInstanceId(query.machine())) {
			withGroups = false;
		}
		if (!withDisks && !withGroups) {
			return Page.last(List.of());
		}
		BaiduListingCursor start = (cursor != null) ? BaiduListingCursor.parse(cursor, withGroups)
				: BaiduListingCursor.BEGINNING;
		// BCC has filtered by disk; a system disk may be named by its instance, so it is
		// not checked again
		SnapshotQuery rest = new SnapshotQuery(query.statuses(), query.scope(), null, query.name(),
				query.createdAfter(), query.createdBefore(), query.includeExpired(), query.policy(), query.machine());
		Instant now = this.clock.instant();
		BaiduSnapshotStream<BaiduSnapshotJson> diskStream = new BaiduSnapshotStream<>(
				(marker) -> diskPage(marker, limit, diskId), (json) -> String.valueOf(json.id()),
				(json) -> listedDisk(json, rest, now), withDisks ? start.disks() : BaiduListingCursor.END,
				MAX_PAGES_PER_LIST);
		String instanceId = query.machine();
		BaiduSnapshotStream<BaiduInstanceSnapshotJson> groupStream = new BaiduSnapshotStream<>(
				(marker) -> this.groups.page(marker, limit, instanceId),
				(json) -> String.valueOf(json.instanceSnapshotId()), (json) -> listedGroup(json, rest, now),
				withGroups ? start.groups() : BaiduListingCursor.END, MAX_PAGES_PER_LIST);
		List<Page.Entry<Snapshot>> entries = new ArrayList<>();
		while (entries.size() < limit) {
			Snapshot disk = diskStream.peek();
			Snapshot group = groupStream.peek();
			if (diskStream.stalled() || groupStream.stalled() || (disk == null && group == null)) {
				break;
			}
			Cursor here = new BaiduListingCursor(diskStream.position(), groupStream.position()).toCursor(withGroups);
			if (disk == null || (group != null && group.createdAt().isAfter(disk.createdAt()))) {
				entries.add(new Page.Entry<>(Objects.requireNonNull(group, "one of the two is there"), here));
				groupStream.consume();
			}
			else {
				entries.add(new Page.Entry<>(disk, here));
				diskStream.consume();
			}
		}
		BaiduListingCursor next = new BaiduListingCursor(diskStream.position(), groupStream.position());
		return new Page<>(entries, next.isEnd() ? null : next.toCursor(withGroups));
	}

	/** A disk snapshot's page, its next marker checked before it travels back. */
	private BaiduSnapshotStream.Chunk<BaiduSnapshotJson> diskPage(@Nullable String marker, int limit,
			@Nullable String diskId) {
		BaiduSnapshotListJson page = this.client.listSnapshots(marker, Math.clamp(limit, 1, MAX_KEYS), diskId);
		for (BaiduSnapshotJson json : page.snapshotsOrEmpty()) {
			position(json.id());
		}
		String next = page.truncated() ? BaiduSnapshotMapper.blankToNull(page.nextMarker()) : null;
		return new BaiduSnapshotStream.Chunk<>(page.snapshotsOrEmpty(), (next != null) ? position(next) : null);
	}

	/**
	 * A disk snapshot as listed: not at all when it was taken in an instance snapshot,
	 * which lists it among its disks.
	 */
	private @Nullable Snapshot listedDisk(BaiduSnapshotJson json, SnapshotQuery query, Instant now) {
		if (BaiduSnapshotMapper.blankToNull(json.insnapId()) != null) {
			return null;
		}
		Snapshot snapshot = toSnapshot(json);
		return query.matches(snapshot, now) ? snapshot : null;
	}

	private @Nullable Snapshot listedGroup(BaiduInstanceSnapshotJson json, SnapshotQuery query, Instant now) {
		if (BaiduInstanceSnapshotMapper.isGone(json)) {
			return null;
		}
		Snapshot snapshot = this.groups.toSnapshot(json);
		return query.matches(snapshot, now) ? snapshot : null;
	}

	Optional<Snapshot> get(String snapshotId) {
		return this.client.findSnapshot(snapshotId).map(this::toSnapshot);
	}

	/**
	 * How a snapshot just asked for shows while BCC does not show it yet.
	 * @param retentionDays the days it was asked to be kept; {@code null} for until
	 * deleted
	 */
	Snapshot creating(String snapshotId, String name, @Nullable String description, String diskId,
			@Nullable Integer retentionDays) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		return this.mapper.creating(snapshotId, name, description, this.disks.sourceOf(diskId), now,
				(retentionDays != null) ? BaiduRetention.expiry(now, retentionDays) : null);
	}

	/**
	 * Tells the snapshot's disk (which may ask BCC, once per disk) before it is mapped,
	 * and for a snapshot a schedule made, the policy: BCC records none on the snapshot,
	 * so it is the policy the disk is in now, which need not be the one that made it.
	 */
	private Snapshot toSnapshot(BaiduSnapshotJson json) {
		String policy = BaiduSnapshotMapper.isAutomatic(json) ? this.disks.policyOf(json.volumeId()) : null;
		return this.mapper.toSnapshot(json, this.disks.sourceOf(json.volumeId()), policy);
	}

	/** A marker BCC answered, checked before it travels back. */
	private static String position(@Nullable String snapshotId) {
		if (!BaiduIds.isSnapshotId(snapshotId)) {
			throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
					"Baidu answered a marker that is no snapshot id");
		}
		return snapshotId;
	}

}
