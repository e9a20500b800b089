package io.snapgate.sandbox.baidu;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.snapgate.sandbox.baidu.BaiduSandboxJson.AspPage;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.AspRequest;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.CreateInstanceSnapshotRequest;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.CreateRequest;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.CreatedInstanceSnapshot;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.DeleteInstanceSnapshotsRequest;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.InstanceSnapshotPage;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.ListInstanceSnapshotsRequest;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.RemoteCopyRequest;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.RemoteCopyResult;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.SnapshotPage;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.VolumePage;
import io.snapgate.sandbox.baidu.BaiduSandboxPaging.Slice;
import io.snapgate.sandbox.baidu.BaiduSandboxResources.Instance;
import io.snapgate.sandbox.baidu.BaiduSandboxResources.Policy;
import io.snapgate.sandbox.baidu.BaiduSandboxResources.Snapshot;
import io.snapgate.sandbox.baidu.BaiduSandboxResources.Volume;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The emulated BCC account and its rules: which snapshots BCC makes, deletes and rolls
 * disks back to, and which it refuses, over one region of the account as seeded
 * ({@link BaiduSandboxSeed} for {@code bj}, {@link BaiduSandboxGzSeed} for {@code gz}),
 * with statuses as {@link BaiduSandboxProgress} works them out from the clock. Its
 * automatic snapshot policies are kept by {@link BaiduSandboxPolicies} and run by
 * {@link BaiduSandboxSchedules} whenever {@link #runSchedules} is called; its instance
 * snapshots are kept by {@link BaiduSandboxInstanceSnapshots}; its copies to other
 * regions are sent by {@link BaiduSandboxRemoteCopies} and those from other regions
 * received by {@link BaiduSandboxArrivals}. One state is one region of the account, as
 * {@link BaiduSandboxRegions} holds them. Every operation holds the region's lock, so
 * that checks and changes are one step.
 */
final class BaiduSandboxState {

	private static final Set<String> SNAPSHOTTABLE_VOLUME = Set.of("InUse", "Available");

	private static final Set<String> READY_INSTANCE = Set.of("Running", "Stopped");

	private static final int MAX_KEYS = 1000;

	private static final int MAX_RETENTION_DAYS = 10000;

	private final BaiduSandboxSettings settings;

	private final Clock clock;

	private final BaiduSandboxAccount account = new BaiduSandboxAccount();

	private final BaiduSandboxClientTokens clientTokens = new BaiduSandboxClientTokens();

	private final BaiduSandboxProgress progress;

	private final BaiduSandboxMapper mapper;

	private final BaiduSandboxPolicies policies = new BaiduSandboxPolicies(this.account);

	private final BaiduSandboxSchedules schedules;

	private final BaiduSandboxInstanceSnapshots instanceSnapshots;

	private final BaiduSandboxRemoteCopies remoteCopies;

	private final BaiduSandboxArrivals arrivals;

	/** The account's first region, {@code bj}, on its own: it copies nowhere. */
	BaiduSandboxState(BaiduSandboxSettings settings, Clock clock) {
		this(settings, clock, BaiduSandboxRegion.BJ, Map.of());
	}

	/**
	 * @param destinations the states of the regions this one copies to, by region code;
	 * none of them copies back
	 */
	BaiduSandboxState(BaiduSandboxSettings settings, Clock clock, BaiduSandboxRegion region,
			Map<String, BaiduSandboxState> destinations) {
		this.settings = settings;
		this.clock = clock;
		this.progress = new BaiduSandboxProgress(this.account, settings.snapshotDelay());
		this.mapper = new BaiduSandboxMapper(this.progress, region.zone());
		this.schedules = new BaiduSandboxSchedules(this.account, this.policies, settings.snapshotDelay());
		this.instanceSnapshots = new BaiduSandboxInstanceSnapshots(this.account, this.progress, settings);
		this.remoteCopies = new BaiduSandboxRemoteCopies(region, this.account, this.progress, this.instanceSnapshots,
				this.clientTokens, destinations);
		this.arrivals = new BaiduSandboxArrivals(this.account, this.progress, settings.copyDelay());
		Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		switch (region) {
			case BJ -> {
				BaiduSandboxSeed.plant(this.account, now);
				BaiduSandboxSeed.plant(this.account, this.instanceSnapshots, now);
				BaiduSandboxSeed.plant(this.policies, now, settings.demoScheduleEveryMinute());
			}
			case GZ -> BaiduSandboxGzSeed.plant(this.account, now);
		}
		this.account.whenSnapshotDeleted(this.remoteCopies::sourceDeleted);
	}

	synchronized SnapshotPage list(@Nullable String marker, @Nullable String maxKeysParameter,
			@Nullable String diskId) {
		int maxKeys = maxKeys(maxKeysParameter);
		Instant now = now();
		List<Snapshot> ordered = this.account.newestFirst();
		int start = 0;
		if (marker != null && !marker.isEmpty()) {
			start = ordered.stream().map(Snapshot::id).toList().indexOf(marker);
			if (start < 0) {
				throw BaiduSandboxException.invalid("marker " + marker + " is not a snapshot of this account");
			}
		}
		String volumeId = (diskId != null && diskId.startsWith("i-")) ? systemVolumeOf(diskId) : diskId;
		List<BaiduSandboxJson.Snapshot> page = new ArrayList<>();
		String nextMarker = null;
		for (Snapshot snapshot : ordered.subList(start, ordered.size())) {
			if (snapshot.deleted() || (volumeId != null && !volumeId.equals(snapshot.volumeId()))) {
				continue;
			}
			if (page.size() == maxKeys) {
				nextMarker = snapshot.id();
				break;
			}
			page.add(this.mapper.snapshot(snapshot, now, this.instanceSnapshots.groupOf(snapshot.id())));
		}
		return new SnapshotPage((marker != null) ? marker : "", nextMarker != null, nextMarker, maxKeys, page);
	}

	synchronized BaiduSandboxJson.Snapshot snapshot(String snapshotId) {
		return this.mapper.snapshot(this.account.requireSnapshot(snapshotId), now(),
				this.instanceSnapshots.groupOf(snapshotId));
	}

	synchronized BaiduSandboxJson.Volume volume(String volumeId) {
		return volumeJson(this.account.requireVolume(volumeId), now());
	}

	/**
	 * Every disk of the account, system disks too, by id; or with {@code instanceId} only
	 * those attached to that instance, its system disk among them.
	 */
	synchronized VolumePage volumes(@Nullable String marker, @Nullable String maxKeysParameter,
			@Nullable String instanceId) {
		int maxKeys = maxKeys(maxKeysParameter);
		Instant now = now();
		List<Volume> ordered = this.account.volumes()
			.stream()
			.filter((volume) -> instanceId == null || instanceId.equals(volume.instanceId()))
			.sorted(Comparator.comparing(Volume::id))
			.toList();
		Slice<Volume> slice = BaiduSandboxPaging.slice(ordered, Volume::id, marker, maxKeys, "volume");
		return new VolumePage((marker != null) ? marker : "", slice.nextMarker() != null, slice.nextMarker(), maxKeys,
				slice.items().stream().map((volume) -> volumeJson(volume, now)).toList());
	}

	/** The automatic snapshot policies, in the order they were made. */
	synchronized AspPage policies(@Nullable String marker, @Nullable String maxKeysParameter) {
		int maxKeys = maxKeys(maxKeysParameter);
		Slice<Policy> slice = BaiduSandboxPaging.slice(this.policies.all(), Policy::id, marker, maxKeys,
				"auto snapshot policy");
		return new AspPage((marker != null) ? marker : "", slice.nextMarker() != null, slice.nextMarker(), maxKeys,
				slice.items().stream().map(this::aspJson).toList());
	}

	synchronized BaiduSandboxJson.Asp policy(String aspId) {
		return aspJson(this.policies.require(aspId));
	}

	/**
	 * @return the new policy's id, or the first one's for a client token seen before with
	 * the same request
	 */
	synchronized String createPolicy(@Nullable String clientToken, AspRequest request) {
		return this.policies.create(clientToken, request, now().truncatedTo(ChronoUnit.SECONDS));
	}

	synchronized void updatePolicy(@Nullable String clientToken, AspRequest request) {
		this.policies.update(clientToken, request, now().truncatedTo(ChronoUnit.SECONDS));
	}

	synchronized void deletePolicy(String aspId) {
		this.policies.delete(aspId);
	}

	synchronized void attachPolicy(String aspId, @Nullable List<String> volumeIds) {
		this.policies.attach(aspId, volumeIds);
	}

	synchronized void detachPolicy(String aspId, @Nullable List<String> volumeIds) {
		this.policies.detach(aspId, volumeIds);
	}

	/**
	 * Runs the policies as BCC would by {@code now}: snapshots at each scheduled time,
	 * expiry past the retention.
	 * @return the ids of the snapshots made
	 */
	synchronized List<String> runSchedules(Instant now) {
		return this.schedules.run(now);
	}

	/** Runs the policies by the emulator's clock. */
	void tick() {
		runSchedules(now());
	}

	synchronized BaiduSandboxJson.Instance instance(String instanceId) {
		return this.mapper.instance(this.account.requireInstance(instanceId), now());
	}

	/**
	 * @return the new snapshot's id, or the first one's for a client token seen before
	 * with the same request
	 */
	synchronized String create(@Nullable String clientToken, CreateRequest request) {
		String diskId = request.volumeId();
		String name = request.snapshotName();
		String desc = (request.desc() != null) ? request.desc() : "";
		BaiduSandboxClientTokens.requireValid(clientToken);
		if (diskId == null || name == null) {
			throw BaiduSandboxException.invalid("volumeId and snapshotName are required");
		}
		Integer retentionDays = retentionDays(request.retentionInDays());
		String fingerprint = diskId + "\n" + name + "\n" + desc + "\n" + retentionDays;
		if (clientToken != null) {
			String earlier = this.clientTokens.earlier(clientToken, fingerprint);
			if (earlier != null) {
				return earlier;
			}
		}
		if (!name.matches("[A-Za-z0-9_]{1,65}")) {
			throw BaiduSandboxException.invalid("snapshotName must be 1 to 65 letters, digits and underscores");
		}
		Instant now = now();
		Volume volume = snapshotTarget(diskId, now);
		// BCC counts a disk's manual and automatic snapshots apart
		long held = this.account.heldBy(volume.id()).stream().filter((s) -> !s.automatic()).count();
		if (held >= this.settings.quotaPerDisk()) {
			throw new BaiduSandboxException(400, "SnapshotQuotaExceeded",
					"Volume " + volume.id() + " holds " + held + " snapshots, its quota");
		}
		String id = this.account.newSnapshotId();
		Instant createdAt = now.truncatedTo(ChronoUnit.SECONDS);
		this.account.put(new Snapshot(this.account.nextSequence(), id, name, desc, volume.id(), volume.sizeGb(),
				createdAt, "Creating", now.plus(this.settings.snapshotDelay()), "MANUAL", false, null,
				expiry(createdAt, retentionDays)));
		if (clientToken != null) {
			this.clientTokens.remember(clientToken, fingerprint, id);
		}
		return id;
	}

	/**
	 * {@code modifyAttribute}: a new name, description or retention, each only when
	 * given; a retention counts from the snapshot's creation.
	 */
	synchronized void modify(String snapshotId, BaiduSandboxJson.ModifyRequest request) {
		Snapshot snapshot = this.account.requireSnapshot(snapshotId);
		String name = (request.snapshotName() != null) ? request.snapshotName() : snapshot.name();
		if (!name.matches("[A-Za-z0-9_]{1,65}")) {
			throw BaiduSandboxException.invalid("snapshotName must be 1 to 65 letters, digits and underscores");
		}
		String desc = (request.desc() != null) ? request.desc() : snapshot.desc();
		Integer retentionDays = retentionDays(request.retentionInDays());
		Instant expiresAt = (request.retentionInDays() != null) ? expiry(snapshot.createdAt(), retentionDays)
				: snapshot.expiresAt();
		this.account.put(snapshot.withAttributes(name, desc, expiresAt));
	}

	synchronized void delete(String snapshotId) {
		Snapshot snapshot = this.account.requireSnapshot(snapshotId);
		String group = this.instanceSnapshots.groupOf(snapshotId);
		if (group != null) {
			throw new BaiduSandboxException(403, "OperationNotAllowed",
					"Snapshot " + snapshotId + " belongs to instance snapshot " + group + "; delete that instead");
		}
		Instant now = now();
		String status = this.progress.status(snapshot, now);
		boolean rollingBackFromIt = this.account.volumes()
			.stream()
			.anyMatch((v) -> snapshotId.equals(v.rollbackSnapshotId()) && v.isRollingBack(now));
		if (!(status.equals("Available") || status.equals("CreatedFailed")) || rollingBackFromIt) {
			throw new BaiduSandboxException(403, "OperationNotAllowed", "Snapshot " + snapshotId + " is " + status
					+ (rollingBackFromIt ? " and in use by a rollback" : "") + "; it cannot be deleted now");
		}
		this.account.put(snapshot.asDeleted());
	}

	/**
	 * {@code remote_copy}: copies of an {@code Available} CDS disk snapshot, made in the
	 * regions named.
	 * @return one copy per region, or the first ones for a client token seen before with
	 * the same request
	 */
	synchronized List<RemoteCopyResult> remoteCopy(String snapshotId, @Nullable String clientToken,
			RemoteCopyRequest request) {
		return this.remoteCopies.copy(snapshotId, clientToken, request, now());
	}

	/**
	 * Makes here a copy of {@code source}, sent from {@code from}.
	 * @return the copy's id in this region
	 */
	synchronized String receiveCopy(BaiduSandboxRegion from, Snapshot source, String name) {
		return this.arrivals.receive(from, source, name, now());
	}

	/** Fails the copies of a snapshot of {@code from} still on their way here. */
	synchronized void sourceDeleted(BaiduSandboxRegion from, String sourceId) {
		this.arrivals.sourceDeleted(from, sourceId, now());
	}

	synchronized void rollBack(String volumeId, @Nullable String snapshotId) {
		Instant now = now();
		Volume volume = this.account.requireVolume(volumeId);
		if (snapshotId == null) {
			throw BaiduSandboxException.invalid("snapshotId is required");
		}
		Snapshot snapshot = this.account.requireSnapshot(snapshotId);
		if (!snapshot.volumeId().equals(volumeId)) {
			throw BaiduSandboxException.notFound("snapshot " + snapshotId + " of volume " + volumeId);
		}
		if (!this.progress.status(snapshot, now).equals("Available")) {
			throw new BaiduSandboxException(409, "SnapshotStatusConflict",
					"Snapshot " + snapshotId + " is not Available");
		}
		if (volume.system()) {
			Instance instance = this.account.requireInstance(Objects.requireNonNull(volume.instanceId()));
			String instanceStatus = this.progress.status(instance, now);
			if (!READY_INSTANCE.contains(instanceStatus)) {
				throw new BaiduSandboxException(409, "InstanceStatusConflict", "Instance " + volume.instanceId()
						+ " is " + instanceStatus + "; it must be Running or Stopped");
			}
		}
		else if (!this.progress.status(volume, now).equals("Available")) {
			throw new BaiduSandboxException(409, "VolumeStatusConflict", "Volume " + volumeId + " is "
					+ this.progress.status(volume, now) + "; it must be detached (Available)");
		}
		this.account.put(volume.rollingBack(snapshotId, now.plus(this.settings.rollbackDelay())));
	}

	/**
	 * @return the new instance snapshot and its disks' snapshots, or the first ones for a
	 * client token seen before with the same request
	 */
	synchronized CreatedInstanceSnapshot createInstanceSnapshot(@Nullable String clientToken,
			CreateInstanceSnapshotRequest request) {
		return this.instanceSnapshots.create(clientToken, request, now());
	}

	synchronized InstanceSnapshotPage instanceSnapshots(ListInstanceSnapshotsRequest request) {
		return this.instanceSnapshots.list(request, now(), this.mapper);
	}

	synchronized void deleteInstanceSnapshots(DeleteInstanceSnapshotsRequest request) {
		this.instanceSnapshots.delete(request, now());
	}

	/** An instance snapshot as BCC lists it now. */
	synchronized BaiduSandboxJson.InstanceSnapshot instanceSnapshot(String id) {
		return this.instanceSnapshots
			.list(new ListInstanceSnapshotsRequest(null, null, null, List.of(id)), now(), this.mapper)
			.instanceSnapshots()
			.stream()
			.findFirst()
			.orElseThrow(() -> BaiduSandboxException.notFound("instance snapshot " + id));
	}

	/** The ids of the snapshots a disk holds now, newest first. */
	synchronized List<String> snapshotsOf(String volumeId) {
		return this.account.heldBy(volumeId).stream().map(Snapshot::id).toList();
	}

	private Volume snapshotTarget(String diskId, Instant now) {
		if (diskId.startsWith("i-")) {
			Instance instance = this.account.requireInstance(diskId);
			String status = this.progress.status(instance, now);
			if (!READY_INSTANCE.contains(status)) {
				throw new BaiduSandboxException(409, "InstanceStatusConflict",
						"Instance " + diskId + " is " + status + "; it must be Running or Stopped");
			}
			return this.account.systemVolume(instance);
		}
		Volume volume = this.account.requireVolume(diskId);
		String status = this.progress.status(volume, now);
		if (!SNAPSHOTTABLE_VOLUME.contains(status)) {
			throw new BaiduSandboxException(409, "VolumeStatusConflict",
					"Volume " + diskId + " is " + status + "; it must be InUse or Available");
		}
		return volume;
	}

	private BaiduSandboxJson.Volume volumeJson(Volume volume, Instant now) {
		Policy policy = this.policies.policyOf(volume.id());
		return this.mapper.volume(volume, now, (policy != null) ? aspJson(policy) : null);
	}

	private BaiduSandboxJson.Asp aspJson(Policy policy) {
		return this.mapper.asp(policy, this.policies.volumesOf(policy.id()).size());
	}

	private String systemVolumeOf(String instanceId) {
		Instance instance = this.account.instance(instanceId);
		return (instance != null) ? instance.systemVolumeId() : "";
	}

	/**
	 * A snapshot's retention as BCC takes it: 1 to 10000 whole days; {@code null} when
	 * not given.
	 */
	private static @Nullable Integer retentionDays(@Nullable JsonNode value) {
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || value.asLong() < 1 || value.asLong() > MAX_RETENTION_DAYS) {
			throw BaiduSandboxException
				.invalid("retentionInDays must be a whole number of days, 1 to " + MAX_RETENTION_DAYS);
		}
		return value.asInt();
	}

	private static @Nullable Instant expiry(Instant createdAt, @Nullable Integer retentionDays) {
		return (retentionDays != null) ? createdAt.plus(Duration.ofDays(retentionDays)) : null;
	}

	private static int maxKeys(@Nullable String parameter) {
		if (parameter == null) {
			return MAX_KEYS;
		}
		if (!parameter.matches("[0-9]{1,4}") || Integer.parseInt(parameter) < 1
				|| Integer.parseInt(parameter) > MAX_KEYS) {
			throw BaiduSandboxException.invalid("maxKeys must be 1 to " + MAX_KEYS);
		}
		return Integer.parseInt(parameter);
	}

	private Instant now() {
		return this.clock.instant();
	}

}
