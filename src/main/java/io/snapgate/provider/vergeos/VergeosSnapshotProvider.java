package io.snapgate.provider.vergeos;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.snapgate.provider.CopyRoutes;
import io.snapgate.domain.CopyProvider;
import io.snapgate.domain.Capability;
import io.snapgate.domain.CreateSnapshot;
import io.snapgate.domain.Cursor;
import io.snapgate.domain.DeleteOutcome;
import io.snapgate.domain.Member;
import io.snapgate.domain.MemberType;
import io.snapgate.domain.Page;
import io.snapgate.domain.PolicyProvider;
import io.snapgate.domain.ProviderHealth;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderType;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.Preview;
import io.snapgate.domain.PreviewBuilder;
import io.snapgate.domain.Restore;
import io.snapgate.domain.RestoreCommand;
import io.snapgate.domain.RestoreHandle;
import io.snapgate.domain.RestoreSettings;
import io.snapgate.domain.RestoreTarget;
import io.snapgate.domain.Scope;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotChanges;
import io.snapgate.domain.SnapshotFeatures;
import io.snapgate.domain.SnapshotField;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.domain.SnapshotRef;
import io.snapgate.domain.SnapshotQuery;
import io.snapgate.provider.UpstreamHealth;
import org.jspecify.annotations.Nullable;

/**
 * The VergeOS adapter: cloud (system) snapshots, their VMs and tenants, and restores of
 * those as new copies; snapshots of one VM, restored as a new VM or reverted in place. It
 * says what it offers and which ids are its own (a cloud snapshot's key, a VM snapshot's
 * {@code m<key>}), and hands the operations on, a VM snapshot's by its id: reads to
 * {@link VergeosListing} (which merges both kinds) and {@link VergeosMachineSnapshots},
 * creates to {@link VergeosCreation} and {@link VergeosMachineCreation} (both
 * idempotent), changes to {@link VergeosUpdate}, deletes to {@link VergeosDeletion} and
 * {@link VergeosMachineSnapshots}, restores to {@link VergeosRestores} and
 * {@link VergeosMachineRestores}, and its snapshot profiles to {@link VergeosPolicies}.
 */
final class VergeosSnapshotProvider implements SnapshotProvider {

	static final ProviderType TYPE = new ProviderType("vergeos");

	private static final Set<Capability> CAPABILITIES = Collections
		.unmodifiableSet(EnumSet.of(Capability.SYSTEM_SNAPSHOT, Capability.MACHINE_SNAPSHOT, Capability.QUIESCE,
				Capability.RESTORE_MACHINE, Capability.REVERT_MACHINE, Capability.RESTORE_VM, Capability.RESTORE_TENANT,
				Capability.IMMUTABLE, Capability.RETENTION, Capability.PRIVATE));

	/**
	 * VergeOS keeps an expiry in epoch seconds, with no bound known; a snapshot's name is
	 * for good.
	 */
	private static final SnapshotFeatures FEATURES = new SnapshotFeatures(Duration.ofSeconds(1), null,
			EnumSet.of(SnapshotField.DESCRIPTION, SnapshotField.RETENTION, SnapshotField.NEVER_EXPIRE));

	private final Optional<CopyProvider> copies;

	private final ProviderId id;

	private final VergeosClient client;

	private final VergeosListing listing;

	private final VergeosCreation creation;

	private final VergeosDeletion deletion;

	private final VergeosUpdate update;

	private final VergeosRestores restores;

	private final VergeosMachineSnapshots machineSnapshots;

	private final VergeosMachineCreation machineCreation;

	private final VergeosMachineRestores machineRestores;

	private final Optional<PolicyProvider> policies;

	/**
	 * @param policyTimeZone the zone the system reads its snapshot profiles' times in
	 * @param restores how restores of several steps are run
	 */
	VergeosSnapshotProvider(ProviderId id, VergeosClient client, Clock clock, int minSnapshots,
			Duration defaultRetention, ZoneId policyTimeZone, RestoreSettings restores, Map<String, String> copySyncs) {
		this.id = id;
		this.client = client;
		VergeosSnapshotMapper mapper = new VergeosSnapshotMapper(id);
		VergeosVmClient vms = new VergeosVmClient(client);
		VergeosMachines machines = new VergeosMachines(vms);
		VergeosMachineSnapshotMapper machineMapper = new VergeosMachineSnapshotMapper(id);
		this.machineSnapshots = new VergeosMachineSnapshots(client, vms, machines, machineMapper);
		this.machineCreation = new VergeosMachineCreation(id, vms, machines, this.machineSnapshots, clock,
				defaultRetention);
		this.listing = new VergeosListing(client, mapper, clock,
				new VergeosMachineListing(client, vms, machines, this.machineSnapshots));
		this.creation = new VergeosCreation(id, client, this.listing, mapper, clock, minSnapshots, defaultRetention);
		this.deletion = new VergeosDeletion(client, clock);
		this.update = new VergeosUpdate(client, this.listing, clock);
		this.restores = new VergeosRestores(id, client, restores, clock);
		this.copies = copySyncs.isEmpty() ? Optional.empty()
				: Optional.of(new VergeosCopies(id, client, copySyncs, clock));
		this.machineRestores = new VergeosMachineRestores(id, client, vms, machines, this.machineSnapshots, restores,
				clock);
		this.policies = Optional.of(new VergeosPolicies(id, client, clock, policyTimeZone, vms, machines,
				new VergeosPolicyCopies(client, new CopyRoutes(id, copySyncs, VergeosCopies.ROUTE_KIND))));
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
		return CAPABILITIES;
	}

	@Override
	public SnapshotFeatures snapshotFeatures() {
		return FEATURES;
	}

	@Override
	public boolean isValidNativeId(String nativeId) {
		return VergeosLimits.isKey(nativeId) || VergeosMachineSnapshotIds.isId(nativeId);
	}

	@Override
	public Page<Snapshot> list(SnapshotQuery query, @Nullable Cursor cursor, int limit) {
		return this.listing.list(query, cursor, limit);
	}

	@Override
	public Optional<Snapshot> get(String nativeId) {
		return isMachine(nativeId) ? this.machineSnapshots.get(nativeId) : this.listing.get(nativeId);
	}

	/** A VM snapshot holds no VMs or tenants of its own: it is of one VM. */
	@Override
	public List<Member> members(String nativeId, Set<MemberType> types) {
		if (isMachine(nativeId)) {
			this.machineSnapshots.require(nativeId);
			return List.of();
		}
		return this.listing.members(nativeId, types);
	}

	@Override
	public List<Member> membersOf(Snapshot snapshot) {
		return isMachine(snapshot.nativeId()) ? List.of() : this.listing.membersOf(snapshot);
	}

	@Override
	public Snapshot create(CreateSnapshot command) {
		return (command.scope() == Scope.MACHINE) ? this.machineCreation.create(command)
				: this.creation.create(command);
	}

	@Override
	public Snapshot update(String nativeId, SnapshotChanges changes) {
		if (isMachine(nativeId)) {
			return unchangedMachineSnapshot(nativeId, changes);
		}
		return this.update.update(nativeId, changes);
	}

	@Override
	public DeleteOutcome delete(String nativeId) {
		return isMachine(nativeId) ? this.machineSnapshots.delete(nativeId) : this.deletion.delete(nativeId);
	}

	@Override
	public Restore restore(RestoreCommand command) {
		if (command.target() instanceof RestoreTarget.MachineTarget machine) {
			return this.machineRestores.restore(command, machine);
		}
		return this.restores.restore(command);
	}

	@Override
	public Preview previewCreate(CreateSnapshot command) {
		return (command.scope() == Scope.MACHINE) ? this.machineCreation.preview(command)
				: this.creation.preview(command);
	}

	@Override
	public Preview previewDelete(String nativeId) {
		SnapshotRef ref = new SnapshotRef(this.id, nativeId);
		return isMachine(nativeId) ? this.machineSnapshots.previewDelete(ref) : this.deletion.preview(ref);
	}

	@Override
	public Preview previewUpdate(String nativeId, SnapshotChanges changes) {
		if (isMachine(nativeId)) {
			Snapshot snapshot = unchangedMachineSnapshot(nativeId, changes);
			return new PreviewBuilder()
				.passed("SNAPSHOT_EXISTS", "Snapshot " + snapshot.ref() + " is '" + snapshot.name() + "'")
				.action(Preview.Change.NONE, "SNAPSHOT", snapshot.ref().toString(), snapshot.name(), null,
						"Nothing to change")
				.build();
		}
		return this.update.preview(new SnapshotRef(this.id, nativeId), changes);
	}

	@Override
	public Preview previewRestore(RestoreCommand command) {
		if (command.target() instanceof RestoreTarget.MachineTarget machine) {
			return this.machineRestores.preview(command, machine);
		}
		return this.restores.preview(command);
	}

	@Override
	public Restore restoreStatus(RestoreHandle handle) {
		return VergeosMachineRestoreHandle.isMachine(handle) ? this.machineRestores.status(handle)
				: this.restores.status(handle);
	}

	@Override
	public Optional<CopyProvider> copies() {
		return this.copies;
	}

	@Override
	public Optional<PolicyProvider> policies() {
		return this.policies;
	}

	/**
	 * Whether a VergeOS VM snapshot's name, description or expiry can be written is not
	 * confirmed: each change is refused before anything is sent, and the snapshot is only
	 * read.
	 */
	private Snapshot unchangedMachineSnapshot(String nativeId, SnapshotChanges changes) {
		if (!changes.isEmpty()) {
			SnapshotField field = changes.fields().iterator().next();
			throw InvalidRequestException.unsupported(field.field(),
					"SnapGate changes no VergeOS VM snapshot: which of its fields VergeOS lets change is not "
							+ "confirmed");
		}
		return this.machineSnapshots.get(nativeId).orElseThrow(() -> VergeosErrors.snapshotNotFound(nativeId));
	}

	private static boolean isMachine(String nativeId) {
		return VergeosMachineSnapshotIds.isId(nativeId);
	}

	@Override
	public ProviderHealth health() {
		return UpstreamHealth.probe(this.id, this.client::system);
	}

}
