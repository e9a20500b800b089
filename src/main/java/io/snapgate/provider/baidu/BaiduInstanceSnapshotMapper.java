package io.snapgate.provider.baidu;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.snapgate.domain.DiskType;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.MachineSource;
import io.snapgate.domain.MachineSource.MachineDisk;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.Scope;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotStatus;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.provider.StepMark;
import io.snapgate.provider.baidu.BaiduInstanceSnapshotJson.Disk;
import org.jspecify.annotations.Nullable;

/**
 * BCC's instance snapshots as SnapGate's {@link Scope#MACHINE} snapshots: one id, one
 * status, the instance as the source and each disk's snapshot with its own status. The
 * group is {@code AVAILABLE} only when BCC calls it {@code active} and every disk's
 * snapshot is {@code Available}; a group in {@code error} is {@code FAILED}, with what
 * BCC shows of its disks in the {@code failureReason} attribute. Fields SnapGate cannot
 * read are refused with a 502 that names them, never guessed at.
 */
final class BaiduInstanceSnapshotMapper {

	static final String FAILURE_REASON = "failureReason";

	private final ProviderId provider;

	BaiduInstanceSnapshotMapper(ProviderId provider) {
		this.provider = provider;
	}

	/**
	 * @param diskType what kind each of its disks is, by the id the group names it by
	 */
	Snapshot toSnapshot(BaiduInstanceSnapshotJson json, Function<String, DiskType> diskType) {
		String id = json.instanceSnapshotId();
		if (!BaiduIds.isInstanceSnapshotId(id)) {
			throw unreadable("instanceSnapshotId", id);
		}
		Instant createdAt = BaiduSnapshotMapper.parseTime(json.createdTime());
		if (createdAt == null) {
			throw unreadable("createdTime of " + id, json.createdTime());
		}
		String instanceId = json.instanceId();
		if (!BaiduIds.isInstanceId(instanceId)) {
			throw unreadable("instanceId of " + id, instanceId);
		}
		List<MachineDisk> disks = disks(json, diskType);
		SnapshotStatus status = status(json);
		String providerStatus = (json.instanceSnapshotStatus() != null) ? json.instanceSnapshotStatus() : "";
		Map<String, String> attributes = new LinkedHashMap<>();
		if (status == SnapshotStatus.FAILED) {
			attributes.put(FAILURE_REASON, failureReason(json, disks));
		}
		return new Snapshot(this.provider, BaiduSnapshotProvider.TYPE, id,
				(json.instanceSnapshotName() != null) ? json.instanceSnapshotName() : "", description(json),
				Scope.MACHINE, new MachineSource(instanceId, null, disks), status, providerStatus, createdAt,
				expiry(json), json.instanceSnapshotSizeInGiB(), false, false, null, attributes, null);
	}

	/**
	 * The group's status: {@code active} is {@code AVAILABLE} only once every disk's
	 * snapshot is; words BCC does not document are {@code UNAVAILABLE}.
	 */
	static SnapshotStatus status(BaiduInstanceSnapshotJson json) {
		String group = lower(json.instanceSnapshotStatus());
		return switch (group) {
			case "creating" -> SnapshotStatus.CREATING;
			case "error" -> SnapshotStatus.FAILED;
			case "deleting" -> SnapshotStatus.DELETING;
			case "active" -> activeStatus(json);
			default -> SnapshotStatus.UNAVAILABLE;
		};
	}

	private static SnapshotStatus activeStatus(BaiduInstanceSnapshotJson json) {
		List<SnapshotStatus> disks = json.disks()
			.stream()
			.map((disk) -> BaiduSnapshotMapper.status((disk.snapshotStatus() != null) ? disk.snapshotStatus() : ""))
			.toList();
		if (disks.isEmpty()) {
			return SnapshotStatus.UNAVAILABLE;
		}
		if (disks.contains(SnapshotStatus.FAILED)) {
			return SnapshotStatus.FAILED;
		}
		if (disks.stream().allMatch(SnapshotStatus.AVAILABLE::equals)) {
			return SnapshotStatus.AVAILABLE;
		}
		return disks.contains(SnapshotStatus.CREATING) ? SnapshotStatus.CREATING : SnapshotStatus.UNAVAILABLE;
	}

	/** Whether BCC shows the group as gone: it is then not shown at all. */
	static boolean isGone(BaiduInstanceSnapshotJson json) {
		return lower(json.instanceSnapshotStatus()).equals("deleted");
	}

	/** The system disk first, then the others by id. */
	private static List<MachineDisk> disks(BaiduInstanceSnapshotJson json, Function<String, DiskType> diskType) {
		List<MachineDisk> disks = new ArrayList<>();
		for (Disk disk : json.disks()) {
			String volumeId = disk.volumeId();
			if (volumeId == null || volumeId.isBlank()) {
				throw unreadable("snapshots[].volumeId of " + json.instanceSnapshotId(), volumeId);
			}
			if (!BaiduIds.isSnapshotId(disk.snapshotId())) {
				throw unreadable("snapshots[].snapshotId of " + json.instanceSnapshotId(), disk.snapshotId());
			}
			disks.add(new MachineDisk(volumeId, diskType.apply(volumeId), disk.snapshotId(),
					BaiduSnapshotMapper.status((disk.snapshotStatus() != null) ? disk.snapshotStatus() : "")));
		}
		disks.sort(Comparator.comparing((MachineDisk disk) -> disk.diskType() != DiskType.SYSTEM)
			.thenComparing(MachineDisk::volumeId));
		return disks;
	}

	/**
	 * What the disks' snapshots are described as, SnapGate's marks left out: BCC lists no
	 * description of the group itself.
	 */
	private static @Nullable String description(BaiduInstanceSnapshotJson json) {
		return json.disks()
			.stream()
			.map((disk) -> BaiduSnapshotMapper.blankToNull(StepMark.strip(disk.description())))
			.filter((text) -> text != null)
			.map((text) -> text.replaceAll("\\s*\\[snapgate-disks:[0-9]{1,3}]", "").strip())
			.filter((text) -> !text.isEmpty())
			.findFirst()
			.orElse(null);
	}

	/** The earliest expiry of its disks' snapshots; {@code null} when none expires. */
	private static @Nullable Instant expiry(BaiduInstanceSnapshotJson json) {
		Instant earliest = null;
		for (Disk disk : json.disks()) {
			if (disk.expiredTime() == null || disk.expiredTime().isBlank()) {
				continue;
			}
			Instant expiresAt = BaiduSnapshotMapper.parseTime(disk.expiredTime());
			if (expiresAt == null) {
				throw unreadable("snapshots[].expiredTime of " + json.instanceSnapshotId(), disk.expiredTime());
			}
			earliest = (earliest == null || expiresAt.isBefore(earliest)) ? expiresAt : earliest;
		}
		return earliest;
	}

	private static String failureReason(BaiduInstanceSnapshotJson json, List<MachineDisk> disks) {
		StringBuilder reason = new StringBuilder("BCC shows instance snapshot " + json.instanceSnapshotId() + " as "
				+ json.instanceSnapshotStatus() + ":");
		for (Disk disk : json.disks()) {
			reason.append(" snapshot ")
				.append(disk.snapshotId())
				.append(" of disk ")
				.append(disk.volumeId())
				.append(" is ")
				.append(disk.snapshotStatus())
				.append(';');
		}
		if (disks.isEmpty()) {
			reason.append(" it holds no disk snapshot;");
		}
		return reason
			.append(" SnapGate cleaned up nothing: the group and these disk snapshots stay, counted against "
					+ "each disk's quota, until it is deleted, which deletes them with it, those that succeeded too")
			.toString();
	}

	private static UpstreamErrorException unreadable(String field, @Nullable String value) {
		return new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
				"Baidu answered an instance snapshot whose " + field + " SnapGate cannot read ("
						+ ((value != null) ? "'" + printable(value) + "'" : "none")
						+ "): it is not of the shape SnapGate knows, which Baidu does not document");
	}

	private static String printable(String value) {
		String cut = (value.length() > 40) ? value.substring(0, 40) + "..." : value;
		return cut.replaceAll("[^\\x20-\\x7E]", "?");
	}

	private static String lower(@Nullable String status) {
		return (status != null) ? status.toLowerCase(Locale.ROOT) : "";
	}

}
