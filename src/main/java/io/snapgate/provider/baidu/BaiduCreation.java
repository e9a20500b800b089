package io.snapgate.provider.baidu;

import java.util.UUID;

import io.snapgate.domain.CreateSnapshot;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.Preview;
import io.snapgate.domain.PreviewBuilder;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.provider.baidu.BaiduReplies.CreateSnapshotBody;

/**
 * Taking a snapshot of one disk: the name and disk checked against BCC's shapes, the disk
 * against {@link BaiduRules}, then one POST under a client token that makes a repeat of
 * it a no-op.
 */
final class BaiduCreation {

	private final ProviderId provider;

	private final BaiduClient client;

	private final BaiduRules rules;

	private final BaiduListing listing;

	BaiduCreation(ProviderId provider, BaiduClient client, BaiduRules rules, BaiduListing listing) {
		this.provider = provider;
		this.client = client;
		this.rules = rules;
		this.listing = listing;
	}

	Snapshot create(CreateSnapshot command) {
		String name = command.name();
		String diskId = checkShape(command);
		BaiduOperation operation = this.rules.checkSnapshottable(diskId);
		// the same caller's key gives the same token on every replica, so BCC makes the
		// snapshot once
		String clientToken = (command.idempotency() != null) ? command.idempotency().token(this.provider)
				: UUID.randomUUID().toString();
		String snapshotId = this.client.createSnapshot(clientToken,
				new CreateSnapshotBody(diskId, name, BaiduSnapshotMapper.blankToNull(command.description()), null),
				operation);
		if (!BaiduIds.isSnapshotId(snapshotId)) {
			throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
					"Baidu answered a snapshot id of an unknown shape");
		}
		return this.listing.get(snapshotId)
			.orElseGet(() -> this.listing.creating(snapshotId, name, command.description(), diskId));
	}

	Preview preview(CreateSnapshot command) {
		String diskId = checkShape(command);
		BaiduOperation operation = this.rules.checkSnapshottable(diskId);
		boolean system = operation == BaiduOperation.SNAPSHOT_SYSTEM_DISK;
		PreviewBuilder preview = new PreviewBuilder().passed("REQUEST_VALID", "Baidu takes the name and the disk id")
			.passed(system ? "INSTANCE_READY" : "DISK_READY",
					(system ? "Instance " : "Disk ") + diskId + " can be snapshotted now");
		if (command.idempotency() != null) {
			preview.unknown("SAME_REQUEST", "BCC finds an earlier snapshot of this Idempotency-Key only when "
					+ "asked to make it; it then answers that one instead of making another");
		}
		preview.unknown("QUOTA", "BCC tells no snapshot quota; its refusal is answered 409 QUOTA_EXCEEDED");
		return preview
			.action(Preview.Change.CREATE, "SNAPSHOT", null, command.name(), null,
					"A snapshot of " + (system ? "the system disk of instance " : "disk ") + diskId)
			.build();
	}

	/** The request's name and disk id in BCC's shapes: the disk id is returned. */
	private static String checkShape(CreateSnapshot command) {
		if (!BaiduIds.isSnapshotName(command.name())) {
			throw InvalidRequestException.field("name",
					"Baidu snapshot names are 1 to 65 letters, digits and underscores");
		}
		String diskId = command.volumeId();
		if (diskId == null || !(BaiduIds.isVolumeId(diskId) || BaiduIds.isInstanceId(diskId))) {
			throw InvalidRequestException.field("volumeId",
					"name the disk to snapshot: a CDS volume id (v-...), or an instance id (i-...) for its system disk");
		}
		return diskId;
	}

}
