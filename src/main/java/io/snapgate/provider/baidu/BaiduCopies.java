package io.snapgate.provider.baidu;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.snapgate.domain.ConflictException;
import io.snapgate.domain.Copy;
import io.snapgate.domain.CopyCommand;
import io.snapgate.domain.CopyHandle;
import io.snapgate.domain.CopyProvider;
import io.snapgate.domain.CopyStatus;
import io.snapgate.domain.CopyTarget;
import io.snapgate.domain.DiskType;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Preview;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotStatus;
import io.snapgate.domain.VolumeSource;
import io.snapgate.provider.CopyRoutes;
import io.snapgate.provider.baidu.BaiduReplies.DestRegion;
import io.snapgate.provider.baidu.BaiduReplies.RemoteCopyBody;
import io.snapgate.provider.baidu.BaiduReplies.RemoteCopyResult;
import org.jspecify.annotations.Nullable;

/**
 * Copies to other regions of the same account ({@code PUT /v2/snapshot/remote_copy}). BCC
 * answers the copy's id in the target region at once and keeps no record of the copy on
 * the source side, so the copy's id carries what is known, and the target region's
 * provider tells how the copy goes.
 */
final class BaiduCopies implements CopyProvider {

	/**
	 * How long after BCC took a copy one not yet seen at the target is taken as on its
	 * way; later, as lost.
	 */
	static final Duration ARRIVAL_GRACE = Duration.ofMinutes(1);

	private final ProviderId id;

	private final BaiduClient client;

	private final BaiduListing listing;

	private final CopyRoutes regions;

	private final Clock clock;

	BaiduCopies(ProviderId id, BaiduClient client, BaiduListing listing, Map<String, String> copyRegions, Clock clock) {
		this.id = id;
		this.client = client;
		this.listing = listing;
		this.regions = new CopyRoutes(id, copyRegions, "region");
		this.clock = clock;
	}

	@Override
	public ProviderId id() {
		return this.id;
	}

	@Override
	public List<CopyTarget> targets() {
		return this.regions.targets();
	}

	@Override
	public boolean isValidCopyHandle(CopyHandle handle) {
		return BaiduCopyHandle.parse(handle).isPresent();
	}

	@Override
	public Copy copy(CopyCommand command) {
		String region = checked(command);
		String name = BaiduCopyNames.of(this.id, command.snapshotNativeId());
		String clientToken = (command.idempotency() != null) ? command.idempotency().token(this.id)
				: UUID.randomUUID().toString();
		List<RemoteCopyResult> results = this.client.copyToRegions(command.snapshotNativeId(), clientToken,
				new RemoteCopyBody(List.of(new DestRegion(name, region))));
		RemoteCopyResult result = results.stream()
			.filter((candidate) -> region.equals(candidate.region()))
			.findFirst()
			.orElseThrow(() -> (command.idempotency() != null) ? new IdempotencyKeyReusedException()
					: BaiduErrors.unreadable(BaiduOperation.COPY_SNAPSHOT, null, "result[].region"));
		String copyId = result.snapshotId();
		if (!BaiduIds.isSnapshotId(copyId)) {
			throw BaiduErrors.unreadable(BaiduOperation.COPY_SNAPSHOT, null, "result[].snapshotId");
		}
		BaiduCopyHandle handle = new BaiduCopyHandle(command.snapshotNativeId(), command.target(), copyId,
				this.clock.instant());
		return copy(handle);
	}

	@Override
	public Preview previewCopy(CopyCommand command) {
		String region = checked(command);
		return new Preview(
				List.of(new Preview.Action(Preview.Change.CREATE, "SNAPSHOT", null,
						BaiduCopyNames.of(this.id, command.snapshotNativeId()), sourceSize(command.snapshotNativeId()),
						"a copy of " + command.snapshotNativeId() + " in region " + region + ", provider "
								+ command.target())),
				List.of(new Preview.Check("SNAPSHOT_COPYABLE", Preview.Outcome.PASSED,
						"Snapshot " + command.snapshotNativeId() + " is Available and of a CDS disk")),
				List.of("BCC keeps no record of the copy on this side: follow it by its id"));
	}

	@Override
	public Copy copyStatus(CopyHandle handle) {
		return copy(BaiduCopyHandle.parse(handle)
			.orElseThrow(() -> new InvalidRequestException(ErrorCode.INVALID_COPY_ID, "Not a Baidu copy")));
	}

	/** BCC keeps no link from a snapshot to its copies. */
	@Override
	public List<Copy> copiesOf(String snapshotNativeId) {
		if (this.listing.get(snapshotNativeId).isEmpty()) {
			throw new NotFoundException(ErrorCode.SNAPSHOT_NOT_FOUND,
					"No snapshot " + this.id + ":" + snapshotNativeId);
		}
		return List.of();
	}

	/**
	 * The copy as its id tells it: on its way for {@link #ARRIVAL_GRACE} after BCC took
	 * it, then sent, which the target must confirm.
	 */
	private Copy copy(BaiduCopyHandle handle) {
		boolean settling = this.clock.instant().isBefore(handle.sentAt().plus(ARRIVAL_GRACE));
		return new Copy(handle.value(), handle.snapshotId(), handle.target(), handle.copyId(),
				settling ? CopyStatus.RUNNING : CopyStatus.SUCCEEDED, "sent to " + handle.target(), handle.sentAt(),
				null, null);
	}

	/** The region of the target, once the snapshot is one BCC can copy there. */
	private String checked(CopyCommand command) {
		String region = this.regions.to(command.target());
		if (command.retention() != null) {
			throw InvalidRequestException.unsupported("retention",
					"BCC's copy to another region takes no retention; change the copy's once it exists "
							+ "(PATCH /snapshots/{id} on the target)");
		}
		Snapshot snapshot = this.listing.get(command.snapshotNativeId())
			.orElseThrow(() -> new NotFoundException(ErrorCode.SNAPSHOT_NOT_FOUND,
					"No snapshot " + this.id + ":" + command.snapshotNativeId()));
		if (snapshot.source() instanceof VolumeSource source && source.diskType() == DiskType.SYSTEM) {
			throw InvalidRequestException.unsupported("snapshotId",
					"BCC copies snapshots of CDS disks only; " + snapshot.nativeId() + " is of a system disk");
		}
		if (snapshot.status() != SnapshotStatus.AVAILABLE) {
			throw new ConflictException(ErrorCode.SNAPSHOT_BUSY, "Snapshot " + snapshot.nativeId() + " is "
					+ snapshot.providerStatus() + "; BCC copies an Available one");
		}
		return region;
	}

	private @Nullable Long sourceSize(String snapshotId) {
		return this.listing.get(snapshotId).map(Snapshot::sizeGb).map(Integer::longValue).orElse(null);
	}

}
