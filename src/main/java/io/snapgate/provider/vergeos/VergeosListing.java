package io.snapgate.provider.vergeos;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.snapgate.domain.Cursor;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.Member;
import io.snapgate.domain.MemberType;
import io.snapgate.domain.Page;
import io.snapgate.domain.Scope;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotQuery;
import org.jspecify.annotations.Nullable;

/**
 * Reads cloud snapshots, one or a page of them, and the VMs and tenants they hold; a page
 * of a listing merges the VM snapshots in (see {@link VergeosMachineListing}). A row is
 * CREATING while its task runs, so the rows read are followed by one read of the tasks
 * they name, if they name any.
 */
final class VergeosListing {

	private static final Pattern OFFSET = Pattern.compile("[0-9]{1,9}");

	private static final int MAX_PAGE = 1000;

	private final VergeosClient client;

	private final VergeosSnapshotMapper mapper;

	private final Clock clock;

	private final VergeosMachineListing machines;

	VergeosListing(VergeosClient client, VergeosSnapshotMapper mapper, Clock clock, VergeosMachineListing machines) {
		this.client = client;
		this.mapper = mapper;
		this.clock = clock;
		this.machines = machines;
	}

	/**
	 * Newest first, cloud and VM snapshots merged (see {@link VergeosMergedPage}).
	 * Expiry, name, creation time and the policy (the snapshot profile) are filtered
	 * upstream; status after the fact (reading on for a few pages to fill this one). A
	 * VergeOS snapshot is never of a volume, so a volume filter matches nothing, and
	 * neither does a policy id that is not a profile key; a machine filter matches VM
	 * snapshots only.
	 */
	Page<Snapshot> list(SnapshotQuery query, @Nullable Cursor cursor, int limit) {
		if (query.scope() == Scope.VOLUME || query.volumeId() != null
				|| (query.policy() != null && !VergeosLimits.isKey(query.policy()))) {
			return Page.last(List.of());
		}
		VergeosListingPosition start = VergeosListingPosition.of(cursor);
		int size = Math.clamp(limit, 1, MAX_PAGE);
		Instant now = this.clock.instant();
		VergeosMergedPage.Source clouds = null;
		if (query.scope() != Scope.MACHINE && query.machine() == null) {
			VergeosFilter filter = listFilter(query, now);
			clouds = (offset, rows) -> cloudPage(filter, offset, rows, now);
		}
		return VergeosMergedPage.read(query, now, start, size, clouds, this.machines.source(query, now));
	}

	/** One page of cloud snapshots, each with the status of its task. */
	private List<Optional<Snapshot>> cloudPage(@Nullable VergeosFilter filter, int offset, int limit, Instant now) {
		List<VergeosCloudSnapshotRow> rows = this.client.cloudSnapshots(filter, limit, offset);
		Map<String, String> tasks = taskStatuses(rows);
		List<Optional<Snapshot>> page = new ArrayList<>();
		for (VergeosCloudSnapshotRow row : rows) {
			page.add((row.key() == null || !VergeosLimits.isKey(row.key())) ? Optional.empty()
					: Optional.of(this.mapper.snapshot(row, taskStatus(row, tasks), now)));
		}
		return page;
	}

	Optional<Snapshot> get(String nativeId) {
		return this.client.cloudSnapshot(nativeId).filter((row) -> row.key() != null).map(this::snapshot);
	}

	/**
	 * Member rows prove the snapshot exists; only when there are none is the snapshot
	 * read, to tell an empty snapshot from a missing one.
	 */
	List<Member> members(String nativeId, Set<MemberType> types) {
		List<Member> members = memberRows(nativeId, types);
		if (members.isEmpty() && this.client.cloudSnapshot(nativeId).isEmpty()) {
			throw VergeosErrors.snapshotNotFound(nativeId);
		}
		return members;
	}

	/** The snapshot was just read: no need to read it again to know it exists. */
	List<Member> membersOf(Snapshot snapshot) {
		return memberRows(snapshot.nativeId(), EnumSet.allOf(MemberType.class));
	}

	/** A row as a snapshot, with the status of its task when it names one. */
	Snapshot snapshot(VergeosCloudSnapshotRow row) {
		List<VergeosCloudSnapshotRow> rows = List.of(row);
		return this.mapper.snapshot(row, taskStatus(row, taskStatuses(rows)), this.clock.instant());
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

	/** The status of each task that the rows name, read in one request. */
	private Map<String, String> taskStatuses(List<VergeosCloudSnapshotRow> rows) {
		Set<String> keys = new LinkedHashSet<>();
		rows.stream()
			.map(VergeosCloudSnapshotRow::task)
			.filter((task) -> task != null && VergeosLimits.isKey(task))
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

	private static @Nullable VergeosFilter listFilter(SnapshotQuery query, Instant now) {
		List<VergeosFilter> parts = new ArrayList<>();
		if (!query.includeExpired()) {
			parts.add(VergeosFilter
				.anyOf(List.of(VergeosFilter.eq("expires", 0), VergeosFilter.gt("expires", now.getEpochSecond()))));
		}
		if (query.name() != null) {
			parts.add(VergeosFilter.eq("name", query.name()));
		}
		if (query.policy() != null) {
			parts.add(VergeosFilter.eq("snapshot_profile", Long.parseLong(query.policy())));
		}
		commonFilters(query, parts);
		return VergeosFilter.allOf(parts);
	}

	/** The filters on the creation time, which cloud and VM snapshots share. */
	static void commonFilters(SnapshotQuery query, List<VergeosFilter> parts) {
		if (query.createdAfter() != null) {
			parts.add(VergeosFilter.gt("created", query.createdAfter().getEpochSecond()));
		}
		if (query.createdBefore() != null) {
			Instant before = query.createdBefore();
			long ceiling = before.getEpochSecond() + ((before.getNano() > 0) ? 1 : 0);
			parts.add(VergeosFilter.lt("created", ceiling));
		}
	}

	/** The offset a cursor of a VergeOS listing stands for. */
	static int offsetOf(@Nullable Cursor cursor) {
		if (cursor == null) {
			return 0;
		}
		if (!OFFSET.matcher(cursor.value()).matches()) {
			throw new InvalidRequestException(ErrorCode.INVALID_PAGE_TOKEN, "Not a position in a VergeOS listing");
		}
		return Integer.parseInt(cursor.value());
	}

	static Cursor cursorAt(int offset) {
		return new Cursor(Integer.toString(offset));
	}

}
