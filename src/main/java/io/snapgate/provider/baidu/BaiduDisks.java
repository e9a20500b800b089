package io.snapgate.provider.baidu;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.snapgate.domain.DiskType;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.VolumeSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which kind of disk a snapshot was taken of, and which automatic snapshot policy the
 * disk is in now. A snapshot only names its disk: an instance id means its system disk; a
 * volume id may be a CDS disk or a system disk, which only the volume itself tells. What
 * a volume is never changes (nor does the instance of a system disk), so that answer is
 * remembered; its policy can change at any time, so that answer is remembered for
 * {@link #POLICY_FRESHNESS} only. Both are a cache any replica rebuilds from BCC, not
 * state.
 */
final class BaiduDisks {

	/** How long a disk's policy, once read, is taken as still true. */
	static final Duration POLICY_FRESHNESS = Duration.ofMinutes(1);

	private static final Logger logger = LoggerFactory.getLogger(BaiduDisks.class);

	private static final int MAX_REMEMBERED = 10_000;

	private final BaiduClient client;

	private final Clock clock;

	private final Map<String, VolumeSource> known = new ConcurrentHashMap<>();

	private final Map<String, PolicyOfDisk> policies = new ConcurrentHashMap<>();

	BaiduDisks(BaiduClient client, Clock clock) {
		this.client = client;
		this.clock = clock;
	}

	@Nullable VolumeSource sourceOf(@Nullable String diskId) {
		if (diskId == null || diskId.isBlank()) {
			return null;
		}
		if (BaiduIds.isInstanceId(diskId)) {
			return new VolumeSource(diskId, DiskType.SYSTEM, diskId);
		}
		if (!BaiduIds.isVolumeId(diskId)) {
			return new VolumeSource(diskId, DiskType.CDS, null);
		}
		VolumeSource source = this.known.get(diskId);
		if (source != null) {
			return source;
		}
		BaiduVolumeJson volume = lookUp(diskId);
		return (volume != null) ? sourceOf(diskId, volume) : new VolumeSource(diskId, DiskType.CDS, null);
	}

	/**
	 * The id of the policy the disk is in now, as BCC tells on the volume; {@code null}
	 * when it is in none, when the disk is named by its instance, or when BCC could not
	 * be asked (it is asked again next time).
	 */
	@Nullable String policyOf(@Nullable String diskId) {
		if (!BaiduIds.isVolumeId(diskId)) {
			return null;
		}
		PolicyOfDisk remembered = this.policies.get(diskId);
		if (remembered != null && this.clock.instant().isBefore(remembered.readAt().plus(POLICY_FRESHNESS))) {
			return remembered.policyId();
		}
		BaiduVolumeJson volume = lookUp(diskId);
		return (volume != null) ? volume.policyId() : null;
	}

	/** Records what a volume read elsewhere showed. */
	void remember(BaiduVolumeJson volume) {
		String volumeId = volume.id();
		if (BaiduIds.isVolumeId(volumeId)) {
			remember(sourceOf(volumeId, volume), volume.policyId());
		}
	}

	/** Drops what was remembered of the disks' policies, after they changed. */
	void forgetPolicies(Iterable<String> volumeIds) {
		volumeIds.forEach(this.policies::remove);
	}

	/**
	 * @return the volume, or {@code null} when BCC no longer has it or could not be asked
	 */
	private @Nullable BaiduVolumeJson lookUp(String volumeId) {
		try {
			BaiduVolumeJson volume = this.client.findVolume(volumeId).orElse(null);
			if (volume != null) {
				remember(sourceOf(volumeId, volume), volume.policyId());
			}
			else {
				// a deleted disk keeps its snapshots; it can no longer say what it was
				remember(new VolumeSource(volumeId, DiskType.CDS, null), null);
			}
			return volume;
		}
		catch (SnapGateException ex) {
			// a listing stays useful without the label; it is asked again next time
			logger.debug("Could not read volume {} to tell its kind and policy: {}", volumeId, ex.getMessage());
			return null;
		}
	}

	private static VolumeSource sourceOf(String volumeId, BaiduVolumeJson volume) {
		return volume.systemVolume() ? new VolumeSource(volumeId, DiskType.SYSTEM, volume.instanceId())
				: new VolumeSource(volumeId, DiskType.CDS, null);
	}

	private void remember(VolumeSource source, @Nullable String policyId) {
		if (this.known.size() >= MAX_REMEMBERED) {
			this.known.clear();
		}
		if (this.policies.size() >= MAX_REMEMBERED) {
			this.policies.clear();
		}
		this.known.put(source.volumeId(), source);
		this.policies.put(source.volumeId(), new PolicyOfDisk(policyId, this.clock.instant()));
	}

	/**
	 * @param policyId {@code null} for none
	 */
	private record PolicyOfDisk(@Nullable String policyId, Instant readAt) {
	}

}
