package io.snapgate.provider.baidu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.snapgate.domain.ConflictException;
import io.snapgate.domain.DeleteOutcome;
import io.snapgate.domain.DiskType;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Preview;
import io.snapgate.domain.PreviewBuilder;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotChanges;
import io.snapgate.domain.SnapshotRef;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.domain.VolumeSource;
import io.snapgate.provider.baidu.BaiduInstanceSnapshotJson.Disk;
import io.snapgate.provider.baidu.BaiduReplies.ListInstanceSnapshotsBody;
import org.jspecify.annotations.Nullable;

/**
 * BCC's instance snapshots as a resource: read one by its id or page by page, told as
 * SnapGate's machine snapshots, and deleted as one with their disks' snapshots, which BCC
 * does only while the group is {@code active}, {@code error} or {@code errorRollback}.
 */
final class BaiduInstanceSnapshots {

	/** The most BCC lists of instance snapshots per page. */
	static final int MAX_KEYS = 100;

	/** Pages read when every instance snapshot of one instance is looked through. */
	private static final int MAX_PAGES = 10;

	private static final Set<String> DELETABLE = Set.of("active", "error", "errorrollback");

	private final ProviderId provider;

	private final BaiduClient client;

	private final BaiduDisks disks;

	private final BaiduInstanceSnapshotMapper mapper;

	BaiduInstanceSnapshots(ProviderId provider, BaiduClient client, BaiduDisks disks) {
		this.provider = provider;
		this.client = client;
		this.disks = disks;
		this.mapper = new BaiduInstanceSnapshotMapper(provider);
	}

	/** The group as BCC lists it now; empty once it is gone. */
	Optional<BaiduInstanceSnapshotJson> find(String instanceSnapshotId) {
		BaiduInstanceSnapshotListJson page = this.client
			.listInstanceSnapshots(new ListInstanceSnapshotsBody(null, 1, null, List.of(instanceSnapshotId)));
		return page.instanceSnapshotsOrEmpty()
			.stream()
			.filter((json) -> instanceSnapshotId.equals(json.instanceSnapshotId()))
			.filter((json) -> !BaiduInstanceSnapshotMapper.isGone(json))
			.findFirst();
	}

	BaiduInstanceSnapshotJson require(String instanceSnapshotId) {
		return find(instanceSnapshotId).orElseThrow(() -> notFound(instanceSnapshotId));
	}

	Optional<Snapshot> get(String instanceSnapshotId) {
		return find(instanceSnapshotId).map(this::toSnapshot);
	}

	/**
	 * One page, its ids and next marker checked before they travel back.
	 * @param instanceId only the groups of this instance, if set
	 */
	BaiduSnapshotStream.Chunk<BaiduInstanceSnapshotJson> page(@Nullable String marker, int limit,
			@Nullable String instanceId) {
		BaiduInstanceSnapshotListJson page = this.client.listInstanceSnapshots(new ListInstanceSnapshotsBody(marker,
				Math.clamp(limit, 1, MAX_KEYS), (instanceId != null) ? List.of(instanceId) : null, null));
		for (BaiduInstanceSnapshotJson json : page.instanceSnapshotsOrEmpty()) {
			position(json.instanceSnapshotId(), "instanceSnapshotId");
		}
		String next = page.truncated() ? BaiduSnapshotMapper.blankToNull(page.nextMarker()) : null;
		return new BaiduSnapshotStream.Chunk<>(page.instanceSnapshotsOrEmpty(),
				(next != null) ? position(next, "nextMarker") : null);
	}

	/**
	 * Every group of one instance BCC lists, up to {@value #MAX_PAGES} pages, gone ones
	 * left out.
	 */
	List<BaiduInstanceSnapshotJson> ofInstance(String instanceId) {
		List<BaiduInstanceSnapshotJson> found = new ArrayList<>();
		String marker = null;
		for (int pages = 0; pages < MAX_PAGES; pages++) {
			BaiduSnapshotStream.Chunk<BaiduInstanceSnapshotJson> page = page(marker, MAX_KEYS, instanceId);
			page.items().stream().filter((json) -> !BaiduInstanceSnapshotMapper.isGone(json)).forEach(found::add);
			marker = page.nextMarker();
			if (marker == null) {
				break;
			}
		}
		return found;
	}

	Snapshot toSnapshot(BaiduInstanceSnapshotJson json) {
		return this.mapper.toSnapshot(json, this::diskType);
	}

	/** What kind of disk a group names, which may ask BCC once per disk. */
	DiskType diskType(String volumeId) {
		VolumeSource source = this.disks.sourceOf(volumeId);
		return (source != null) ? source.diskType() : DiskType.CDS;
	}

	/** BCC deletes the group and its disks' snapshots on its own, after it answers. */
	DeleteOutcome delete(String instanceSnapshotId) {
		checkDeletable(require(instanceSnapshotId));
		this.client.deleteInstanceSnapshots(List.of(instanceSnapshotId));
		return DeleteOutcome.ACCEPTED;
	}

	Preview previewDelete(String instanceSnapshotId) {
		BaiduInstanceSnapshotJson json = require(instanceSnapshotId);
		checkDeletable(json);
		String ref = new SnapshotRef(this.provider, instanceSnapshotId).toString();
		String name = (json.instanceSnapshotName() != null) ? json.instanceSnapshotName() : instanceSnapshotId;
		PreviewBuilder preview = new PreviewBuilder()
			.passed("SNAPSHOT_EXISTS",
					"Snapshot " + ref + " is '" + name + "', an instance snapshot of " + json.instanceId() + " with "
							+ json.disks().size() + " disk(s)")
			.passed("SNAPSHOT_SETTLED", "It is " + json.instanceSnapshotStatus() + ", which Baidu deletes")
			.action(Preview.Change.DELETE, "SNAPSHOT", ref, name,
					(json.instanceSnapshotSizeInGiB() != null) ? json.instanceSnapshotSizeInGiB().longValue() : null,
					"The instance snapshot of " + json.instanceId() + "; BCC deletes it after it answers");
		for (Disk disk : json.disks()) {
			preview.action(Preview.Change.DELETE, "SNAPSHOT",
					new SnapshotRef(this.provider, String.valueOf(disk.snapshotId())).toString(), disk.snapshotName(),
					(disk.snapshotSizeInGiB() != null) ? disk.snapshotSizeInGiB().longValue() : null,
					"The snapshot of disk " + disk.volumeId() + " in it (" + disk.snapshotStatus()
							+ "), deleted with it");
		}
		return preview.warn("Instance " + json.instanceId() + " can no longer be reverted to snapshot '" + name + "'")
			.build();
	}

	/**
	 * Nothing of an instance snapshot can be changed: how BCC renames one is not
	 * confirmed, and it keeps no description or retention of the group itself.
	 * @throws InvalidRequestException naming the first field given
	 */
	Snapshot refuseChanges(String instanceSnapshotId, SnapshotChanges changes) {
		if (!changes.isEmpty()) {
			String field = (changes.name() != null) ? "name" : (changes.description() != null) ? "description"
					: (changes.retention() != null) ? "retention" : "neverExpire";
			throw InvalidRequestException.unsupported(field, "a Baidu machine snapshot (an instance snapshot) "
					+ "cannot be changed: BCC keeps its description and retention on each disk's snapshot, and how "
					+ "it renames one is not confirmed");
		}
		return get(instanceSnapshotId).orElseThrow(() -> notFound(instanceSnapshotId));
	}

	private static void checkDeletable(BaiduInstanceSnapshotJson json) {
		String status = (json.instanceSnapshotStatus() != null) ? json.instanceSnapshotStatus() : "";
		if (!DELETABLE.contains(status.toLowerCase(Locale.ROOT))) {
			throw new ConflictException(ErrorCode.SNAPSHOT_BUSY,
					"Instance snapshot " + json.instanceSnapshotId() + " is "
							+ (status.isEmpty() ? "of no state" : status)
							+ "; Baidu deletes an instance snapshot only while it is active, error or errorRollback");
		}
	}

	static NotFoundException notFound(String instanceSnapshotId) {
		return new NotFoundException(ErrorCode.SNAPSHOT_NOT_FOUND, "No snapshot " + instanceSnapshotId);
	}

	/** An id BCC answered, checked before it travels back in a cursor or a URL. */
	private static String position(@Nullable String id, String field) {
		if (!BaiduIds.isInstanceSnapshotId(id)) {
			throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR, "Baidu answered an instance snapshot " + field
					+ " SnapGate cannot read: it is not of the shape SnapGate knows, which Baidu does not document");
		}
		return id;
	}

}
