package io.snapgate.sandbox.baidu;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import io.snapgate.sandbox.baidu.BaiduSandboxJson.CreateInstanceSnapshotRequest;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.CreatedInstanceSnapshot;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.DeleteInstanceSnapshotsRequest;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.InstanceSnapshotPage;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.ListInstanceSnapshotsRequest;
import io.snapgate.sandbox.baidu.BaiduSandboxResources.Instance;
import io.snapgate.sandbox.baidu.BaiduSandboxResources.InstanceSnapshot;
import io.snapgate.sandbox.baidu.BaiduSandboxResources.Snapshot;
import io.snapgate.sandbox.baidu.BaiduSandboxResources.Volume;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The emulated account's instance snapshots, with BCC's rules for them: made of an
 * instance Running or Stopped whose disks are all in use, one snapshot of the system disk
 * and of each attached CDS disk (or of those {@code volumes} names), under a client
 * token; listed newest first by marker, at most 100 at a time; deleted with their disks'
 * snapshots only while {@code active}, {@code error} or {@code errorRollback}. A group is
 * {@code creating} while a disk's snapshot is, {@code error} once one failed,
 * {@code active} when all are available, and {@code deleting} for a while after its
 * delete. Not safe on its own: {@link BaiduSandboxState} calls it under its lock.
 */
final class BaiduSandboxInstanceSnapshots {

	static final int MAX_KEYS = 100;

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final Set<String> READY_INSTANCE = Set.of("Running", "Stopped");

	private static final Set<String> DELETABLE = Set.of("active", "error", "errorRollback");

	private static final int MAX_RETENTION_DAYS = 10_000;

	private final BaiduSandboxAccount account;

	private final BaiduSandboxProgress progress;

	private final BaiduSandboxSettings settings;

	private final Map<String, InstanceSnapshot> groups = new LinkedHashMap<>();

	private final Map<String, String> groupOfSnapshot = new LinkedHashMap<>();

	private final BaiduSandboxClientTokens clientTokens = new BaiduSandboxClientTokens();

	BaiduSandboxInstanceSnapshots(BaiduSandboxAccount account, BaiduSandboxProgress progress,
			BaiduSandboxSettings settings) {
		this.account = account;
		this.progress = progress;
		this.settings = settings;
	}

	CreatedInstanceSnapshot create(@Nullable String clientToken, CreateInstanceSnapshotRequest request, Instant now) {
		BaiduSandboxClientTokens.requireValid(clientToken);
		String instanceId = request.instanceId();
		String name = request.name();
		if (instanceId == null || name == null) {
			throw BaiduSandboxException.invalid("instanceId and name are required");
		}
		Integer retentionDays = retentionDays(request.retentionInDays());
		List<String> volumes = volumes(request.volumes());
		String desc = (request.desc() != null) ? request.desc() : "";
		String fingerprint = String.join("\n", instanceId, name, desc, String.valueOf(retentionDays),
				String.valueOf(volumes));
		if (clientToken != null) {
			String earlier = this.clientTokens.earlier(clientToken, fingerprint);
			if (earlier != null) {
				InstanceSnapshot group = Objects.requireNonNull(this.groups.get(earlier));
				return new CreatedInstanceSnapshot(group.id(), group.snapshotIds());
			}
		}
		if (!name.matches("[A-Za-z][A-Za-z0-9_]{0,64}")) {
			throw BaiduSandboxException
				.invalid("name must be 1 to 65 letters, digits and underscores, starting with a letter");
		}
		Instance instance = this.account.requireInstance(instanceId);
		String instanceStatus = this.progress.status(instance, now);
		if (!READY_INSTANCE.contains(instanceStatus)) {
			throw new BaiduSandboxException(409, "InstanceStatusConflict",
					"Instance " + instanceId + " is " + instanceStatus + "; it must be Running or Stopped");
		}
		List<Volume> disks = disksOf(instance, volumes);
		for (Volume disk : disks) {
			String status = this.progress.status(disk, now);
			if (!status.equals("InUse")) {
				throw new BaiduSandboxException(409, "VolumeStatusConflict",
						"Volume " + disk.id() + " is " + status + "; every disk must be InUse");
			}
			long held = this.account.heldBy(disk.id()).stream().filter((s) -> !s.automatic()).count();
			if (held >= this.settings.quotaPerDisk()) {
				throw new BaiduSandboxException(400, "SnapshotQuotaExceeded",
						"Volume " + disk.id() + " holds " + held + " snapshots, its quota");
			}
		}
		Instant createdAt = now.truncatedTo(ChronoUnit.SECONDS);
		Instant expiresAt = (retentionDays != null) ? createdAt.plus(Duration.ofDays(retentionDays)) : null;
		String id = newId();
		List<String> snapshotIds = new ArrayList<>();
		for (Volume disk : disks) {
			String snapshotId = this.account.newSnapshotId();
			this.account.put(new Snapshot(this.account.nextSequence(), snapshotId, name, desc, disk.id(), disk.sizeGb(),
					createdAt, "Creating", now.plus(this.settings.snapshotDelay()), "MANUAL", false, null, expiresAt));
			snapshotIds.add(snapshotId);
		}
		put(new InstanceSnapshot(this.account.nextSequence(), id, name, instanceId, createdAt, snapshotIds, null));
		if (clientToken != null) {
			this.clientTokens.remember(clientToken, fingerprint, id);
		}
		return new CreatedInstanceSnapshot(id, snapshotIds);
	}

	/**
	 * Newest first; {@code marker} is the id the page begins with ({@code -1} or none for
	 * the beginning), {@code nextMarker} the id the next one begins with.
	 */
	InstanceSnapshotPage list(ListInstanceSnapshotsRequest request, Instant now, BaiduSandboxMapper mapper) {
		int maxKeys = maxKeys(request.maxKeys());
		String marker = marker(request.marker());
		List<InstanceSnapshot> ordered = this.groups.values()
			.stream()
			.sorted(Comparator.comparingLong(InstanceSnapshot::sequence).reversed())
			.toList();
		int start = 0;
		if (marker != null) {
			start = ordered.stream().map(InstanceSnapshot::id).toList().indexOf(marker);
			if (start < 0) {
				throw BaiduSandboxException.invalid("marker " + marker + " is no instance snapshot of this account");
			}
		}
		List<String> instanceIds = (request.instanceIds() != null) ? request.instanceIds() : List.of();
		List<String> ids = (request.instanceSnapshotIds() != null) ? request.instanceSnapshotIds() : List.of();
		List<BaiduSandboxJson.InstanceSnapshot> page = new ArrayList<>();
		String nextMarker = null;
		for (InstanceSnapshot group : ordered.subList(start, ordered.size())) {
			if (isGone(group, now) || (!instanceIds.isEmpty() && !instanceIds.contains(group.instanceId()))
					|| (!ids.isEmpty() && !ids.contains(group.id()))) {
				continue;
			}
			if (page.size() == maxKeys) {
				nextMarker = group.id();
				break;
			}
			page.add(mapper.instanceSnapshot(group, status(group, now), members(group), now));
		}
		return new InstanceSnapshotPage((marker != null) ? marker : "-1", nextMarker != null, nextMarker, maxKeys,
				page);
	}

	/**
	 * Deletes every group named, with its disks' snapshots, or none of them when one
	 * cannot be deleted now.
	 */
	void delete(DeleteInstanceSnapshotsRequest request, Instant now) {
		List<String> ids = request.deleteInsnapIds();
		if (ids == null || ids.isEmpty() || ids.size() > MAX_KEYS) {
			throw BaiduSandboxException.invalid("deleteInsnapIds must name 1 to " + MAX_KEYS + " instance snapshots");
		}
		List<InstanceSnapshot> deleted = new ArrayList<>();
		for (String id : ids) {
			InstanceSnapshot group = this.groups.get(id);
			if (group == null || isGone(group, now)) {
				throw BaiduSandboxException.notFound("instance snapshot " + id);
			}
			String status = status(group, now);
			if (!DELETABLE.contains(status)) {
				throw new BaiduSandboxException(409, "OperationDenied",
						"Instance snapshot " + id + " is " + status + "; it cannot be deleted now");
			}
			boolean rollingBackFromIt = this.account.volumes()
				.stream()
				.anyMatch((v) -> v.isRollingBack(now) && group.snapshotIds().contains(v.rollbackSnapshotId()));
			if (rollingBackFromIt) {
				throw new BaiduSandboxException(409, "OperationDenied",
						"Instance snapshot " + id + " is in use by a rollback; it cannot be deleted now");
			}
			deleted.add(group);
		}
		for (InstanceSnapshot group : deleted) {
			put(group.deleted(now.plus(this.settings.snapshotDelay())));
			for (Snapshot member : members(group)) {
				this.account.put(member.asDeleted());
			}
		}
	}

	/** Whether {@code id} is one of the account's instance snapshots, gone or not. */
	boolean holds(String id) {
		return this.groups.containsKey(id);
	}

	/** The instance snapshot a disk's snapshot was taken in, if any. */
	@Nullable String groupOf(String snapshotId) {
		return this.groupOfSnapshot.get(snapshotId);
	}

	/** Records a group as it is, its disks' snapshots already in the account. */
	void put(InstanceSnapshot group) {
		this.groups.put(group.id(), group);
		group.snapshotIds().forEach((snapshotId) -> this.groupOfSnapshot.put(snapshotId, group.id()));
	}

	String status(InstanceSnapshot group, Instant now) {
		if (group.isDeleted()) {
			return "deleting";
		}
		List<String> statuses = members(group).stream().map((s) -> this.progress.status(s, now)).toList();
		if (statuses.contains("CreatedFailed")) {
			return "error";
		}
		return statuses.contains("Creating") ? "creating" : "active";
	}

	/** The disks' snapshots it still holds (a schedule's expiry may have taken some). */
	private List<Snapshot> members(InstanceSnapshot group) {
		List<Snapshot> members = new ArrayList<>();
		for (String snapshotId : group.snapshotIds()) {
			Snapshot snapshot = this.account.snapshot(snapshotId);
			if (snapshot != null && (!snapshot.deleted() || group.isDeleted())) {
				members.add(snapshot);
			}
		}
		return members;
	}

	private boolean isGone(InstanceSnapshot group, Instant now) {
		Instant until = group.deletingUntil();
		return (until != null && !now.isBefore(until)) || members(group).isEmpty();
	}

	/**
	 * The disks it is taken of: the system disk and every attached CDS disk, or those
	 * {@code volumes} names, each of which must be one of them.
	 */
	private List<Volume> disksOf(Instance instance, @Nullable List<String> volumes) {
		List<Volume> attached = new ArrayList<>();
		attached.add(this.account.systemVolume(instance));
		this.account.volumes()
			.stream()
			.filter((v) -> !v.system() && instance.id().equals(v.instanceId()))
			.sorted(Comparator.comparing(Volume::id))
			.forEach(attached::add);
		if (volumes == null) {
			return attached;
		}
		for (String volumeId : volumes) {
			if (attached.stream().noneMatch((v) -> v.id().equals(volumeId))) {
				throw BaiduSandboxException.invalid("volume " + volumeId + " is not a disk of " + instance.id());
			}
		}
		return attached.stream().filter((v) -> volumes.contains(v.id())).toList();
	}

	private static @Nullable List<String> volumes(@Nullable JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isArray() || node.isEmpty()) {
			throw BaiduSandboxException.invalid("volumes must be a list of volume ids");
		}
		List<String> volumes = new ArrayList<>();
		for (JsonNode value : node.values()) {
			if (!value.isString()) {
				throw BaiduSandboxException.invalid("volumes must be a list of volume ids");
			}
			volumes.add(value.stringValue());
		}
		return volumes;
	}

	/**
	 * {@code -1} keeps the snapshots; {@code null} when not given, which keeps them too.
	 */
	private static @Nullable Integer retentionDays(@Nullable JsonNode value) {
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()
				|| (value.intValue() != -1 && (value.intValue() < 1 || value.intValue() > MAX_RETENTION_DAYS))) {
			throw BaiduSandboxException.invalid("retentionInDays must be -1, or 1 to " + MAX_RETENTION_DAYS);
		}
		return (value.intValue() == -1) ? null : value.intValue();
	}

	private static int maxKeys(@Nullable JsonNode value) {
		if (value == null || value.isNull()) {
			return MAX_KEYS;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1
				|| value.intValue() > MAX_KEYS) {
			throw BaiduSandboxException.invalid("maxKeys must be 1 to " + MAX_KEYS);
		}
		return value.intValue();
	}

	private static @Nullable String marker(@Nullable JsonNode value) {
		if (value == null || value.isNull()) {
			return null;
		}
		String marker = value.isString() ? value.stringValue() : value.toString();
		return (marker.isEmpty() || marker.equals("-1")) ? null : marker;
	}

	/** A new id: {@code insnap-} and eight letters or digits. */
	private String newId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String id;
		do {
			StringBuilder builder = new StringBuilder("insnap-");
			for (int i = 0; i < 8; i++) {
				builder.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
			}
			id = builder.toString();
		}
		while (this.groups.containsKey(id));
		return id;
	}

}
