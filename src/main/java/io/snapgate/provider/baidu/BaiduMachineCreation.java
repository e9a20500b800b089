package io.snapgate.provider.baidu;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.snapgate.domain.CreateSnapshot;
import io.snapgate.domain.DiskType;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.MachineSource;
import io.snapgate.domain.MachineSource.MachineDisk;
import io.snapgate.domain.Preview;
import io.snapgate.domain.PreviewBuilder;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.Scope;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotStatus;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.provider.baidu.BaiduMachines.Machine;
import io.snapgate.provider.baidu.BaiduReplies.CreateInstanceSnapshotBody;
import io.snapgate.provider.baidu.BaiduReplies.CreatedInstanceSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * Taking a snapshot of one machine: an instance snapshot of the instance with all its
 * disks, one POST under a client token made from the caller's key (as a disk snapshot
 * is), after the name, instance and retention are checked against BCC's shapes and the
 * instance and its disks against BCC's rules. The retention travels as whole days;
 * without one BCC is told to keep the snapshots ({@code -1}).
 */
final class BaiduMachineCreation {

	private static final int KEEP = -1;

	private final ProviderId provider;

	private final BaiduClient client;

	private final BaiduMachines machines;

	private final BaiduDiskQuota quota;

	private final BaiduInstanceSnapshots groups;

	private final Clock clock;

	BaiduMachineCreation(ProviderId provider, BaiduClient client, BaiduMachines machines, BaiduDiskQuota quota,
			BaiduInstanceSnapshots groups, Clock clock) {
		this.provider = provider;
		this.client = client;
		this.machines = machines;
		this.quota = quota;
		this.groups = groups;
		this.clock = clock;
	}

	Snapshot create(CreateSnapshot command) {
		Shape shape = checkShape(command);
		Machine machine = this.machines.requireSnapshottable(shape.instanceId());
		this.quota.checkRoom(machine.diskIds(), "a snapshot of instance " + shape.instanceId());
		// the same caller's key gives the same token on every replica, so that BCC makes
		// the group once; BCC compares the rest of the body under it
		String clientToken = (command.idempotency() != null) ? command.idempotency().token(this.provider)
				: UUID.randomUUID().toString();
		CreatedInstanceSnapshot created = this.client.createInstanceSnapshot(clientToken,
				new CreateInstanceSnapshotBody(shape.instanceId(), command.name(),
						BaiduSnapshotMapper.blankToNull(command.description()),
						(shape.retentionDays() != null) ? shape.retentionDays() : KEEP));
		String id = created.inSnapshotId();
		if (!BaiduIds.isInstanceSnapshotId(id)) {
			throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR, "Baidu answered an inSnapshotId SnapGate cannot "
					+ "read: it is not of the shape SnapGate knows, which Baidu does not document");
		}
		return this.groups.get(id).orElseGet(() -> creating(id, command, machine, shape.retentionDays()));
	}

	Preview preview(CreateSnapshot command) {
		Shape shape = checkShape(command);
		Machine machine = this.machines.requireSnapshottable(shape.instanceId());
		Map<String, Integer> held = this.quota.checkRoom(machine.diskIds(),
				"a snapshot of instance " + shape.instanceId());
		PreviewBuilder preview = new PreviewBuilder()
			.passed("REQUEST_VALID", "Baidu takes the name, the instance id and the retention")
			.passed("INSTANCE_READY", "Instance " + shape.instanceId() + " is " + machine.instance().status())
			.passed("DISKS_IN_USE",
					"Its " + machine.disks().size() + " disk(s) are in use: "
							+ machine.disks()
								.stream()
								.map((disk) -> disk.id() + (disk.systemVolume() ? " (system)" : " (CDS)"))
								.collect(Collectors.joining(", ")));
		Integer perDisk = this.quota.perDisk();
		if (perDisk != null) {
			preview.passed("QUOTA",
					"Each disk has room for one more snapshot: " + held.entrySet()
						.stream()
						.map((entry) -> entry.getKey() + " holds " + entry.getValue() + " of " + perDisk)
						.collect(Collectors.joining(", ")));
		}
		else {
			preview.unknown("QUOTA", "BCC tells no snapshot quota; a disk without room makes BCC refuse the "
					+ "whole snapshot, answered 409 QUOTA_EXCEEDED");
		}
		if (command.idempotency() != null) {
			preview.unknown("SAME_REQUEST", "BCC finds an earlier snapshot of this Idempotency-Key only when asked to "
					+ "make it (its client token); whether BCC honours a client token for instance snapshots is "
					+ "unconfirmed");
		}
		String expiry = (shape.retentionDays() != null) ? "kept " + shape.retentionDays() + " days, until about "
				+ BaiduRetention.expiry(now(), shape.retentionDays()) : "kept until it is deleted";
		preview.action(Preview.Change.CREATE, "SNAPSHOT", null, command.name(), null, "A snapshot of instance "
				+ shape.instanceId() + " with its " + machine.disks().size() + " disk(s), " + expiry);
		for (BaiduVolumeJson disk : machine.disks()) {
			preview.action(Preview.Change.CREATE, "SNAPSHOT", null, command.name(),
					(disk.diskSizeInGb() != null) ? disk.diskSizeInGb().longValue() : null,
					"The snapshot of " + (disk.systemVolume() ? "system disk " : "CDS disk ") + disk.id() + " in it");
		}
		return preview.build();
	}

	/** How the snapshot shows while BCC does not list it yet. */
	private Snapshot creating(String id, CreateSnapshot command, Machine machine, @Nullable Integer retentionDays) {
		Instant now = now();
		return new Snapshot(this.provider, BaiduSnapshotProvider.TYPE, id, command.name(),
				BaiduSnapshotMapper.blankToNull(command.description()), Scope.MACHINE,
				new MachineSource(machine.instanceId(), null, machine.disks()
					.stream()
					.map((disk) -> new MachineDisk(String.valueOf(disk.id()),
							disk.systemVolume() ? DiskType.SYSTEM : DiskType.CDS, null, SnapshotStatus.CREATING))
					.toList()),
				SnapshotStatus.CREATING, "creating", now,
				(retentionDays != null) ? BaiduRetention.expiry(now, retentionDays) : null, null, false, false, null,
				Map.of(), null);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	/** The request's name, instance and retention, in BCC's shapes. */
	private static Shape checkShape(CreateSnapshot command) {
		if (!BaiduIds.isInstanceSnapshotName(command.name())) {
			throw InvalidRequestException.field("name",
					"Baidu names a snapshot of an instance with 1 to 65 letters, digits and underscores, starting "
							+ "with a letter");
		}
		if (command.name().startsWith(BaiduSafetySnapshots.NAME_PREFIX)) {
			throw InvalidRequestException.unsupported("name", "names starting with " + BaiduSafetySnapshots.NAME_PREFIX
					+ " are SnapGate's, for the snapshots it takes before a rollback");
		}
		String instanceId = command.machine();
		if (!BaiduIds.isInstanceId(instanceId)) {
			throw InvalidRequestException.field("machine", "name the instance by its id (i-...)");
		}
		Integer retentionDays = (command.retention() != null) ? BaiduRetention.days("retention", command.retention())
				: null;
		return new Shape(instanceId, retentionDays);
	}

	/**
	 * A create in BCC's shapes.
	 *
	 * @param retentionDays the days BCC is to keep it; {@code null} to keep it until
	 * deleted
	 */
	private record Shape(String instanceId, @Nullable Integer retentionDays) {
	}

}
