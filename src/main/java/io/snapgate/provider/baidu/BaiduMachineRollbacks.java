package io.snapgate.provider.baidu;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.snapgate.domain.ConflictException;
import io.snapgate.domain.DiskType;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Preview;
import io.snapgate.domain.PreviewBuilder;
import io.snapgate.domain.Restore;
import io.snapgate.domain.RestoreCommand;
import io.snapgate.domain.RestoreHandle;
import io.snapgate.domain.RestoreMode;
import io.snapgate.domain.RestoreSettings;
import io.snapgate.domain.RestoreStatus;
import io.snapgate.domain.RestoreTarget;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.SnapshotStatus;
import io.snapgate.provider.baidu.BaiduInstanceSnapshotJson.Disk;
import io.snapgate.provider.baidu.BaiduRules.RollbackTarget;
import io.snapgate.provider.baidu.BaiduSafetySnapshots.Identity;
import io.snapgate.provider.baidu.BaiduSafetySnapshots.Survey;
import org.jspecify.annotations.Nullable;

/**
 * A machine reverted in place: BCC has no rollback of an instance snapshot, so each disk
 * of the group is rolled back in turn ({@code PUT /v2/volume/{id}?rollback}), after a
 * safety snapshot of every disk as it is now. Every rule of BCC's for every disk is
 * checked before the first write: the instance Stopped (SnapGate's own rule for a whole
 * machine: its system disk is replaced), each CDS disk detached (BCC's), each disk
 * snapshot of the group Available. Starting sends the safety snapshots only;
 * {@link BaiduMachineRollbackSteps} sends the rollbacks, one at a time, on whichever
 * replica reads the restore.
 * <p>
 * An instance snapshot cannot be the safety snapshot: BCC takes one only while every CDS
 * disk is attached, and rolls a CDS disk back only while it is detached. The safety
 * snapshots are therefore disk snapshots, one per disk, and each carries the record of
 * its own disk's rollback, so a machine revert always takes them.
 */
final class BaiduMachineRollbacks {

	private static final RestoreTarget TARGET = new RestoreTarget.MachineTarget(RestoreMode.IN_PLACE);

	private final BaiduClient client;

	private final BaiduRules rules;

	private final BaiduInstanceSnapshots groups;

	private final BaiduSafetySnapshots safety;

	private final BaiduMachineRollbackSteps steps;

	private final RestoreSettings settings;

	private final Clock clock;

	BaiduMachineRollbacks(BaiduClient client, BaiduRules rules, BaiduInstanceSnapshots groups,
			BaiduSafetySnapshots safety, RestoreSettings settings, Clock clock) {
		this.client = client;
		this.rules = rules;
		this.groups = groups;
		this.safety = safety;
		this.steps = new BaiduMachineRollbackSteps(client, rules, groups, settings, clock);
		this.settings = settings;
		this.clock = clock;
	}

	Restore start(RestoreCommand command) {
		Plan plan = plan(command);
		List<String> safetyIds = new ArrayList<>();
		Instant startedAt = null;
		try {
			for (DiskPlan disk : plan.disks()) {
				BaiduSnapshotJson earlier = disk.survey().earlier();
				String id = (earlier != null && earlier.id() != null) ? earlier.id()
						: this.safety.take(disk.target(), disk.identity(), disk.snapshotId());
				safetyIds.add(id);
				String createTime = (earlier != null) ? earlier.createTime()
						: this.client.findSnapshot(id).map(BaiduSnapshotJson::createTime).orElse(null);
				Instant created = BaiduSnapshotMapper.parseTime(createTime);
				if (created != null && (startedAt == null || created.isBefore(startedAt))) {
					startedAt = created;
				}
			}
		}
		catch (SnapGateException ex) {
			if (!plan.repeat()) {
				cleanUp(safetyIds);
			}
			throw ex;
		}
		if (startedAt == null) {
			startedAt = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		}
		RestoreHandle handle = new BaiduMachineRestoreHandle(command.snapshotNativeId(), startedAt, safetyIds).encode();
		if (plan.repeat()) {
			return this.steps.advance(handle);
		}
		return new Restore(handle, command.snapshotNativeId(), TARGET, RestoreStatus.PENDING,
				"Taking a safety snapshot of each of the " + safetyIds.size() + " disks of instance "
						+ plan.instanceId() + " before rolling them back: " + String.join(", ", safetyIds),
				startedAt, null, plan.instanceId(), safetyIds.getFirst(), null, null);
	}

	Restore status(RestoreHandle handle) {
		return this.steps.advance(handle);
	}

	Preview preview(RestoreCommand command) {
		Plan plan = plan(command);
		PreviewBuilder preview = plan.checks();
		if (plan.repeat()) {
			return preview
				.action(Preview.Change.NONE, "MACHINE", plan.instanceId(), null, null,
						"Nothing: the restore made under this Idempotency-Key is answered")
				.build();
		}
		int count = plan.disks().size();
		for (DiskPlan disk : plan.disks()) {
			preview.action(Preview.Change.CREATE, "SNAPSHOT", null, disk.identity().name(), size(disk),
					"A safety snapshot of " + describe(disk.target()) + " as it is now, kept "
							+ BaiduSafetySnapshots.retentionDays(this.settings) + " days");
		}
		for (int i = 0; i < count; i++) {
			DiskPlan disk = plan.disks().get(i);
			preview.action(Preview.Change.OVERWRITE, "VOLUME", disk.target().volumeId(), disk.target().name(),
					size(disk), "Rollback " + (i + 1) + " of " + count + ": " + describe(disk.target())
							+ " rolled back to snapshot " + disk.snapshotId());
		}
		return preview
			.warn("One rollback per disk, sent in turn: each once the safety snapshots are usable and the disk "
					+ "before it has finished; the first is sent at most " + this.settings.stepDeadline()
					+ " after the request")
			.warn("If one rollback fails, the disks before it stay rolled back and the disks after it are left "
					+ "as they are; to undo, roll each disk back to its own safety snapshot (the restore names them)")
			.warn("Everything written to the " + count + " disks of instance " + plan.instanceId()
					+ " since the snapshot was taken is lost, unless you roll them back to their safety snapshots")
			.warn("Keep instance " + plan.instanceId() + " stopped and its CDS disks detached until the restore "
					+ "has finished")
			.build();
	}

	/**
	 * Every check before anything is sent, with reads only: the group, the instance, and
	 * for each disk its snapshot, its state and the room for its safety snapshot. Under
	 * an idempotency key, a safety snapshot an earlier call took makes it a repeat,
	 * answered without the state checks (the disks may be busy with the very rollback).
	 */
	private Plan plan(RestoreCommand command) {
		if (!(command.target() instanceof RestoreTarget.MachineTarget machine)
				|| machine.mode() != RestoreMode.IN_PLACE) {
			throw InvalidRequestException.unsupported("target.type",
					"Baidu reverts the instance of an instance snapshot in place only; send target type MACHINE "
							+ "with confirmInPlace");
		}
		if (!command.safetySnapshot()) {
			throw InvalidRequestException.unsupported("safetySnapshot",
					"a Baidu machine revert keeps the record of each disk's rollback on that disk's safety "
							+ "snapshot, so it always takes them");
		}
		BaiduInstanceSnapshotJson group = this.groups.require(command.snapshotNativeId());
		String instanceId = group.instanceId();
		if (!BaiduIds.isInstanceId(instanceId)) {
			throw new ConflictException(ErrorCode.SNAPSHOT_BUSY,
					"Instance snapshot " + command.snapshotNativeId() + " names no instance");
		}
		List<Disk> members = sorted(group);
		if (members.isEmpty() || members.size() > BaiduMachineRestoreHandle.MAX_DISKS) {
			throw new ConflictException(ErrorCode.SNAPSHOT_BUSY,
					"Instance snapshot " + command.snapshotNativeId() + " holds " + members.size()
							+ " disk snapshots; SnapGate reverts 1 to " + BaiduMachineRestoreHandle.MAX_DISKS);
		}
		List<DiskPlan> disks = new ArrayList<>();
		boolean repeat = false;
		for (Disk member : members) {
			String snapshotId = String.valueOf(member.snapshotId());
			BaiduSnapshotJson source = this.rules.requireSnapshot(snapshotId);
			RollbackTarget target = this.rules.rollbackDisk(source);
			Identity identity = this.safety.identity(command.idempotency(), target.volumeId());
			Survey survey = this.safety.survey(target, identity);
			repeat |= survey.earlier() != null;
			disks.add(new DiskPlan(snapshotId, source, target, identity, survey));
		}
		PreviewBuilder checks = new PreviewBuilder();
		if (repeat && command.idempotency() != null) {
			checks.passed("SAME_RESTORE",
					"This Idempotency-Key's safety snapshots exist: the restore was asked for " + "already");
			return new Plan(instanceId, disks, checks, true);
		}
		if (BaiduInstanceSnapshotMapper.status(group) != SnapshotStatus.AVAILABLE) {
			throw new ConflictException(ErrorCode.SNAPSHOT_BUSY,
					"Instance snapshot " + command.snapshotNativeId() + " is " + group.instanceSnapshotStatus()
							+ " with its disk snapshots "
							+ members.stream()
								.map((disk) -> disk.snapshotId() + " " + disk.snapshotStatus())
								.collect(Collectors.joining(", "))
							+ "; only an active one whose disk snapshots are all Available can be reverted to");
		}
		checks.passed("SNAPSHOT_AVAILABLE", "Instance snapshot " + command.snapshotNativeId() + " is active, its "
				+ members.size() + " disk snapshots Available");
		BaiduInstanceJson instance = this.client.findInstance(instanceId)
			.orElseThrow(() -> new NotFoundException(ErrorCode.INSTANCE_NOT_FOUND, "No instance " + instanceId));
		if (!"stopped".equals(lower(instance.status()))) {
			throw new ConflictException(ErrorCode.INSTANCE_BUSY, "Instance " + instanceId + " is " + instance.status()
					+ "; stop it first: reverting a machine rolls back its system disk, which SnapGate does only while "
					+ "the instance is Stopped. Nothing was sent");
		}
		checks.passed("INSTANCE_STOPPED", "Instance " + instanceId + " is Stopped");
		for (DiskPlan disk : disks) {
			this.rules.checkRollbackSource(disk.source());
			RollbackTarget target = disk.target();
			if (target.type() == DiskType.SYSTEM && !instanceId.equals(target.snapshotDiskId())) {
				throw new ConflictException(ErrorCode.VOLUME_BUSY, "System disk " + target.volumeId()
						+ " no longer belongs to instance " + instanceId + "; nothing was sent");
			}
			try {
				this.rules.checkRollbackReady(target);
			}
			catch (ConflictException ex) {
				throw new ConflictException(ex.code(), ex.getMessage() + ". Detach every CDS disk of instance "
						+ instanceId + " before reverting it; nothing was sent");
			}
			this.safety.checkRoom(target, disk.survey());
			checks.passed((target.type() == DiskType.CDS) ? "DISK_DETACHED" : "SYSTEM_DISK_READY",
					describe(target) + " can be rolled back to " + disk.snapshotId() + " ("
							+ ((target.type() == DiskType.CDS) ? "it is " + target.state() : "its instance is Stopped")
							+ ")");
		}
		Integer quota = this.safety.quotaPerDisk();
		String held = disks.stream()
			.map((disk) -> disk.target().volumeId() + " holds " + disk.survey().manualSnapshots())
			.collect(Collectors.joining(", "));
		if (quota != null) {
			checks.passed("ROOM_FOR_SAFETY_SNAPSHOTS",
					"Each disk has room for its safety snapshot (" + held + " manual snapshots of " + quota + ")");
		}
		else {
			checks.unknown("ROOM_FOR_SAFETY_SNAPSHOTS",
					"BCC tells no snapshot quota (" + held + " manual snapshots); a "
							+ "refusal of a safety snapshot stops the restore before the first rollback");
		}
		return new Plan(instanceId, disks, checks, false);
	}

	/**
	 * A group's disks in the order their rollbacks go: by snapshot id, which stays the
	 * same however BCC orders its listing.
	 */
	static List<Disk> sorted(BaiduInstanceSnapshotJson group) {
		return group.disks()
			.stream()
			.sorted(Comparator.comparing((Disk disk) -> String.valueOf(disk.snapshotId())))
			.toList();
	}

	/**
	 * Deletes the safety snapshots taken before a later one was refused, where BCC lets
	 * it (it deletes only Available or CreatedFailed snapshots): one still being taken
	 * stays, named {@code snapgate_safety_...}, until its retention ends.
	 */
	private void cleanUp(List<String> safetyIds) {
		for (String id : safetyIds) {
			try {
				this.client.deleteSnapshot(id);
			}
			catch (SnapGateException ex) {
				// left for its retention to remove
			}
		}
	}

	private static @Nullable Long size(DiskPlan disk) {
		return (disk.target().sizeGb() != null) ? disk.target().sizeGb().longValue() : null;
	}

	static String describe(RollbackTarget disk) {
		return BaiduRollbacks.describe(disk.type()) + " " + disk.volumeId();
	}

	private static String lower(@Nullable String status) {
		return (status != null) ? status.toLowerCase(Locale.ROOT) : "";
	}

	/**
	 * @param repeat whether an earlier call under the same key took safety snapshots
	 */
	private record Plan(String instanceId, List<DiskPlan> disks, PreviewBuilder checks, boolean repeat) {
	}

	private record DiskPlan(String snapshotId, BaiduSnapshotJson source, RollbackTarget target, Identity identity,
			Survey survey) {
	}

}
