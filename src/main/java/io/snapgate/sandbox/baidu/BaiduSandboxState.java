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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.snapgate.provider.baidu.BceV1Signer;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.Attachment;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.CreateRequest;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.SnapshotPage;
import org.jspecify.annotations.Nullable;

/**
 * BCC's instances, disks and snapshots in memory, with BCC's rules. Time moves states on: a snapshot
 * is {@code Creating} until its delay has passed when it is read, a disk shows
 * {@code SnapshotProcessing} while a snapshot of it is made or while it rolls back. Every operation
 * holds the emulator's lock, so that checks and changes are one step.
 */
final class BaiduSandboxState {

	static final String SNAPSHOT_PROCESSING = "SnapshotProcessing";

	private static final Set<String> SNAPSHOTTABLE_VOLUME = Set.of("InUse", "Available");

	private static final Set<String> READY_INSTANCE = Set.of("Running", "Stopped");

	private static final int MAX_KEYS = 1000;

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private final BaiduSandboxSettings settings;

	private final Clock clock;

	private final Map<String, Instance> instances = new ConcurrentHashMap<>();

	private final Map<String, Volume> volumes = new ConcurrentHashMap<>();

	/** Deleted snapshots stay as tombstones, so that a marker naming one still has its place. */
	private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

	private final Map<String, TokenUse> clientTokens = new ConcurrentHashMap<>();

	private final AtomicLong sequence = new AtomicLong();

	BaiduSandboxState(BaiduSandboxSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		seed(clock.instant().truncatedTo(ChronoUnit.SECONDS));
	}

	private void seed(Instant now) {
		Instant longAgo = now.minus(Duration.ofDays(30));
		instance("i-sandbox1", "web-01", "Running", "v-system01", longAgo);
		instance("i-sandbox2", "db-01", "Stopped", "v-system02", longAgo);
		instance("i-sandbox3", "batch-01", "Starting", "v-system03", longAgo);
		volume("v-data0001", "web-data", 100, "InUse", "i-sandbox1", longAgo);
		volume("v-data0002", "archive", 200, "Available", null, longAgo);
		volume("v-data0003", "scratch", 50, "Scaling", null, longAgo);
		snapshot("s-seed0001", "weekly_20261115", "v-system01", now.minus(Duration.ofDays(3)), "Available", "AUTO");
		snapshot("s-seed0002", "nightly_20261120", "v-data0001", now.minus(Duration.ofDays(2)), "Available", "AUTO");
		snapshot("s-seed0003", "nightly_20261121", "v-data0001", now.minus(Duration.ofDays(1)), "Available", "AUTO");
		snapshot("s-seed0004", "failed_try", "v-data0003", now.minus(Duration.ofHours(6)), "CreatedFailed", "MANUAL");
		snapshot("s-seed0005", "before_resize", "v-data0002", now.minus(Duration.ofHours(5)), "Available", "MANUAL");
	}

	private void instance(String id, String name, String status, String systemVolumeId, Instant createdAt) {
		this.instances.put(id, new Instance(id, name, status, systemVolumeId, createdAt));
		this.volumes.put(systemVolumeId, new Volume(systemVolumeId, name + "-system", 40, true, id, "InUse", createdAt,
				null, null));
	}

	private void volume(String id, String name, int sizeGb, String status, @Nullable String instanceId, Instant createdAt) {
		this.volumes.put(id, new Volume(id, name, sizeGb, false, instanceId, status, createdAt, null, null));
	}

	private void snapshot(String id, String name, String volumeId, Instant createdAt, String status, String method) {
		int size = this.volumes.get(volumeId).sizeGb();
		this.snapshots.put(id, new Snapshot(this.sequence.incrementAndGet(), id, name, "", volumeId, size, createdAt,
				status, null, method, false));
	}

	synchronized SnapshotPage list(@Nullable String marker, @Nullable String maxKeysParameter, @Nullable String diskId) {
		int maxKeys = maxKeys(maxKeysParameter);
		Instant now = now();
		List<Snapshot> ordered = this.snapshots.values()
			.stream()
			.sorted(Comparator.comparingLong(Snapshot::sequence).reversed())
			.toList();
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
			page.add(json(snapshot, now));
		}
		return new SnapshotPage((marker != null) ? marker : "", nextMarker != null, nextMarker, maxKeys, page);
	}

	synchronized BaiduSandboxJson.Snapshot snapshot(String snapshotId) {
		return json(requireSnapshot(snapshotId), now());
	}

	synchronized BaiduSandboxJson.Volume volume(String volumeId) {
		Volume volume = this.volumes.get(volumeId);
		if (volume == null) {
			throw BaiduSandboxException.notFound("volume " + volumeId);
		}
		List<Attachment> attachments = (volume.instanceId() != null)
				? List.of(new Attachment(volume.id(), volume.instanceId(), volume.system() ? "/dev/vda" : "/dev/vdb",
						volume.id().substring(2)))
				: List.of();
		return new BaiduSandboxJson.Volume(volume.id(), volume.name(), volume.sizeGb(), status(volume, now()),
				volume.system() ? "System" : "Cds", "enhanced_ssd_pl1", volume.system(), "cn-bj-a", attachments, "",
				BceV1Signer.timestamp(volume.createdAt()));
	}

	synchronized BaiduSandboxJson.Instance instance(String instanceId) {
		Instance instance = requireInstance(instanceId);
		return new BaiduSandboxJson.Instance(instance.id(), instance.name(), status(instance, now()), "cn-bj-a",
				BceV1Signer.timestamp(instance.createdAt()));
	}

	/**
	 * @return the new snapshot's id, or the first one's for a client token seen before with the same
	 * request
	 */
	synchronized String create(@Nullable String clientToken, CreateRequest request) {
		String diskId = request.volumeId();
		String name = request.snapshotName();
		String desc = (request.desc() != null) ? request.desc() : "";
		if (clientToken != null && (clientToken.isEmpty() || clientToken.length() >= 64
				|| !clientToken.chars().allMatch((c) -> c > 32 && c < 127))) {
			throw BaiduSandboxException.invalid("clientToken must be printable ASCII, shorter than 64 characters");
		}
		if (diskId == null || name == null) {
			throw BaiduSandboxException.invalid("volumeId and snapshotName are required");
		}
		String fingerprint = diskId + "\n" + name + "\n" + desc;
		if (clientToken != null) {
			TokenUse earlier = this.clientTokens.get(clientToken);
			if (earlier != null) {
				if (!earlier.fingerprint().equals(fingerprint)) {
					throw new BaiduSandboxException(409, "IdempotentParameterMismatch",
							"The clientToken was used before with other parameters");
				}
				return earlier.snapshotId();
			}
		}
		if (!name.matches("[A-Za-z0-9_]{1,65}")) {
			throw BaiduSandboxException.invalid("snapshotName must be 1 to 65 letters, digits and underscores");
		}
		Instant now = now();
		Volume volume = snapshotTarget(diskId, now);
		long held = this.snapshots.values().stream().filter((s) -> !s.deleted() && s.volumeId().equals(volume.id())).count();
		if (held >= this.settings.quotaPerDisk()) {
			throw new BaiduSandboxException(400, "SnapshotQuotaExceeded",
					"Volume " + volume.id() + " holds " + held + " snapshots, its quota");
		}
		String id = newSnapshotId();
		Instant createdAt = now.truncatedTo(ChronoUnit.SECONDS);
		this.snapshots.put(id, new Snapshot(this.sequence.incrementAndGet(), id, name, desc, volume.id(), volume.sizeGb(),
				createdAt, "Creating", now.plus(this.settings.snapshotDelay()), "MANUAL", false));
		if (clientToken != null) {
			this.clientTokens.put(clientToken, new TokenUse(fingerprint, id));
		}
		return id;
	}

	synchronized void delete(String snapshotId) {
		Snapshot snapshot = requireSnapshot(snapshotId);
		Instant now = now();
		String status = status(snapshot, now);
		boolean rollingBackFromIt = this.volumes.values()
			.stream()
			.anyMatch((v) -> snapshotId.equals(v.rollbackSnapshotId()) && isRollingBack(v, now));
		if (!(status.equals("Available") || status.equals("CreatedFailed")) || rollingBackFromIt) {
			throw new BaiduSandboxException(403, "OperationNotAllowed", "Snapshot " + snapshotId + " is " + status
					+ (rollingBackFromIt ? " and in use by a rollback" : "") + "; it cannot be deleted now");
		}
		this.snapshots.put(snapshotId, snapshot.asDeleted());
	}

	synchronized void rollBack(String volumeId, @Nullable String snapshotId) {
		Instant now = now();
		Volume volume = this.volumes.get(volumeId);
		if (volume == null) {
			throw BaiduSandboxException.notFound("volume " + volumeId);
		}
		if (snapshotId == null) {
			throw BaiduSandboxException.invalid("snapshotId is required");
		}
		Snapshot snapshot = requireSnapshot(snapshotId);
		if (!snapshot.volumeId().equals(volumeId)) {
			throw BaiduSandboxException.notFound("snapshot " + snapshotId + " of volume " + volumeId);
		}
		if (!status(snapshot, now).equals("Available")) {
			throw new BaiduSandboxException(409, "SnapshotStatusConflict", "Snapshot " + snapshotId + " is not Available");
		}
		if (volume.system()) {
			String instanceStatus = status(requireInstance(Objects.requireNonNull(volume.instanceId())), now);
			if (!READY_INSTANCE.contains(instanceStatus)) {
				throw new BaiduSandboxException(409, "InstanceStatusConflict",
						"Instance " + volume.instanceId() + " is " + instanceStatus + "; it must be Running or Stopped");
			}
		}
		else if (!status(volume, now).equals("Available")) {
			throw new BaiduSandboxException(409, "VolumeStatusConflict",
					"Volume " + volumeId + " is " + status(volume, now) + "; it must be detached (Available)");
		}
		this.volumes.put(volumeId, volume.rollingBack(snapshotId, now.plus(this.settings.rollbackDelay())));
	}

	/** The ids of the snapshots a disk holds now, newest first. */
	synchronized List<String> snapshotsOf(String volumeId) {
		return this.snapshots.values()
			.stream()
			.filter((s) -> !s.deleted() && s.volumeId().equals(volumeId))
			.sorted(Comparator.comparingLong(Snapshot::sequence).reversed())
			.map(Snapshot::id)
			.toList();
	}

	private Volume snapshotTarget(String diskId, Instant now) {
		if (diskId.startsWith("i-")) {
			Instance instance = requireInstance(diskId);
			String status = status(instance, now);
			if (!READY_INSTANCE.contains(status)) {
				throw new BaiduSandboxException(409, "InstanceStatusConflict",
						"Instance " + diskId + " is " + status + "; it must be Running or Stopped");
			}
			return this.volumes.get(instance.systemVolumeId());
		}
		Volume volume = this.volumes.get(diskId);
		if (volume == null) {
			throw BaiduSandboxException.notFound("volume " + diskId);
		}
		String status = status(volume, now);
		if (!SNAPSHOTTABLE_VOLUME.contains(status)) {
			throw new BaiduSandboxException(409, "VolumeStatusConflict",
					"Volume " + diskId + " is " + status + "; it must be InUse or Available");
		}
		return volume;
	}

	private String systemVolumeOf(String instanceId) {
		Instance instance = this.instances.get(instanceId);
		return (instance != null) ? instance.systemVolumeId() : "";
	}

	private Snapshot requireSnapshot(String snapshotId) {
		Snapshot snapshot = this.snapshots.get(snapshotId);
		if (snapshot == null || snapshot.deleted()) {
			throw BaiduSandboxException.notFound("snapshot " + snapshotId);
		}
		return snapshot;
	}

	private Instance requireInstance(String instanceId) {
		Instance instance = this.instances.get(instanceId);
		if (instance == null) {
			throw BaiduSandboxException.notFound("instance " + instanceId);
		}
		return instance;
	}

	private String status(Snapshot snapshot, Instant now) {
		return (snapshot.status().equals("Creating") && snapshot.readyAt() != null && !now.isBefore(snapshot.readyAt()))
				? "Available" : snapshot.status();
	}

	private String status(Volume volume, Instant now) {
		boolean snapshotting = this.snapshots.values()
			.stream()
			.anyMatch((s) -> !s.deleted() && s.volumeId().equals(volume.id()) && status(s, now).equals("Creating"));
		return (snapshotting || isRollingBack(volume, now)) ? SNAPSHOT_PROCESSING : volume.status();
	}

	private String status(Instance instance, Instant now) {
		Volume system = this.volumes.get(instance.systemVolumeId());
		boolean busy = system != null && status(system, now).equals(SNAPSHOT_PROCESSING);
		return busy ? SNAPSHOT_PROCESSING : instance.status();
	}

	private static boolean isRollingBack(Volume volume, Instant now) {
		return volume.rollbackUntil() != null && now.isBefore(volume.rollbackUntil());
	}

	private BaiduSandboxJson.Snapshot json(Snapshot snapshot, Instant now) {
		String status = status(snapshot, now);
		return new BaiduSandboxJson.Snapshot(snapshot.id(), snapshot.name(), snapshot.sizeGb(),
				BceV1Signer.timestamp(snapshot.createdAt()), status, snapshot.createMethod(), snapshot.volumeId(),
				snapshot.desc(), null, false, progress(snapshot, status, now));
	}

	private String progress(Snapshot snapshot, String status, Instant now) {
		return switch (status) {
			case "Available" -> "100";
			case "Creating" -> {
				long total = Math.max(1, this.settings.snapshotDelay().toMillis());
				long done = Duration.between(snapshot.createdAt(), now).toMillis();
				yield Long.toString(Math.clamp(done * 100 / total, 0, 99));
			}
			default -> "0";
		};
	}

	private static int maxKeys(@Nullable String parameter) {
		if (parameter == null) {
			return MAX_KEYS;
		}
		if (!parameter.matches("[0-9]{1,4}") || Integer.parseInt(parameter) < 1 || Integer.parseInt(parameter) > MAX_KEYS) {
			throw BaiduSandboxException.invalid("maxKeys must be 1 to " + MAX_KEYS);
		}
		return Integer.parseInt(parameter);
	}

	private String newSnapshotId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String id;
		do {
			StringBuilder builder = new StringBuilder("s-");
			for (int i = 0; i < 8; i++) {
				builder.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
			}
			id = builder.toString();
		}
		while (this.snapshots.containsKey(id));
		return id;
	}

	private Instant now() {
		return this.clock.instant();
	}

	private record Instance(String id, String name, String status, String systemVolumeId, Instant createdAt) {
	}

	private record Volume(String id, String name, int sizeGb, boolean system, @Nullable String instanceId,
			String status, Instant createdAt, @Nullable Instant rollbackUntil, @Nullable String rollbackSnapshotId) {

		Volume rollingBack(String snapshotId, Instant until) {
			return new Volume(this.id, this.name, this.sizeGb, this.system, this.instanceId, this.status,
					this.createdAt, until, snapshotId);
		}

	}

	private record Snapshot(long sequence, String id, String name, String desc, String volumeId, int sizeGb,
			Instant createdAt, String status, @Nullable Instant readyAt, String createMethod, boolean deleted) {

		Snapshot asDeleted() {
			return new Snapshot(this.sequence, this.id, this.name, this.desc, this.volumeId, this.sizeGb,
					this.createdAt, this.status, this.readyAt, this.createMethod, true);
		}

	}

	private record TokenUse(String fingerprint, String snapshotId) {
	}

}
