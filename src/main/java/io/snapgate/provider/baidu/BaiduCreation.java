package io.snapgate.provider.baidu;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.jspecify.annotations.Nullable;

/**
 * Taking a snapshot of one disk: the name, disk and retention checked against BCC's
 * shapes, the disk against {@link BaiduRules}, then one POST under a client token that
 * makes a repeat of it a no-op. The retention travels as whole days; without one (or with
 * {@code neverExpire}, which is the same on BCC) BCC keeps the snapshot until it is
 * deleted.
 */
final class BaiduCreation {

	private final ProviderId provider;

	private final BaiduClient client;

	private final BaiduRules rules;

	private final BaiduListing listing;

	private final Clock clock;

	BaiduCreation(ProviderId provider, BaiduClient client, BaiduRules rules, BaiduListing listing, Clock clock) {
		this.provider = provider;
		this.client = client;
		this.rules = rules;
		this.listing = listing;
		this.clock = clock;
	}

	Snapshot create(CreateSnapshot command) {
		String name = command.name();
		Shape shape = checkShape(command);
		BaiduOperation operation = this.rules.checkSnapshottable(shape.diskId());
		// the same caller's key gives the same token on every replica, so BCC makes the
		// snapshot once; BCC compares the rest of the body, retention included, under it
		String clientToken = (command.idempotency() != null) ? command.idempotency().token(this.provider)
				: UUID.randomUUID().toString();
		String snapshotId = this.client.createSnapshot(clientToken, new CreateSnapshotBody(shape.diskId(), name,
				BaiduSnapshotMapper.blankToNull(command.description()), shape.retentionDays()), operation);
		if (!BaiduIds.isSnapshotId(snapshotId)) {
			throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
					"Baidu answered a snapshot id of an unknown shape");
		}
		return this.listing.get(snapshotId)
			.orElseGet(() -> this.listing.creating(snapshotId, name, command.description(), shape.diskId(),
					shape.retentionDays()));
	}

	Preview preview(CreateSnapshot command) {
		Shape shape = checkShape(command);
		String diskId = shape.diskId();
		BaiduOperation operation = this.rules.checkSnapshottable(diskId);
		boolean system = operation == BaiduOperation.SNAPSHOT_SYSTEM_DISK;
		String expiry;
		if (shape.retentionDays() != null) {
			Instant expiresAt = BaiduRetention.expiry(this.clock.instant().truncatedTo(ChronoUnit.SECONDS),
					shape.retentionDays());
			expiry = "kept " + shape.retentionDays() + " days, until about " + expiresAt;
		}
		else {
			expiry = "kept until it is deleted";
		}
		PreviewBuilder preview = new PreviewBuilder()
			.passed("REQUEST_VALID", "Baidu takes the name, the disk id and the retention")
			.passed(system ? "INSTANCE_READY" : "DISK_READY",
					(system ? "Instance " : "Disk ") + diskId + " can be snapshotted now");
		if (command.idempotency() != null) {
			preview.unknown("SAME_REQUEST", "BCC finds an earlier snapshot of this Idempotency-Key only when "
					+ "asked to make it; it then answers that one instead of making another");
		}
		preview.unknown("QUOTA", "BCC tells no snapshot quota; its refusal is answered 409 QUOTA_EXCEEDED");
		return preview
			.action(Preview.Change.CREATE, "SNAPSHOT", null, command.name(), null,
					"A snapshot of " + (system ? "the system disk of instance " : "disk ") + diskId + ", " + expiry)
			.build();
	}

	/** The request's name, disk id and retention, in BCC's shapes. */
	private static Shape checkShape(CreateSnapshot command) {
		if (!BaiduIds.isSnapshotName(command.name())) {
			throw InvalidRequestException.field("name",
					"Baidu snapshot names are 1 to 65 letters, digits and underscores");
		}
		String diskId = command.volumeId();
		if (diskId == null || !(BaiduIds.isVolumeId(diskId) || BaiduIds.isInstanceId(diskId))) {
			throw InvalidRequestException.field("volumeId",
					"name the disk to snapshot: a CDS volume id (v-...), or an instance id (i-...) for its system disk");
		}
		Integer retentionDays = (command.retention() != null) ? BaiduRetention.days("retention", command.retention())
				: null;
		return new Shape(diskId, retentionDays);
	}

	/**
	 * A create in BCC's shapes.
	 *
	 * @param diskId the disk, or the instance for its system disk
	 * @param retentionDays the days BCC is to keep it; {@code null} to keep it until
	 * deleted
	 */
	private record Shape(String diskId, @Nullable Integer retentionDays) {
	}

}
