package io.snapgate.provider.baidu;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.snapgate.domain.ConflictException;
import io.snapgate.domain.DiskType;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Restore;
import io.snapgate.domain.RestoreHandle;
import io.snapgate.domain.RestoreMode;
import io.snapgate.domain.RestoreSettings;
import io.snapgate.domain.RestoreStatus;
import io.snapgate.domain.RestoreTarget;
import io.snapgate.provider.StepClaim;
import io.snapgate.provider.StepMark;
import io.snapgate.provider.baidu.BaiduInstanceSnapshotJson.Disk;
import io.snapgate.provider.baidu.BaiduReplies.ModifySnapshotBody;
import io.snapgate.provider.baidu.BaiduRules.RollbackTarget;
import org.jspecify.annotations.Nullable;

/**
 * A machine revert's progress, and its next step when one is due, told from BCC alone:
 * any replica that reads the restore drives it on.
 * <p>
 * Each disk's rollback is a step, recorded as {@link BaiduRollbackSteps} records a
 * disk's: a {@link StepMark} on the description of that disk's safety snapshot, claimed
 * by one replica ({@link StepClaim}) and marked sent right after the rollback. The steps
 * go in the order of the handle, each once the disk before it has settled; a step is due
 * at most {@link RestoreSettings#stepDeadline()} after the one before it was sent (the
 * first, after the request). A disk that ends in a failed state stops the revert: the
 * disks before it stay rolled back and the failure says so, with their safety snapshots.
 */
final class BaiduMachineRollbackSteps {

	private static final RestoreTarget TARGET = new RestoreTarget.MachineTarget(RestoreMode.IN_PLACE);

	private static final Set<String> SETTLED_VOLUME = Set.of("available", "inuse");

	private final BaiduClient client;

	private final BaiduRules rules;

	private final BaiduInstanceSnapshots groups;

	private final RestoreSettings settings;

	private final StepClaim claim;

	private final Clock clock;

	BaiduMachineRollbackSteps(BaiduClient client, BaiduRules rules, BaiduInstanceSnapshots groups,
			RestoreSettings settings, Clock clock) {
		this.client = client;
		this.rules = rules;
		this.groups = groups;
		this.settings = settings;
		this.claim = new StepClaim(settings.claimSettle(), clock);
		this.clock = clock;
	}

	/**
	 * The revert as it stands, after its next step if one was due.
	 * @throws NotFoundException with {@code RESTORE_NOT_FOUND} once a safety snapshot
	 * that records the revert is gone
	 */
	Restore advance(RestoreHandle encoded) {
		BaiduMachineRestoreHandle handle = BaiduMachineRestoreHandle.decode(encoded);
		Revert revert = new Revert(encoded, handle, new ArrayList<>(), new ArrayList<>());
		Optional<BaiduInstanceSnapshotJson> group = this.groups.find(handle.instanceSnapshotId());
		if (group.isEmpty()) {
			return revert.failed("Instance snapshot " + handle.instanceSnapshotId() + " no longer exists");
		}
		List<Disk> disks = BaiduMachineRollbacks.sorted(group.get());
		if (disks.size() != handle.safetySnapshotIds().size()) {
			return revert.failed("Instance snapshot " + handle.instanceSnapshotId() + " now holds " + disks.size()
					+ " disk snapshots, not the " + handle.safetySnapshotIds().size() + " the revert began with");
		}
		disks.forEach((disk) -> revert.volumeIds().add(String.valueOf(disk.volumeId())));
		List<BaiduSnapshotJson> safeties = new ArrayList<>();
		for (String safetyId : handle.safetySnapshotIds()) {
			safeties.add(this.client.findSnapshot(safetyId)
				.orElseThrow(() -> new NotFoundException(ErrorCode.RESTORE_NOT_FOUND,
						"The safety snapshot " + safetyId + " that recorded this restore no longer exists (BCC "
								+ "deletes it when its retention ends, or it was deleted by hand), and SnapGate "
								+ "keeps no other record")));
		}
		Instant now = this.clock.instant();
		boolean started = safeties.stream().anyMatch((safety) -> StepMark.in(safety.desc()) != null);
		if (!started) {
			Restore waiting = safetySnapshots(revert, safeties, now);
			if (waiting != null) {
				return waiting;
			}
		}
		Instant dueSince = handle.startedAt();
		for (int i = 0; i < disks.size(); i++) {
			BaiduSnapshotJson safety = safeties.get(i);
			String safetyId = handle.safetySnapshotIds().get(i);
			String snapshotId = String.valueOf(disks.get(i).snapshotId());
			String volumeId = String.valueOf(disks.get(i).volumeId());
			Step step = new Step(i, disks.size(), volumeId, snapshotId, safetyId);
			StepMark mark = StepMark.in(safety.desc());
			boolean pastDeadline = now.isAfter(dueSince.plus(this.settings.stepDeadline()));
			if (mark != null && mark.sent()) {
				Restore going = rolledBack(revert, step, mark.at());
				if (going != null) {
					return going;
				}
				revert.done().add(step);
				dueSince = mark.at();
				continue;
			}
			if (mark != null) {
				if (now.isBefore(mark.at().plus(this.settings.claimLease()))) {
					return revert.running(step, "Sending the rollback of disk " + volumeId);
				}
				String status = volumeStatus(step);
				if (!status.isEmpty() && !SETTLED_VOLUME.contains(status)
						&& !BaiduRollbackSteps.progress(status, Duration.ZERO).equals(RestoreStatus.FAILED)) {
					// the disk is busy, so the rollback reached BCC before its sender
					// stopped
					markSent(safetyId, mark.at());
					return revert.running(step, "Baidu is rolling back disk " + volumeId);
				}
				if (pastDeadline) {
					return revert.failed("SnapGate stopped while sending the rollback of disk " + volumeId + " at "
							+ mark.at() + " and cannot tell whether BCC received it (the disk is " + status
							+ "); check its data", step);
				}
			}
			else if (pastDeadline) {
				return revert.notSent("The rollback of disk " + volumeId + " was not sent within "
						+ this.settings.stepDeadline() + " of its turn", step);
			}
			return rollBack(revert, step);
		}
		return revert.restore(RestoreStatus.SUCCEEDED,
				"Every disk of instance snapshot " + handle.instanceSnapshotId() + " was rolled back", null);
	}

	/**
	 * Before the first rollback: the revert waits while a safety snapshot is being taken,
	 * and fails, with nothing rolled back, once one cannot be used. {@code null} once all
	 * are usable.
	 */
	private @Nullable Restore safetySnapshots(Revert revert, List<BaiduSnapshotJson> safeties, Instant now) {
		boolean pastDeadline = now.isAfter(revert.handle().startedAt().plus(this.settings.stepDeadline()));
		int usable = 0;
		for (BaiduSnapshotJson safety : safeties) {
			String status = lower(safety.status());
			if (status.equals("available")) {
				usable++;
			}
			else if (!status.equals("creating") || pastDeadline) {
				String why = status.equals("creating") ? " was not usable within " + this.settings.stepDeadline()
						: " is " + safety.status();
				return revert.failed("The safety snapshot " + safety.id() + " of disk " + safety.volumeId() + why
						+ ", so no disk was rolled back; the safety snapshots stay until their retention ends");
			}
		}
		if (usable < safeties.size()) {
			return revert.restore(RestoreStatus.PENDING, "Taking the safety snapshots before the rollbacks: " + usable
					+ " of " + safeties.size() + " usable", null);
		}
		return null;
	}

	/** A disk whose rollback was sent: {@code null} once it has settled. */
	private @Nullable Restore rolledBack(Revert revert, Step step, Instant sentAt) {
		Optional<BaiduVolumeJson> volume = this.client.findVolume(step.volumeId());
		if (volume.isEmpty()) {
			return revert.notSent("Disk " + step.volumeId() + " no longer exists", step);
		}
		String status = (volume.get().status() != null) ? volume.get().status() : "unknown";
		RestoreStatus progress = BaiduRollbackSteps.progress(status, Duration.between(sentAt, this.clock.instant()));
		if (progress == RestoreStatus.SUCCEEDED) {
			return null;
		}
		if (progress == RestoreStatus.FAILED) {
			return revert.failed("Baidu shows disk " + step.volumeId() + " as " + status + " after its rollback", step);
		}
		return revert.running(step, "Baidu is rolling back disk " + step.volumeId() + " (" + status + ")");
	}

	/**
	 * Takes the step: the disk's rollback, sent once, by the replica whose claim holds.
	 */
	private Restore rollBack(Revert revert, Step step) {
		RollbackTarget disk;
		try {
			disk = this.rules.rollbackTarget(step.snapshotId());
			if (disk.type() == DiskType.SYSTEM && !"stopped".equals(lower(disk.state()))) {
				throw new ConflictException(ErrorCode.INSTANCE_BUSY, "Instance " + disk.snapshotDiskId() + " is "
						+ disk.state() + "; its system disk is rolled back only while it is Stopped");
			}
		}
		catch (ConflictException ex) {
			return revert.restore(RestoreStatus.PENDING,
					"Waiting to roll back disk " + step.volumeId() + ": " + ex.getMessage(), null);
		}
		catch (NotFoundException ex) {
			return revert.notSent(String.valueOf(ex.getMessage()), step);
		}
		String safetyId = step.safetyId();
		if (!this.claim.claim(() -> description(safetyId), (text) -> modify(safetyId, text))) {
			return revert.running(step, "Sending the rollback of disk " + step.volumeId());
		}
		try {
			this.client.rollBack(disk.volumeId(), step.snapshotId(), disk.operation());
		}
		catch (ConflictException ex) {
			// refused before anything changed: the next read tries again
			modify(safetyId, StepMark.strip(description(safetyId)));
			return revert.restore(RestoreStatus.PENDING,
					"Waiting to roll back disk " + step.volumeId() + ": " + ex.getMessage(), null);
		}
		markSent(safetyId, this.clock.instant());
		return revert.running(step, "Baidu is rolling back disk " + step.volumeId());
	}

	private String volumeStatus(Step step) {
		return lower(this.client.findVolume(step.volumeId()).map(BaiduVolumeJson::status).orElse(""));
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

	private static String lower(@Nullable String status) {
		return (status != null) ? status.toLowerCase(Locale.ROOT) : "";
	}

	/**
	 * One disk's rollback.
	 *
	 * @param index its place in the order, from 0
	 * @param count how many disks the revert rolls back
	 */
	private record Step(int index, int count, String volumeId, String snapshotId, String safetyId) {
	}

	/**
	 * A revert being told, with the steps found done so far.
	 */
	private record Revert(RestoreHandle encoded, BaiduMachineRestoreHandle handle, List<Step> done,
			List<String> volumeIds) {

		Restore running(Step step, String what) {
			return restore(RestoreStatus.RUNNING,
					"Disk " + (step.index() + 1) + " of " + step.count() + ": " + what + doneSoFar(), null);
		}

		/** Failed while the revert's steps were taken: what is left is told. */
		Restore failed(String reason, Step at) {
			return failed(reason, at, true);
		}

		Restore notSent(String reason, Step at) {
			return failed(reason, at, false);
		}

		private Restore failed(String reason, Step at, boolean sent) {
			StringBuilder left = new StringBuilder(reason).append(". ");
			if (this.done.isEmpty()) {
				left.append("No disk was rolled back");
			}
			else {
				left.append("Rolled back: ");
				left.append(String.join(", ",
						this.done.stream()
							.map((step) -> step.volumeId() + " (undo with " + step.safetyId() + ")")
							.toList()));
			}
			List<String> untouched = new ArrayList<>();
			for (int i = at.index() + 1; i < this.handle.safetySnapshotIds().size(); i++) {
				untouched.add(this.volumeIds.get(i));
			}
			if (sent) {
				left.append("; disk ")
					.append(at.volumeId())
					.append(" may be partly rolled back (undo with ")
					.append(at.safetyId())
					.append(")");
			}
			else {
				untouched.addFirst(at.volumeId());
			}
			if (!untouched.isEmpty()) {
				left.append("; not rolled back: ").append(String.join(", ", untouched));
			}
			return restore(RestoreStatus.FAILED, "The revert stopped at disk " + (at.index() + 1), left.toString());
		}

		Restore failed(String reason) {
			return restore(RestoreStatus.FAILED, "Nothing was rolled back", reason);
		}

		Restore restore(RestoreStatus status, String detail, @Nullable String failureReason) {
			return new Restore(this.encoded, this.handle.instanceSnapshotId(), TARGET, status, detail,
					this.handle.startedAt(), null, null, this.handle.safetySnapshotIds().getFirst(), null,
					failureReason);
		}

		private String doneSoFar() {
			return this.done.isEmpty() ? ""
					: "; rolled back already: " + String.join(", ", this.done.stream().map(Step::volumeId).toList());
		}

	}

}
