package io.snapgate.sandbox.baidu;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.snapgate.sandbox.baidu.BaiduSandboxResources.Instance;
import io.snapgate.sandbox.baidu.BaiduSandboxResources.Snapshot;
import io.snapgate.sandbox.baidu.BaiduSandboxResources.Volume;
import org.jspecify.annotations.Nullable;

/**
 * The emulated account's instances, disks and snapshots in memory, found by id as BCC
 * finds them: an id it does not hold is a 404 {@code NoSuchObject}. Deleted snapshots
 * stay as tombstones, so that a marker naming one still has its place; whoever must know
 * of a snapshot's end, however it came (a delete, a policy's expiry, its instance
 * snapshot's delete), is told as it is made a tombstone.
 */
final class BaiduSandboxAccount {

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private final Map<String, Instance> instances = new ConcurrentHashMap<>();

	private final Map<String, Volume> volumes = new ConcurrentHashMap<>();

	private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

	private final AtomicLong sequence = new AtomicLong();

	private Consumer<String> deletions = (snapshotId) -> {
	};

	/** Tells {@code listener} the id of each snapshot deleted from now on. */
	void whenSnapshotDeleted(Consumer<String> listener) {
		this.deletions = listener;
	}

	void put(Instance instance) {
		this.instances.put(instance.id(), instance);
	}

	void put(Volume volume) {
		this.volumes.put(volume.id(), volume);
	}

	void put(Snapshot snapshot) {
		Snapshot before = this.snapshots.put(snapshot.id(), snapshot);
		if (snapshot.deleted() && before != null && !before.deleted()) {
			this.deletions.accept(snapshot.id());
		}
	}

	/** The next number in the order snapshots are made in. */
	long nextSequence() {
		return this.sequence.incrementAndGet();
	}

	/** A new snapshot id in BCC's form, {@code s-} and eight letters or digits. */
	String newSnapshotId() {
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

	@Nullable Instance instance(String instanceId) {
		return this.instances.get(instanceId);
	}

	Instance requireInstance(String instanceId) {
		Instance instance = this.instances.get(instanceId);
		if (instance == null) {
			throw BaiduSandboxException.notFound("instance " + instanceId);
		}
		return instance;
	}

	@Nullable Volume volume(String volumeId) {
		return this.volumes.get(volumeId);
	}

	Volume requireVolume(String volumeId) {
		Volume volume = this.volumes.get(volumeId);
		if (volume == null) {
			throw BaiduSandboxException.notFound("volume " + volumeId);
		}
		return volume;
	}

	/** The system disk of {@code instance}, which every instance has. */
	Volume systemVolume(Instance instance) {
		return Objects.requireNonNull(this.volumes.get(instance.systemVolumeId()));
	}

	Collection<Volume> volumes() {
		return Collections.unmodifiableCollection(this.volumes.values());
	}

	/** A snapshot, deleted or not. */
	@Nullable Snapshot snapshot(String snapshotId) {
		return this.snapshots.get(snapshotId);
	}

	/** A snapshot that is not deleted. */
	Snapshot requireSnapshot(String snapshotId) {
		Snapshot snapshot = this.snapshots.get(snapshotId);
		if (snapshot == null || snapshot.deleted()) {
			throw BaiduSandboxException.notFound("snapshot " + snapshotId);
		}
		return snapshot;
	}

	/** Every snapshot, the tombstones too, newest first. */
	List<Snapshot> newestFirst() {
		return this.snapshots.values()
			.stream()
			.sorted(Comparator.comparingLong(Snapshot::sequence).reversed())
			.toList();
	}

	/** The snapshots a disk holds now, newest first. */
	List<Snapshot> heldBy(String volumeId) {
		return newestFirst().stream().filter((s) -> !s.deleted() && s.volumeId().equals(volumeId)).toList();
	}

}
