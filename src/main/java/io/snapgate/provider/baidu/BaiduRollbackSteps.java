package io.snapgate.provider.baidu;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.snapgate.domain.ConflictException;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Restore;
import io.snapgate.domain.RestoreHandle;
import io.snapgate.domain.RestoreSettings;
import io.snapgate.domain.RestoreStatus;
import io.snapgate.domain.RestoreTarget;
import io.snapgate.provider.StepClaim;
import io.snapgate.provider.StepMark;
import io.snapgate.provider.baidu.BaiduReplies.ModifySnapshotBody;
import io.snapgate.provider.baidu.BaiduRules.RollbackTarget;
import org.jspecify.annotations.Nullable;

/**
 * A rollback's progress, and its next step when one is due, told from BCC alone: any
 * replica that reads the restore drives it on.
 * <p>
 * A rollback with a safety snapshot goes through three states, each kept by BCC: the
 * safety snapshot is {@code Creating}; it is {@code Available} and its description
 * carries no {@link StepMark}, so the rollback is due; its description says the rollback
 * was sent, and the disk then tells how it goes. The rollback is sent by the one replica
 * whose {@link StepClaim claim} on the safety snapshot's description holds, and marked
 * sent there right after; a claim left by a replica that stopped is resolved from the
 * disk. A rollback is never sent past {@link RestoreSettings#stepDeadline()}, and a
 * restore is {@code SUCCEEDED} only once the rollback was sent and the disk settled after
 * it.
 */
final class BaiduRollbackSteps {

	/**
	 * How long after a rollback was sent a disk that still shows its usual state counts
	 * as not started yet rather than done: SnapGate cannot tell the two apart from the
	 * volume alone.
	 */
	static final Duration ROLLBACK_GRACE = Duration.ofSeconds(2);

	private static final Set<String> SETTLED_VOLUME = Set.of("available", "inuse");

	private static final Set<String> FAILED_VOLUME = Set.of("error", "deleted", "deleting", "expired", "notavailable");

	private static final RestoreTarget TARGET = new RestoreTarget.VolumeTarget();

	private final BaiduClient client;

	private final BaiduRules rules;

	private final RestoreSettings settings;

	private final StepClaim claim;

	private final Clock clock;

	BaiduRollbackSteps(BaiduClient client, BaiduRules rules, RestoreSettings settings, Clock clock) {
		this.client = client;
		this.rules = rules;
		this.settings = settings;
		this.claim = new StepClaim(settings.claimSettle(), clock);
		this.clock = clock;
	}

	/**
	 * The restore as it stands, after its next step if one was due.
	 * @throws NotFoundException with {@code RESTORE_NOT_FOUND} once the safety snapshot
	 * that records the restore is gone
	 */
	Restore advance(RestoreHandle handle) {
		BaiduRestoreHandle rollback = BaiduRestoreHandle.decode(handle);
		String safetyId = rollback.safetySnapshotId();
		if (safetyId == null) {
			// without a safety snapshot the rollback was sent when the restore started
			return rolledBack(handle, rollback, rollback.startedAt(), null);
		}
		BaiduSnapshotJson safety = this.client.findSnapshot(safetyId)
			.orElseThrow(() -> new NotFoundException(ErrorCode.RESTORE_NOT_FOUND, "The safety snapshot " + safetyId
					+ " that recorded this restore no longer exists (BCC deletes it "
					+ "when its retention ends, or it was deleted by hand), and SnapGate keeps no other record"));
		StepMark mark = StepMark.in(safety.desc());
		if (mark != null && mark.sent()) {
			return rolledBack(handle, rollback, mark.at(), safetyId);
		}
		Instant now = this.clock.instant();
		boolean pastDeadline = now.isAfter(rollback.startedAt().plus(this.settings.stepDeadline()));
		String safetyStatus = lower(safety.status());
		if (safetyStatus.equals("creating") && !pastDeadline) {
			return restore(handle, rollback, RestoreStatus.PENDING,
					"Taking safety snapshot " + safetyId + " of " + disk(rollback) + " before the rollback",
					BaiduRollbacks.progress(safety), null);
		}
		if (!safetyStatus.equals("available")) {
			String reason = safetyStatus.equals("creating")
					? "The safety snapshot " + safetyId + " was not usable within " + this.settings.stepDeadline()
							+ " of the request"
					: "The safety snapshot " + safetyId + " of " + disk(rollback) + " is " + safety.status();
			return failed(handle, rollback, reason + ", so the disk was not rolled back");
		}
		if (mark != null) {
			Restore resolved = resolveClaim(handle, rollback, safety, mark, pastDeadline);
			if (resolved != null) {
				return resolved;
			}
		}
		else if (pastDeadline) {
			return failed(handle, rollback, "The rollback was not sent within " + this.settings.stepDeadline()
					+ " of the request, so the disk was not rolled back; the safety snapshot " + safetyId
					+ " stays until " + ((safety.expireTime() != null) ? safety.expireTime() : "it is deleted"));
		}
		return rollBack(handle, rollback, safetyId);
	}

	/**
	 * A claim found on the safety snapshot: the step is being taken, or was left by a
	 * replica that stopped. {@code null} when the rollback is due again.
	 */
	private @Nullable Restore resolveClaim(RestoreHandle handle, BaiduRestoreHandle rollback, BaiduSnapshotJson safety,
			StepMark claimed, boolean pastDeadline) {
		if (this.clock.instant().isBefore(claimed.at().plus(this.settings.claimLease()))) {
			return restore(handle, rollback, RestoreStatus.RUNNING, "Sending the rollback of " + disk(rollback), null,
					null);
		}
		String status = this.client.findVolume(rollback.volumeId()).map(BaiduVolumeJson::status).orElse("");
		String volume = lower(status);
		if (!volume.isEmpty() && !SETTLED_VOLUME.contains(volume) && !FAILED_VOLUME.contains(volume)) {
			// the disk is busy, so the rollback reached BCC before its sender stopped
			markSent(String.valueOf(safety.id()), claimed.at());
			return rolledBack(handle, rollback, claimed.at(), safety.id());
		}
		if (pastDeadline) {
			return failed(handle, rollback,
					"SnapGate stopped while sending the rollback at " + claimed.at() + " and cannot tell whether BCC "
							+ "received it: " + disk(rollback) + " is " + status + ". Check its data, and roll back to "
							+ "the safety snapshot " + safety.id() + " to undo the rollback if it was made");
		}
		return null;
	}

	/** Takes the step: the rollback, sent once, by the replica whose claim holds. */
	private Restore rollBack(RestoreHandle handle, BaiduRestoreHandle rollback, String safetyId) {
		RollbackTarget disk;
		try {
			disk = this.rules.rollbackTarget(rollback.snapshotId());
		}
		catch (ConflictException ex) {
			return restore(handle, rollback, RestoreStatus.PENDING, "Waiting to roll back: " + ex.getMessage(), null,
					null);
		}
		catch (NotFoundException ex) {
			return failed(handle, rollback, ex.getMessage() + ", so the disk was not rolled back");
		}
		if (!this.claim.claim(() -> description(safetyId), (text) -> modify(safetyId, text))) {
			return restore(handle, rollback, RestoreStatus.RUNNING, "Sending the rollback of " + disk(rollback), null,
					null);
		}
		try {
			this.client.rollBack(disk.volumeId(), rollback.snapshotId(), disk.operation());
		}
		catch (ConflictException ex) {
			// refused before anything changed: the next read tries again
			modify(safetyId, StepMark.strip(description(safetyId)));
			return restore(handle, rollback, RestoreStatus.PENDING, "Waiting to roll back: " + ex.getMessage(), null,
					null);
		}
		Instant sentAt = this.clock.instant();
		markSent(safetyId, sentAt);
		return restore(handle, rollback, RestoreStatus.RUNNING, "Baidu is rolling back " + disk(rollback), null, null);
	}

	private void markSent(String safetyId, Instant at) {
		modify(safetyId, StepMark.sent(at).onto(description(safetyId)));
	}

	private @Nullable String description(String safetyId) {
		return this.client.findSnapshot(safetyId).map(BaiduSnapshotJson::desc).orElse(null);
	}

	private void modify(String safetyId, String description) {
		this.client.modifySnapshot(safetyId, new ModifySnapshotBody(null, description, null));
	}

	/** A rollback sent at {@code sentAt}, told from the disk. */
	private Restore rolledBack(RestoreHandle handle, BaiduRestoreHandle rollback, Instant sentAt,
			@Nullable String safetyId) {
		Optional<BaiduVolumeJson> found = this.client.findVolume(rollback.volumeId());
		if (found.isEmpty()) {
			return new Restore(handle, rollback.snapshotId(), TARGET, RestoreStatus.FAILED,
					disk(rollback) + " no longer exists", rollback.startedAt(), null, null, safetyId, null,
					disk(rollback) + " no longer exists");
		}
		BaiduVolumeJson volume = found.get();
		String status = (volume.status() != null) ? volume.status() : "unknown";
		RestoreStatus progress = progress(status, Duration.between(sentAt, this.clock.instant()));
		return new Restore(handle, rollback.snapshotId(), TARGET, progress, disk(rollback) + " is " + status,
				rollback.startedAt(), null, volume.name(), safetyId, null,
				(progress == RestoreStatus.FAILED) ? "Baidu shows " + disk(rollback) + " as " + status : null);
	}

	/**
	 * A settled disk means done, unless it is so soon after the rollback was sent that
	 * BCC may not have begun. Unknown states count as still going.
	 */
	static RestoreStatus progress(String volumeStatus, Duration sinceSent) {
		String status = lower(volumeStatus);
		if (SETTLED_VOLUME.contains(status)) {
			return (sinceSent.compareTo(ROLLBACK_GRACE) < 0) ? RestoreStatus.RUNNING : RestoreStatus.SUCCEEDED;
		}
		return FAILED_VOLUME.contains(status) ? RestoreStatus.FAILED : RestoreStatus.RUNNING;
	}

	private Restore failed(RestoreHandle handle, BaiduRestoreHandle rollback, String reason) {
		return restore(handle, rollback, RestoreStatus.FAILED, "Nothing was rolled back", null, reason);
	}

	private static Restore restore(RestoreHandle handle, BaiduRestoreHandle rollback, RestoreStatus status,
			String detail, @Nullable Integer progress, @Nullable String failureReason) {
		return new Restore(handle, rollback.snapshotId(), TARGET, status, detail, rollback.startedAt(), null, null,
				rollback.safetySnapshotId(), progress, failureReason);
	}

	static String disk(BaiduRestoreHandle rollback) {
		return BaiduRollbacks.describe(rollback.diskType()) + " " + rollback.volumeId();
	}

	private static String lower(@Nullable String status) {
		return (status != null) ? status.toLowerCase(Locale.ROOT) : "";
	}

}
