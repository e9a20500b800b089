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
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.Page;
import io.snapgate.domain.Scope;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotQuery;
import io.snapgate.domain.UpstreamErrorException;
import org.jspecify.annotations.Nullable;

/**
 * BCC's snapshots as SnapGate shows them: listed by BCC's markers, filtered here where
 * BCC cannot, or read one at a time. Each snapshot's disk is told (through
 * {@link BaiduDisks}) before it is mapped.
 */
final class BaiduListing {

	/** The most BCC lists per page. */
	static final int MAX_KEYS = 1000;

	/**
	 * BCC pages read for one listing when filters BCC cannot apply leave pages sparse.
	 */
	private static final int MAX_PAGES_PER_LIST = 10;

	private final BaiduClient client;

	private final BaiduDisks disks;

	private final BaiduSnapshotMapper mapper;

	private final Clock clock;

	BaiduListing(BaiduClient client, BaiduDisks disks, BaiduSnapshotMapper mapper, Clock clock) {
		this.client = client;
		this.disks = disks;
		this.mapper = mapper;
		this.clock = clock;
	}

	/**
	 * BCC filters by disk only; the other filters are applied here, page by page. The
	 * order is BCC's own (newest first, as far as its documentation and SDKs show), and a
	 * cursor is the marker at which BCC begins a listing: the id of the snapshot it
	 * starts with.
	 */
	Page<Snapshot> list(SnapshotQuery query, @Nullable Cursor cursor, int limit) {
		String diskId = query.volumeId();
		if (query.scope() == Scope.SYSTEM
				|| (diskId != null && !BaiduIds.isVolumeId(diskId) && !BaiduIds.isInstanceId(diskId))) {
			return Page.last(List.of());
		}
		// BCC has filtered by disk; a system disk may be named by its instance, so it is
		// not checked again
		SnapshotQuery rest = new SnapshotQuery(query.statuses(), query.scope(), null, query.name(),
				query.createdAfter(), query.createdBefore(), query.includeExpired(), query.policy());
		String marker = (cursor != null) ? marker(cursor) : null;
		int maxKeys = Math.clamp(limit, 1, MAX_KEYS);
		Instant now = this.clock.instant();
		List<Page.Entry<Snapshot>> entries = new ArrayList<>();
		for (int pages = 0; pages < MAX_PAGES_PER_LIST; pages++) {
			BaiduSnapshotListJson page = this.client.listSnapshots(marker, maxKeys, diskId);
			for (BaiduSnapshotJson json : page.snapshotsOrEmpty()) {
				if (entries.size() == limit) {
					return new Page<>(entries, new Cursor(position(json.id())));
				}
				Snapshot snapshot = toSnapshot(json);
				if (rest.matches(snapshot, now)) {
					entries.add(new Page.Entry<>(snapshot, new Cursor(snapshot.nativeId())));
				}
			}
			String next = page.truncated() ? BaiduSnapshotMapper.blankToNull(page.nextMarker()) : null;
			if (next == null) {
				return Page.last(entries);
			}
			marker = position(next);
			if (entries.size() == limit) {
				break;
			}
		}
		return new Page<>(entries, new Cursor(Objects.requireNonNull(marker, "a page was read")));
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

	private static String marker(Cursor cursor) {
		if (!BaiduIds.isSnapshotId(cursor.value())) {
			throw new InvalidRequestException(ErrorCode.INVALID_PAGE_TOKEN, "Not a position in a Baidu listing");
		}
		return cursor.value();
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
