package io.snapgate.provider.baidu;

import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.snapgate.domain.CopyProvider;
import io.snapgate.domain.Capability;
import io.snapgate.domain.CreateSnapshot;
import io.snapgate.domain.Cursor;
import io.snapgate.domain.DeleteOutcome;
import io.snapgate.domain.Member;
import io.snapgate.domain.MemberType;
import io.snapgate.domain.Page;
import io.snapgate.domain.PolicyProvider;
import io.snapgate.domain.Preview;
import io.snapgate.domain.PreviewBuilder;
import io.snapgate.domain.ProviderHealth;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderType;
import io.snapgate.domain.Restore;
import io.snapgate.domain.RestoreCommand;
import io.snapgate.domain.RestoreHandle;
import io.snapgate.domain.RestoreSettings;
import io.snapgate.domain.Scope;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotChanges;
import io.snapgate.domain.SnapshotFeatures;
import io.snapgate.domain.SnapshotField;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.domain.SnapshotQuery;
import io.snapgate.domain.SnapshotRef;
import io.snapgate.provider.UpstreamHealth;
import org.jspecify.annotations.Nullable;

/**
 * Baidu Cloud BCC behind the port: per-disk snapshots, rolled back in place, and instance
 * snapshots, a machine's disks taken together. Each operation is done by the class named
 * for it: {@link BaiduListing} lists and reads, {@link BaiduCreation} takes a snapshot of
 * a disk and {@link BaiduMachineCreation} one of an instance,
 * {@link BaiduInstanceSnapshots} reads and deletes those, {@link BaiduUpdate} changes a
 * disk snapshot, {@link BaiduRollbacks} rolls a disk back and
 * {@link BaiduMachineRollbacks} every disk of an instance snapshot in turn,
 * {@link BaiduPolicies} drives BCC's automatic snapshot policies, and {@link BaiduRules}
 * checks BCC's rules before a request that would break them is sent, so that callers get
 * a specific 409. A native id is routed by its shape: {@code s-...} is a disk snapshot,
 * any other {@linkplain BaiduIds#isInstanceSnapshotId instance snapshot id} a machine's.
 */
final class BaiduSnapshotProvider implements SnapshotProvider {

	static final ProviderType TYPE = new ProviderType("baidu");

	/**
	 * Whole days, up to 10,000; keeping an existing snapshot for ever is not offered,
	 * since whether BCC takes that for one is unconfirmed.
	 */
	private static final SnapshotFeatures FEATURES = new SnapshotFeatures(BaiduRetention.DAY,
			BaiduRetention.DAY.multipliedBy(BaiduRetention.MAX_DAYS),
			EnumSet.of(SnapshotField.NAME, SnapshotField.DESCRIPTION, SnapshotField.RETENTION));

	private final ProviderId id;

	private final BaiduClient client;

	private final BaiduListing listing;

	private final BaiduRules rules;

	private final BaiduCreation creation;

	private final BaiduUpdate update;

	private final BaiduRollbacks rollbacks;

	private final BaiduPolicies policies;

	private final BaiduInstanceSnapshots groups;

	private final BaiduMachineCreation machineCreation;

	private final BaiduMachineRollbacks machineRollbacks;

	private final Optional<CopyProvider> copies;

	/**
	 * @param policyTimeZone the zone BCC reads the hours of its policies in
	 * @param snapshotQuotaPerDisk how many manual snapshots BCC lets a disk hold, when
	 * known
	 */
	BaiduSnapshotProvider(ProviderId id, BaiduClient client, Clock clock, ZoneId policyTimeZone,
			@Nullable Integer snapshotQuotaPerDisk, RestoreSettings restores, Map<String, String> copyRegions) {
		this.id = id;
		this.client = client;
		BaiduDisks disks = new BaiduDisks(client, clock);
		this.groups = new BaiduInstanceSnapshots(id, client, disks);
		this.listing = new BaiduListing(client, disks, new BaiduSnapshotMapper(id), this.groups, clock);
		BaiduMachines machines = new BaiduMachines(client, disks);
		BaiduDiskQuota quota = new BaiduDiskQuota(client, snapshotQuotaPerDisk);
		this.machineCreation = new BaiduMachineCreation(id, client, machines, quota, this.groups, clock);
		this.rules = new BaiduRules(client, disks);
		this.creation = new BaiduCreation(id, client, this.rules, this.listing, clock);
		this.update = new BaiduUpdate(client, this.listing, clock);
		BaiduSafetySnapshots safety = new BaiduSafetySnapshots(id, client, snapshotQuotaPerDisk, restores);
		this.rollbacks = new BaiduRollbacks(id, client, this.rules, safety, restores, clock);
		this.machineRollbacks = new BaiduMachineRollbacks(client, this.rules, this.groups, safety, restores, clock);
		this.policies = new BaiduPolicies(id, client, this.rules, disks, policyTimeZone, clock);
		this.copies = copyRegions.isEmpty() ? Optional.empty()
				: Optional.of(new BaiduCopies(id, client, this.listing, copyRegions, clock));
	}

	@Override
	public ProviderId id() {
		return this.id;
	}

	@Override
	public ProviderType type() {
		return TYPE;
	}

	@Override
	public Set<Capability> capabilities() {
		return EnumSet.of(Capability.VOLUME_SNAPSHOT, Capability.ROLLBACK_VOLUME, Capability.MACHINE_SNAPSHOT,
				Capability.REVERT_MACHINE, Capability.RETENTION);
	}

	@Override
	public SnapshotFeatures snapshotFeatures() {
		return FEATURES;
	}

	@Override
	public boolean isValidNativeId(String nativeId) {
		return BaiduIds.isSnapshotId(nativeId) || BaiduIds.isInstanceSnapshotId(nativeId);
	}

	@Override
	public boolean deduplicatesCreates() {
		return true;
	}

	@Override
	public Page<Snapshot> list(SnapshotQuery query, @Nullable Cursor cursor, int limit) {
		return this.listing.list(query, cursor, limit);
	}

	@Override
	public Optional<Snapshot> get(String nativeId) {
		return isMachine(nativeId) ? this.groups.get(nativeId) : this.listing.get(nativeId);
	}

	@Override
	public List<Member> members(String nativeId, Set<MemberType> types) {
		if (isMachine(nativeId)) {
			this.groups.require(nativeId);
		}
		else {
			this.rules.requireSnapshot(nativeId);
		}
		return List.of();
	}

	@Override
	public Snapshot create(CreateSnapshot command) {
		return (command.scope() == Scope.MACHINE) ? this.machineCreation.create(command)
				: this.creation.create(command);
	}

	@Override
	public Snapshot update(String nativeId, SnapshotChanges changes) {
		return isMachine(nativeId) ? this.groups.refuseChanges(nativeId, changes)
				: this.update.update(nativeId, changes);
	}

	@Override
	public DeleteOutcome delete(String nativeId) {
		if (isMachine(nativeId)) {
			return this.groups.delete(nativeId);
		}
		this.rules.checkDeletable(nativeId);
		this.client.deleteSnapshot(nativeId);
		return DeleteOutcome.DELETED;
	}

	@Override
	public Restore restore(RestoreCommand command) {
		return isMachine(command.snapshotNativeId()) ? this.machineRollbacks.start(command)
				: this.rollbacks.start(command);
	}

	@Override
	public Preview previewCreate(CreateSnapshot command) {
		return (command.scope() == Scope.MACHINE) ? this.machineCreation.preview(command)
				: this.creation.preview(command);
	}

	@Override
	public Preview previewDelete(String nativeId) {
		if (isMachine(nativeId)) {
			return this.groups.previewDelete(nativeId);
		}
		BaiduSnapshotJson snapshot = this.rules.checkDeletable(nativeId);
		String ref = new SnapshotRef(this.id, nativeId).toString();
		String name = (snapshot.name() != null) ? snapshot.name() : nativeId;
		return new PreviewBuilder().passed("SNAPSHOT_EXISTS", "Snapshot " + ref + " is '" + name + "'")
			.passed("SNAPSHOT_SETTLED", "It is " + snapshot.status() + ", which Baidu deletes")
			.action(Preview.Change.DELETE, "SNAPSHOT", ref, name,
					(snapshot.sizeInGb() != null) ? snapshot.sizeInGb().longValue() : null,
					"The snapshot of disk " + snapshot.volumeId())
			.warn("Disk " + snapshot.volumeId() + " can no longer be rolled back to snapshot '" + name + "'")
			.build();
	}

	@Override
	public Preview previewUpdate(String nativeId, SnapshotChanges changes) {
		if (isMachine(nativeId)) {
			this.groups.refuseChanges(nativeId, changes);
			return new PreviewBuilder().passed("SNAPSHOT_EXISTS", "Snapshot " + new SnapshotRef(this.id, nativeId))
				.action(Preview.Change.NONE, "SNAPSHOT", new SnapshotRef(this.id, nativeId).toString(), null, null,
						"Nothing to change")
				.build();
		}
		return this.update.preview(new SnapshotRef(this.id, nativeId), changes);
	}

	@Override
	public Preview previewRestore(RestoreCommand command) {
		return isMachine(command.snapshotNativeId()) ? this.machineRollbacks.preview(command)
				: this.rollbacks.preview(command);
	}

	@Override
	public Restore restoreStatus(RestoreHandle handle) {
		return BaiduMachineRestoreHandle.isOne(handle) ? this.machineRollbacks.status(handle)
				: this.rollbacks.status(handle);
	}

	@Override
	public Optional<CopyProvider> copies() {
		return this.copies;
	}

	@Override
	public Optional<PolicyProvider> policies() {
		return Optional.of(this.policies);
	}

	/** An instance snapshot's id, rather than a disk snapshot's. */
	private static boolean isMachine(String nativeId) {
		return BaiduIds.isInstanceSnapshotId(nativeId);
	}

	@Override
	public ProviderHealth health() {
		return UpstreamHealth.probe(this.id, () -> this.client.listSnapshots(null, 1, null));
	}

}
