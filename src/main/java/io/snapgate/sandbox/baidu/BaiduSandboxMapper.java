package io.snapgate.sandbox.baidu;

import java.time.Instant;
import java.util.List;

import io.snapgate.provider.baidu.BceV1Signer;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.Attachment;
import io.snapgate.sandbox.baidu.BaiduSandboxResources.Instance;
import io.snapgate.sandbox.baidu.BaiduSandboxResources.InstanceSnapshot;
import io.snapgate.sandbox.baidu.BaiduSandboxResources.Policy;
import io.snapgate.sandbox.baidu.BaiduSandboxResources.Snapshot;
import io.snapgate.sandbox.baidu.BaiduSandboxResources.Volume;
import org.jspecify.annotations.Nullable;

/**
 * The account's resources in BCC's JSON, with their statuses as they are at a given time.
 */
final class BaiduSandboxMapper {

	/** BCC's placeholder for a time that never was. */
	static final String NEVER = "1971-01-01T00:00:01Z";

	private final BaiduSandboxProgress progress;

	private final String zone;

	/**
	 * @param zone the availability zone the region's disks and instances are in
	 */
	BaiduSandboxMapper(BaiduSandboxProgress progress, String zone) {
		this.progress = progress;
		this.zone = zone;
	}

	/**
	 * @param insnapId the instance snapshot it was taken in, or {@code null}
	 */
	BaiduSandboxJson.Snapshot snapshot(Snapshot snapshot, Instant now, @Nullable String insnapId) {
		String status = this.progress.status(snapshot, now);
		return new BaiduSandboxJson.Snapshot(snapshot.id(), snapshot.name(), snapshot.sizeGb(),
				BceV1Signer.timestamp(snapshot.createdAt()), status, snapshot.createMethod(), snapshot.volumeId(),
				snapshot.desc(), (snapshot.expiresAt() != null) ? BceV1Signer.timestamp(snapshot.expiresAt()) : null,
				false, this.progress.percent(snapshot, status, now), (insnapId != null) ? insnapId : "");
	}

	/**
	 * An instance snapshot as BCC lists it, its disks' snapshots in BCC's words for them.
	 */
	BaiduSandboxJson.InstanceSnapshot instanceSnapshot(InstanceSnapshot group, String status, List<Snapshot> members,
			Instant now) {
		List<BaiduSandboxJson.InstanceSnapshotDisk> disks = members.stream()
			.map((s) -> new BaiduSandboxJson.InstanceSnapshotDisk(s.id(), s.name(), s.sizeGb(),
					this.progress.status(s, now), s.volumeId(), s.createMethod(), s.desc(),
					BceV1Signer.timestamp(s.createdAt()),
					(s.expiresAt() != null) ? BceV1Signer.timestamp(s.expiresAt()) : null, false))
			.toList();
		return new BaiduSandboxJson.InstanceSnapshot(group.id(), group.name(),
				members.stream().mapToInt(Snapshot::sizeGb).sum(), BceV1Signer.timestamp(group.createdAt()), status,
				group.instanceId(), disks);
	}

	/**
	 * @param policy the policy the disk is in, as {@link #asp} shows it; {@code null} for
	 * none
	 */
	BaiduSandboxJson.Volume volume(Volume volume, Instant now, BaiduSandboxJson.@Nullable Asp policy) {
		List<Attachment> attachments = (volume.instanceId() != null) ? List.of(new Attachment(volume.id(),
				volume.instanceId(), volume.system() ? "/dev/vda" : "/dev/vdb", volume.id().substring(2))) : List.of();
		return new BaiduSandboxJson.Volume(volume.id(), volume.name(), volume.sizeGb(),
				this.progress.status(volume, now), volume.system() ? "System" : "Cds", "enhanced_ssd_pl1",
				volume.system(), this.zone, attachments, "", BceV1Signer.timestamp(volume.createdAt()), policy);
	}

	/**
	 * A policy as BCC shows it; a time that never was is BCC's placeholder, as in its
	 * documentation's example.
	 */
	BaiduSandboxJson.Asp asp(Policy policy, int volumeCount) {
		Instant lastExecuted = policy.lastExecutedAt();
		return new BaiduSandboxJson.Asp(policy.id(), policy.name(), policy.hours(), policy.weekdays(), "active",
				policy.retentionDays(), BceV1Signer.timestamp(policy.createdAt()),
				BceV1Signer.timestamp(policy.updatedAt()), NEVER,
				(lastExecuted != null) ? BceV1Signer.timestamp(lastExecuted) : NEVER, volumeCount);
	}

	BaiduSandboxJson.Instance instance(Instance instance, Instant now) {
		return new BaiduSandboxJson.Instance(instance.id(), instance.name(), this.progress.status(instance, now),
				this.zone, BceV1Signer.timestamp(instance.createdAt()));
	}

}
