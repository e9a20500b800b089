package io.snapgate.provider.baidu;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.snapgate.domain.DiskType;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.VolumeSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which kind of disk a snapshot was taken of. A snapshot only names its disk: an instance
 * id means its system disk; a volume id may be a CDS disk or a system disk, which only
 * the volume itself tells. What a volume is never changes (nor does the instance of a
 * system disk), so the answer is remembered: this is a cache any replica rebuilds from
 * BCC, not state.
 */
final class BaiduDisks {

	private static final Logger logger = LoggerFactory.getLogger(BaiduDisks.class);

	private static final int MAX_REMEMBERED = 10_000;

	private final BaiduClient client;

	private final Map<String, VolumeSource> known = new ConcurrentHashMap<>();

	BaiduDisks(BaiduClient client) {
		this.client = client;
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
		return (source != null) ? source : lookUp(diskId);
	}

	/** Records what a volume read elsewhere showed. */
	void remember(BaiduVolumeJson volume) {
		String volumeId = volume.id();
		if (BaiduIds.isVolumeId(volumeId)) {
			remember(sourceOf(volumeId, volume));
		}
	}

	private VolumeSource lookUp(String volumeId) {
		try {
			VolumeSource source = this.client.findVolume(volumeId)
				.map((volume) -> sourceOf(volumeId, volume))
				// a deleted disk keeps its snapshots; it can no longer say what it was
				.orElseGet(() -> new VolumeSource(volumeId, DiskType.CDS, null));
			remember(source);
			return source;
		}
		catch (SnapGateException ex) {
			// a listing stays useful without the label; it is asked again next time
			logger.debug("Could not read volume {} to tell its kind: {}", volumeId, ex.getMessage());
			return new VolumeSource(volumeId, DiskType.CDS, null);
		}
	}

	private static VolumeSource sourceOf(String volumeId, BaiduVolumeJson volume) {
		return volume.systemVolume() ? new VolumeSource(volumeId, DiskType.SYSTEM, volume.instanceId())
				: new VolumeSource(volumeId, DiskType.CDS, null);
	}

	private void remember(VolumeSource source) {
		if (this.known.size() >= MAX_REMEMBERED) {
			this.known.clear();
		}
		this.known.put(source.volumeId(), source);
	}

}
