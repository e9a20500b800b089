package io.snapgate.provider.vergeos;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.snapgate.domain.ConflictException;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Preview;
import io.snapgate.domain.PreviewBuilder;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.Restore;
import io.snapgate.domain.RestoreCommand;
import io.snapgate.domain.RestoreHandle;
import io.snapgate.domain.RestoreMode;
import io.snapgate.domain.RestoreSettings;
import io.snapgate.domain.RestoreStatus;
import io.snapgate.domain.RestoreTarget;
import io.snapgate.provider.StepClaim;
import io.snapgate.provider.StepMark;
import io.snapgate.provider.vergeos.VergeosRestoreLedger.Entry;
import org.jspecify.annotations.Nullable;

/**
 * Restores a VM snapshot: as a new VM ({@code vm_actions} {@code clone} of the snapshot's
 * own VM, under the caller's {@code newName}), or in place, reverting the VM it was taken
 * of ({@code vm_actions} {@code restore} of that VM with {@code params.snapshot}), which
 * VergeOS does only while the VM is powered off: a running VM is refused with
 * {@code MACHINE_RUNNING} before anything is written. A revert takes a safety snapshot of
 * the VM first unless the caller says not to, so that it can be undone.
 * <p>
 * Under an idempotency key the restore is written down first in the
 * {@link VergeosRestoreLedger ledger}, as recoveries of cloud snapshot members are: one
 * replica of several sends the writes, a repeat of the request answers the same restore,
 * and another request under the key is refused. A replica that stopped before it marked
 * its writes sent leaves an entry that the next read of the restore finishes, on any
 * replica, after claiming it ({@link StepClaim}): a clone is sent unless the new VM is
 * there already, a revert's safety snapshot is looked for by its name (which carries the
 * key's token) before one is taken, and the revert is sent unless the VM was powered on
 * meanwhile.
 */
final class VergeosMachineRestores {

	static final String SAFETY_PREFIX = "snapgate-safety-";

	/** The machine states VergeOS may show while a revert runs (unconfirmed). */
	private static final Set<String> REVERTING = Set.of("restoring", "reverting");

	private final VergeosVmClient vms;

	private final VergeosMachines machines;

	private final VergeosMachineSnapshots snapshots;

	private final VergeosRestoreLedger ledger;

	private final RestoreSettings settings;

	private final StepClaim claim;

	private final Clock clock;

	VergeosMachineRestores(ProviderId provider, VergeosClient client, VergeosVmClient vms, VergeosMachines machines,
			VergeosMachineSnapshots snapshots, RestoreSettings settings, Clock clock) {
		this.vms = vms;
		this.machines = machines;
		this.snapshots = snapshots;
		this.ledger = new VergeosRestoreLedger(provider, client);
		this.settings = settings;
		this.claim = new StepClaim(settings.claimSettle(), clock);
		this.clock = clock;
	}

	Restore restore(RestoreCommand command, RestoreTarget.MachineTarget target) {
		Plan plan = plan(command, target);
		if (plan.earlier() != null) {
			return plan.earlier();
		}
		IdempotencyKey key = command.idempotency();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		if (key == null) {
			VergeosMachineRestoreHandle handle = plan.handle(now, null);
			if (!handle.revert()) {
				clone(handle);
				return status(handle.encode());
			}
			String safety = handle.safety() ? takeSafety(handle, plan.vmName(), now).key() : null;
			VergeosMachineRestoreHandle taken = new VergeosMachineRestoreHandle(true, handle.snapshotKey(),
					handle.vmKey(), now, null, null, handle.safety(), safety);
			revert(taken);
			return status(taken.encode());
		}
		VergeosMachineRestoreHandle handle = plan.handle(null, this.ledger.token(key));
		Optional<Entry> made = this.ledger.openOnce(key, now);
		if (made.isEmpty()) {
			// an identical call under this key wrote its entry first
			return status(handle.encode());
		}
		this.ledger.sweep(now);
		if (handle.revert()) {
			if (handle.safety()) {
				takeSafety(handle, plan.vmName(), now);
			}
			revert(handle);
		}
		else {
			clone(handle);
		}
		this.ledger.markSent(made.get(), this.clock.instant());
		return status(handle.encode());
	}

	Preview preview(RestoreCommand command, RestoreTarget.MachineTarget target) {
		Plan plan = plan(command, target);
		PreviewBuilder preview = plan.checks();
		Restore earlier = plan.earlier();
		if (earlier != null) {
			return preview
				.action(Preview.Change.NONE, "MACHINE", null, earlier.restoredName(), null,
						"Nothing: the restore made under this Idempotency-Key is " + earlier.status())
				.build();
		}
		if (command.idempotency() != null) {
			preview.passed("NEW_KEY", "No restore was asked for under this Idempotency-Key; one is recorded in "
					+ "VergeOS (snapshot profile " + VergeosRestoreLedger.PREFIX + "…, deleted after a day)");
		}
		String snapshot = "snapshot " + command.snapshotNativeId() + " ('" + plan.snapshotName() + "')";
		if (target.mode() == RestoreMode.NEW_COPY) {
			return preview
				.action(Preview.Change.CREATE, "MACHINE", null, command.newName(), null,
						"A new VM cloned from " + snapshot + " of VM '" + plan.vmName() + "'")
				.warn("The new VM is made powered off, with the snapshot's network settings: check its addresses "
						+ "before powering it on beside the original")
				.build();
		}
		if (command.safetySnapshot()) {
			preview.action(Preview.Change.CREATE, "SNAPSHOT", null, SAFETY_PREFIX + "…", null,
					"A VM snapshot of '" + plan.vmName() + "' as it is now, kept "
							+ this.settings.safetySnapshotRetention().toDays()
							+ " days: restoring it undoes the revert");
		}
		else {
			preview.warn("No safety snapshot: the revert cannot be undone");
		}
		return preview
			.action(Preview.Change.OVERWRITE, "MACHINE", plan.vmKey(), plan.vmName(), null,
					"VM '" + plan.vmName() + "' reverted to " + snapshot
							+ ": every disk loses what was written since the snapshot")
			.build();
	}

	/**
	 * How the restore goes; a keyed one whose writes were not all sent is finished here.
	 */
	Restore status(RestoreHandle encoded) {
		VergeosMachineRestoreHandle handle = VergeosMachineRestoreHandle.decode(encoded);
		String token = handle.ledgerToken();
		if (!handle.revert() && cloneMade(handle)) {
			return restore(handle, RestoreStatus.SUCCEEDED, "The new VM is made", null, null);
		}
		if (token == null) {
			return handle.revert() ? revertStatus(handle, handle.safetyKey()) : unkeyedCloneStatus(handle);
		}
		Optional<Entry> entry = this.ledger.find(token);
		if (entry.isEmpty()) {
			return restore(handle, RestoreStatus.FAILED, "Nothing is known to be restored", null,
					"The record of the restore is gone (SnapGate keeps it for a day), and VergeOS shows no sign of it");
		}
		return recordedStatus(handle, entry.get());
	}

	/**
	 * A keyed restore: if its writes are marked sent, VergeOS tells how it goes; if not,
	 * and the replica that was sending them has let go, they are sent now.
	 */
	private Restore recordedStatus(VergeosMachineRestoreHandle handle, Entry entry) {
		Instant now = this.clock.instant();
		StepMark step = entry.step();
		if (step != null && step.sent()) {
			if (handle.revert()) {
				return revertStatus(handle, safetyKey(handle));
			}
			return now.isAfter(step.at().plus(this.settings.stepDeadline()))
					? restore(handle, RestoreStatus.FAILED, "Nothing was restored", null,
							"VergeOS never showed the VM '" + handle.newName() + "' cloned at " + step.at())
					: restore(handle, RestoreStatus.PENDING, "Clone sent; waiting for VergeOS to make the VM", null,
							null);
		}
		Instant since = (step != null) ? step.at() : entry.askedAt();
		if (now.isBefore(since.plus(this.settings.claimLease()))) {
			return restore(handle, RestoreStatus.PENDING, "Sending the restore", null, null);
		}
		if (now.isAfter(entry.askedAt().plus(this.settings.stepDeadline()))) {
			return restore(handle, RestoreStatus.FAILED, "Nothing was restored", safetyKey(handle),
					"SnapGate stopped before it sent the restore, so nothing was restored; ask again with a new "
							+ "Idempotency-Key");
		}
		if (!this.claim.claim(() -> this.ledger.description(entry), (text) -> this.ledger.describe(entry, text))) {
			return restore(handle, RestoreStatus.PENDING, "Sending the restore", null, null);
		}
		if (!handle.revert()) {
			clone(handle);
			this.ledger.markSent(entry, this.clock.instant());
			return status(handle.encode());
		}
		VergeosVmRow vm = this.machines.byKey(handle.vmKey()).orElse(null);
		if (vm == null || vm.isRunning()) {
			return restore(handle, RestoreStatus.FAILED, "Nothing was reverted", safetyKey(handle),
					(vm == null) ? "VergeOS no longer shows the VM"
							: "The VM was powered on before SnapGate "
									+ "reverted it, so it was left as it is; power it off and ask again with a new "
									+ "Idempotency-Key");
		}
		if (handle.safety()) {
			takeSafety(handle, vm.label(), entry.askedAt());
		}
		revert(handle);
		this.ledger.markSent(entry, this.clock.instant());
		return revertStatus(handle, safetyKey(handle));
	}

	/**
	 * A revert VergeOS took: running while the VM shows a reverting state, done after.
	 * Which state VergeOS shows during a revert is not confirmed; none is waited for.
	 */
	private Restore revertStatus(VergeosMachineRestoreHandle handle, @Nullable String safetyKey) {
		Optional<VergeosVmRow> vm = this.machines.byKey(handle.vmKey());
		if (vm.isEmpty()) {
			return restore(handle, RestoreStatus.FAILED, "The VM is gone", safetyKey,
					"VergeOS no longer shows VM " + handle.vmKey());
		}
		String status = vm.get().status();
		if (status != null && REVERTING.contains(status)) {
			return restore(handle, RestoreStatus.RUNNING, "VergeOS is reverting the VM", safetyKey, null,
					vm.get().label());
		}
		return restore(handle, RestoreStatus.SUCCEEDED, "The VM is reverted", safetyKey, null, vm.get().label());
	}

	private Restore unkeyedCloneStatus(VergeosMachineRestoreHandle handle) {
		Instant started = Objects.requireNonNull(handle.startedAt());
		return this.clock.instant().isAfter(started.plus(this.settings.stepDeadline()))
				? restore(handle, RestoreStatus.FAILED, "Nothing was restored", null,
						"VergeOS never showed the VM '" + handle.newName() + "'")
				: restore(handle, RestoreStatus.PENDING, "Clone sent; waiting for VergeOS to make the VM", null, null);
	}

	/**
	 * Every check a restore makes before its first write, with reads only: the snapshot;
	 * for a clone its own VM and that no VM has the new name; for a revert the VM, which
	 * must be powered off; under a key, the key's ledger entry first.
	 */
	private Plan plan(RestoreCommand command, RestoreTarget.MachineTarget target) {
		String nativeId = command.snapshotNativeId();
		if (!VergeosMachineSnapshotIds.isId(nativeId)) {
			throw InvalidRequestException.unsupported("target.type", "Snapshot " + nativeId
					+ " is a VergeOS cloud snapshot: restore its VMs and tenants with target.type VM or TENANT; "
					+ "MACHINE restores a VM snapshot (an id m<key>)");
		}
		VergeosMachineSnapshotRow row = this.snapshots.require(nativeId);
		String snapshotKey = VergeosMachineSnapshotIds.keyOf(nativeId);
		String snapshotName = (row.name() != null) ? row.name() : nativeId;
		String machine = row.machine();
		VergeosVmRow original = (machine != null) ? this.machines.byMachine(List.of(machine)).get(machine) : null;
		PreviewBuilder checks = new PreviewBuilder().passed("SNAPSHOT_EXISTS",
				"Snapshot " + nativeId + " is '" + snapshotName + "'");
		IdempotencyKey key = command.idempotency();
		boolean revert = target.mode() == RestoreMode.IN_PLACE;
		String vmKey;
		String vmName;
		if (revert) {
			if (original == null || original.key() == null) {
				throw new NotFoundException(ErrorCode.MACHINE_NOT_FOUND,
						"VergeOS no longer shows the VM snapshot " + nativeId + " was taken of");
			}
			vmKey = original.key();
			vmName = original.label();
		}
		else {
			String newName = Objects.requireNonNull(command.newName(), "a new VM has a name");
			VergeosLimits.checkName("newName", newName);
			String snapMachine = row.snapMachine();
			if (snapMachine == null || !VergeosLimits.isKey(snapMachine)) {
				throw VergeosErrors.unreadableField("snap_machine", "VM snapshot " + nativeId);
			}
			VergeosVmRow snapVm = this.machines.snapshotVm(snapMachine)
				.orElseThrow(() -> new NotFoundException(ErrorCode.SNAPSHOT_NOT_FOUND,
						"VergeOS no longer shows the VM of snapshot " + nativeId + ", which a clone copies"));
			vmKey = String.valueOf(snapVm.key());
			vmName = (original != null) ? original.label() : snapVm.label();
			checks.passed("SNAPSHOT_VM", "The snapshot's own VM has key " + vmKey);
		}
		Plan plan = new Plan(revert, snapshotKey, snapshotName, vmKey, vmName, command.newName(),
				command.safetySnapshot(), null, checks);
		if (key != null) {
			Optional<Entry> entry = this.ledger.find(key);
			if (entry.isPresent()) {
				if (!this.ledger.isSameRequest(entry.get(), key)) {
					throw new IdempotencyKeyReusedException();
				}
				checks.passed("SAME_RESTORE", "This Idempotency-Key's restore was asked for already");
				return plan.withEarlier(status(plan.handle(null, this.ledger.token(key)).encode()));
			}
		}
		if (revert && original != null) {
			if (original.isRunning()) {
				throw new ConflictException(ErrorCode.MACHINE_RUNNING,
						"VM '" + vmName + "' is " + VergeosMachineCreation.powerState(original)
								+ ": VergeOS reverts a VM only while it is powered off. Power it off and ask again");
			}
			checks.passed("MACHINE_POWERED_OFF",
					"VM '" + vmName + "' is " + VergeosMachineCreation.powerState(original));
		}
		else {
			String newName = String.valueOf(command.newName());
			if (!this.vms.vmsNamed(newName).isEmpty()) {
				throw new ConflictException(ErrorCode.NAME_TAKEN,
						"A VM named '" + newName + "' exists already; give the new VM another newName");
			}
			checks.passed("NAME_FREE", "No VM is named '" + newName + "'");
		}
		return plan;
	}

	private boolean cloneMade(VergeosMachineRestoreHandle handle) {
		return !this.vms.vmsNamed(String.valueOf(handle.newName())).isEmpty();
	}

	private void clone(VergeosMachineRestoreHandle handle) {
		this.vms.act(VergeosVmAction.cloneAs(Long.parseLong(handle.vmKey()), String.valueOf(handle.newName())),
				VergeosOperation.CLONE);
	}

	private void revert(VergeosMachineRestoreHandle handle) {
		this.vms.act(VergeosVmAction.revert(Long.parseLong(handle.vmKey()), Long.parseLong(handle.snapshotKey())),
				VergeosOperation.REVERT);
	}

	/**
	 * The revert's safety snapshot: the one already taken under the restore's name, or a
	 * new one of the VM as it is now.
	 */
	private VergeosMachineSnapshotRow takeSafety(VergeosMachineRestoreHandle handle, String vmName, Instant at) {
		VergeosVmRow vm = this.machines.byKey(handle.vmKey())
			.orElseThrow(() -> VergeosMachines.notFound(handle.vmKey()));
		String machine = VergeosMachines.requireMachine(vm);
		String name = safetyName(handle, at);
		Optional<VergeosMachineSnapshotRow> taken = findSafety(name, machine);
		if (taken.isPresent()) {
			return taken.get();
		}
		long expires = this.clock.instant().plus(this.settings.safetySnapshotRetention()).getEpochSecond();
		VergeosCreateReply reply = this.vms.createMachineSnapshot(
				VergeosNewMachineSnapshot.of(
						Long.parseLong(machine), name, "Taken by SnapGate before reverting VM '" + vmName
								+ "' to snapshot " + handle.nativeSnapshotId() + "; restore it to undo the revert",
						expires, false));
		String key = reply.key();
		if (key != null && VergeosLimits.isKey(key)) {
			return new VergeosMachineSnapshotRow(key, name, null, null, expires, false, true, machine, null, null);
		}
		return findSafety(name, machine).orElseThrow(() -> VergeosErrors.unreadableField("$key",
				"the safety snapshot VergeOS made, so nothing was reverted"));
	}

	/** The key of a keyed revert's safety snapshot, if it was taken. */
	private @Nullable String safetyKey(VergeosMachineRestoreHandle handle) {
		if (!handle.safety() || handle.ledgerToken() == null) {
			return handle.safetyKey();
		}
		return this.machines.byKey(handle.vmKey())
			.flatMap((vm) -> findSafety(safetyName(handle, Instant.EPOCH), VergeosMachines.requireMachine(vm)))
			.map(VergeosMachineSnapshotRow::key)
			.orElse(null);
	}

	private Optional<VergeosMachineSnapshotRow> findSafety(String name, String machine) {
		return this.vms
			.machineSnapshots(VergeosFilter.both(VergeosFilter.eq("name", name),
					VergeosFilter.eq("machine", Long.parseLong(machine))), 2, 0)
			.stream()
			.filter((row) -> row.key() != null && VergeosLimits.isKey(row.key()))
			.findFirst();
	}

	/**
	 * A keyed revert's safety snapshot is named after the key's token, so that whichever
	 * replica finishes the revert finds it; an unkeyed one after the moment it is taken.
	 */
	private static String safetyName(VergeosMachineRestoreHandle handle, Instant at) {
		String token = handle.ledgerToken();
		return SAFETY_PREFIX + ((token != null) ? token : handle.snapshotKey() + "-" + at.toEpochMilli());
	}

	private static Restore restore(VergeosMachineRestoreHandle handle, RestoreStatus status, String detail,
			@Nullable String safetyKey, @Nullable String failure) {
		return restore(handle, status, detail, safetyKey, failure, handle.revert() ? null : handle.newName());
	}

	/**
	 * @param restoredName the new VM's name, or the name of the VM reverted
	 */
	private static Restore restore(VergeosMachineRestoreHandle handle, RestoreStatus status, String detail,
			@Nullable String safetyKey, @Nullable String failure, @Nullable String restoredName) {
		RestoreTarget target = new RestoreTarget.MachineTarget(
				handle.revert() ? RestoreMode.IN_PLACE : RestoreMode.NEW_COPY);
		return new Restore(handle.encode(), handle.nativeSnapshotId(), target, status, detail, handle.startedAt(), null,
				restoredName, (safetyKey != null) ? VergeosMachineSnapshotIds.of(safetyKey) : null, null, failure);
	}

	/**
	 * A restore as checked before its first write.
	 *
	 * @param vmKey the VM acted on: the snapshot's own VM for a clone, the VM for a
	 * revert
	 * @param vmName the name of the VM the snapshot was taken of
	 * @param earlier the restore already asked for under the same key, if any
	 */
	private record Plan(boolean revert, String snapshotKey, String snapshotName, String vmKey, String vmName,
			@Nullable String newName, boolean safety, @Nullable Restore earlier, PreviewBuilder checks) {

		VergeosMachineRestoreHandle handle(@Nullable Instant startedAt, @Nullable String token) {
			return new VergeosMachineRestoreHandle(this.revert, this.snapshotKey, this.vmKey, startedAt, token,
					this.revert ? null : this.newName, this.revert && this.safety, null);
		}

		Plan withEarlier(Restore restore) {
			return new Plan(this.revert, this.snapshotKey, this.snapshotName, this.vmKey, this.vmName, this.newName,
					this.safety, restore, this.checks);
		}

	}

}
