package io.snapgate.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.snapgate.domain.CopyProvider;
import io.snapgate.domain.Capability;
import io.snapgate.domain.ConflictException;
import io.snapgate.domain.CreateSnapshot;
import io.snapgate.domain.Cursor;
import io.snapgate.domain.DeleteOutcome;
import io.snapgate.domain.DiskType;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.Member;
import io.snapgate.domain.MemberType;
import io.snapgate.domain.NotFoundException;
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
import io.snapgate.domain.RestoreStatus;
import io.snapgate.domain.RestoreTarget;
import io.snapgate.domain.Scope;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotChanges;
import io.snapgate.provider.UpstreamAttempt;
import io.snapgate.domain.SnapshotFeatures;
import io.snapgate.domain.SnapshotField;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.domain.SnapshotQuery;
import io.snapgate.domain.SnapshotStatus;
import io.snapgate.domain.VolumeSource;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory {@link SnapshotProvider} for tests of everything above the port. Pages by
 * offset, newest first; can be told to fail, to be slow, and how many calls it received.
 */
public final class FakeSnapshotProvider implements SnapshotProvider {

	private final ProviderId id;

	private final ProviderType type;

	private final Set<Capability> capabilities;

	private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

	private final Map<String, List<Member>> members = new ConcurrentHashMap<>();

	private final Map<String, String> idempotency = new ConcurrentHashMap<>();

	private final List<String> calls = new CopyOnWriteArrayList<>();

	private final List<Thread> callers = new CopyOnWriteArrayList<>();

	private final List<String> arguments = new CopyOnWriteArrayList<>();

	private final AtomicInteger sequence = new AtomicInteger(1000);

	private final Clock clock;

	private volatile @Nullable Supplier<SnapGateException> failure;

	private volatile Duration latency = Duration.ZERO;

	private final AtomicInteger failuresLeft = new AtomicInteger(-1);

	private volatile boolean deduplicating;

	private volatile RestoreStatus restoreStatus = RestoreStatus.RUNNING;

	private final List<IdempotencyKey> restoreKeys = new CopyOnWriteArrayList<>();

	private volatile SnapshotStatus createdStatus = SnapshotStatus.CREATING;

	private volatile @Nullable FakePolicyProvider policies;

	private volatile @Nullable CopyProvider copies;

	private FakeSnapshotProvider(String id, String type, Set<Capability> capabilities, Clock clock) {
		this.id = new ProviderId(id);
		this.type = new ProviderType(type);
		this.capabilities = Set.copyOf(capabilities);
		this.clock = clock;
	}

	/** A provider of whole-system snapshots that restores VMs and tenants as copies. */
	public static FakeSnapshotProvider system(String id) {
		return new FakeSnapshotProvider(
				id, "fake-system", EnumSet.of(Capability.SYSTEM_SNAPSHOT, Capability.RESTORE_VM,
						Capability.RESTORE_TENANT, Capability.IMMUTABLE, Capability.RETENTION, Capability.PRIVATE),
				Clock.systemUTC());
	}

	/** A provider of disk snapshots that rolls disks back in place. */
	public static FakeSnapshotProvider volume(String id) {
		return new FakeSnapshotProvider(id, "fake-volume",
				EnumSet.of(Capability.VOLUME_SNAPSHOT, Capability.ROLLBACK_VOLUME), Clock.systemUTC());
	}

	public FakeSnapshotProvider withSnapshot(String nativeId, String name, Instant createdAt) {
		Snapshot snapshot = snapshot(nativeId, name, null, createdAt, SnapshotStatus.AVAILABLE);
		this.snapshots.put(nativeId, snapshot);
		return this;
	}

	public FakeSnapshotProvider withSnapshot(Snapshot snapshot) {
		this.snapshots.put(snapshot.nativeId(), snapshot);
		return this;
	}

	/** Gives this provider a scheduler; a decorator sees it only when given before. */
	public FakeSnapshotProvider withPolicies(FakePolicyProvider policies) {
		this.policies = policies;
		return this;
	}

	/** The scheduler given by {@link #withPolicies}. */
	public FakePolicyProvider policyFake() {
		FakePolicyProvider given = this.policies;
		if (given == null) {
			throw new IllegalStateException("Provider " + this.id + " has no policies");
		}
		return given;
	}

	@Override
	public Optional<PolicyProvider> policies() {
		return Optional.ofNullable(this.policies);
	}

	/** Gives this provider a way to copy; a decorator sees it only when given before. */
	public FakeSnapshotProvider withCopies(CopyProvider copies) {
		this.copies = copies;
		return this;
	}

	@Override
	public Optional<CopyProvider> copies() {
		return Optional.ofNullable(this.copies);
	}

	public FakeSnapshotProvider withMembers(String nativeId, Member... members) {
		this.members.put(nativeId, List.of(members));
		return this;
	}

	/**
	 * Forgets every snapshot, call and setting, for test classes that share one instance.
	 */
	public void reset() {
		this.snapshots.clear();
		this.members.clear();
		this.idempotency.clear();
		this.calls.clear();
		this.arguments.clear();
		this.failure = null;
		this.failuresLeft.set(-1);
		this.deduplicating = false;
		this.latency = Duration.ZERO;
		this.restoreStatus = RestoreStatus.RUNNING;
		this.restoreKeys.clear();
		this.createdStatus = SnapshotStatus.CREATING;
		FakePolicyProvider scheduler = this.policies;
		if (scheduler != null) {
			scheduler.reset();
		}
	}

	public void failWith(@Nullable Supplier<SnapGateException> failure) {
		this.failure = failure;
		this.failuresLeft.set(-1);
	}

	/** Fails the next {@code times} calls, then answers again. */
	public void failTimes(int times, Supplier<SnapGateException> failure) {
		this.failure = failure;
		this.failuresLeft.set(times);
	}

	public void deduplicateCreates() {
		this.deduplicating = true;
	}

	@Override
	public boolean deduplicatesCreates() {
		return this.deduplicating;
	}

	public void slowDownBy(Duration latency) {
		this.latency = latency;
	}

	public void restoresEndAs(RestoreStatus status) {
		this.restoreStatus = status;
	}

	public void createsAs(SnapshotStatus status) {
		this.createdStatus = status;
	}

	public void settle(String nativeId, SnapshotStatus status) {
		this.snapshots.computeIfPresent(nativeId,
				(k, s) -> new Snapshot(s.provider(), s.providerType(), s.nativeId(), s.name(), s.description(),
						s.scope(), s.source(), status, status.name().toLowerCase(Locale.ROOT), s.createdAt(),
						s.expiresAt(), s.sizeGb(), s.immutable(), s.locked(), s.lockExpiresAt(), s.attributes(),
						s.policy()));
	}

	/** Records that a policy (its native id) made a snapshot. */
	public FakeSnapshotProvider withPolicySnapshot(String nativeId, String policy, Instant createdAt) {
		Snapshot s = snapshot(nativeId, "auto-" + nativeId, null, createdAt, SnapshotStatus.AVAILABLE);
		this.snapshots.put(nativeId,
				new Snapshot(s.provider(), s.providerType(), s.nativeId(), s.name(), s.description(), s.scope(),
						s.source(), s.status(), s.providerStatus(), s.createdAt(), s.expiresAt(), s.sizeGb(),
						s.immutable(), s.locked(), s.lockExpiresAt(), s.attributes(), policy));
		return this;
	}

	public List<String> calls() {
		return List.copyOf(this.calls);
	}

	/**
	 * Every id and name this provider was handed, for checks that nothing unvalidated got
	 * through.
	 */
	public List<String> arguments() {
		return List.copyOf(this.arguments);
	}

	/** The threads the calls ran on, in order. */
	public List<Thread> callers() {
		return List.copyOf(this.callers);
	}

	public long callsTo(String operation) {
		return this.calls.stream().filter(operation::equals).count();
	}

	public int size() {
		return this.snapshots.size();
	}

	public Snapshot snapshot(String nativeId, String name, @Nullable String volumeId, Instant createdAt,
			SnapshotStatus status) {
		boolean volume = this.capabilities.contains(Capability.VOLUME_SNAPSHOT);
		VolumeSource source = volume ? new VolumeSource((volumeId != null) ? volumeId : "v-1", DiskType.CDS, null)
				: null;
		return new Snapshot(this.id, this.type, nativeId, name, null, volume ? Scope.VOLUME : Scope.SYSTEM, source,
				status, status.name().toLowerCase(Locale.ROOT), createdAt, null, null, false, false, null, Map.of(),
				null);
	}

	private void enter(String operation) {
		this.calls.add(operation);
		this.callers.add(Thread.currentThread());
		if (!this.latency.isZero()) {
			answerAfter(this.latency);
		}
		Supplier<SnapGateException> failing = this.failure;
		if (failing != null) {
			int left = this.failuresLeft.getAndUpdate((n) -> (n > 0) ? n - 1 : n);
			if (left != 0) {
				// as the decorator of a real provider does
				throw failing.get().from(this.id);
			}
		}
	}

	/**
	 * Waits as an upstream that answers after the latency does: within a guarded attempt,
	 * no longer than the attempt has left, as an exchange waits.
	 */
	private static void answerAfter(Duration latency) {
		UpstreamAttempt attempt = UpstreamAttempt.current().orElse(null);
		boolean overruns = attempt != null && attempt.remaining().compareTo(latency) < 0;
		try {
			Thread.sleep(overruns ? attempt.remaining() : latency);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (overruns) {
			throw attempt.overrun("The fake upstream", null);
		}
	}

	@Override
	public ProviderId id() {
		return this.id;
	}

	@Override
	public ProviderType type() {
		return this.type;
	}

	@Override
	public Set<Capability> capabilities() {
		return this.capabilities;
	}

	/**
	 * A system provider changes what VergeOS changes (not the name); a volume provider,
	 * without retention, its snapshots' names and descriptions.
	 */
	@Override
	public SnapshotFeatures snapshotFeatures() {
		return this.capabilities.contains(Capability.RETENTION)
				? new SnapshotFeatures(Duration.ofSeconds(1), null,
						EnumSet.of(SnapshotField.DESCRIPTION, SnapshotField.RETENTION, SnapshotField.NEVER_EXPIRE))
				: new SnapshotFeatures(null, null, EnumSet.of(SnapshotField.NAME, SnapshotField.DESCRIPTION));
	}

	@Override
	public boolean isValidNativeId(String nativeId) {
		return nativeId.matches("[A-Za-z0-9-]{1,32}");
	}

	@Override
	public Page<Snapshot> list(SnapshotQuery query, @Nullable Cursor cursor, int limit) {
		enter("list");
		Instant now = this.clock.instant();
		List<Snapshot> matching = this.snapshots.values()
			.stream()
			.filter((s) -> query.matches(s, now))
			.sorted(Comparator.comparing(Snapshot::createdAt).reversed().thenComparing(Snapshot::nativeId))
			.toList();
		return OffsetPages.page(matching, cursor, limit);
	}

	@Override
	public Optional<Snapshot> get(String nativeId) {
		enter("get");
		this.arguments.add(nativeId);
		return Optional.ofNullable(this.snapshots.get(nativeId));
	}

	@Override
	public List<Member> members(String nativeId, Set<MemberType> types) {
		enter("members");
		this.arguments.add(nativeId);
		if (!this.snapshots.containsKey(nativeId)) {
			throw new NotFoundException(ErrorCode.SNAPSHOT_NOT_FOUND, "No snapshot " + nativeId).from(this.id);
		}
		return this.members.getOrDefault(nativeId, List.of())
			.stream()
			.filter((member) -> types.contains(member.type()))
			.toList();
	}

	@Override
	public Snapshot create(CreateSnapshot command) {
		enter("create");
		this.arguments.add(command.name());
		if (command.volumeId() != null) {
			this.arguments.add(command.volumeId());
		}
		if (command.idempotency() != null) {
			String token = command.idempotency().token(this.id);
			String existing = this.idempotency.get(token);
			if (existing != null) {
				String[] parts = existing.split(" ", -1);
				if (!parts[1].equals(command.idempotency().fingerprint())) {
					throw new IdempotencyKeyReusedException().from(this.id);
				}
				return this.snapshots.get(parts[0]);
			}
		}
		String nativeId = "n" + this.sequence.incrementAndGet();
		Snapshot snapshot = snapshot(nativeId, command.name(), command.volumeId(), this.clock.instant(),
				this.createdStatus);
		this.snapshots.put(nativeId, snapshot);
		if (command.idempotency() != null) {
			this.idempotency.put(command.idempotency().token(this.id),
					nativeId + " " + command.idempotency().fingerprint());
		}
		return snapshot;
	}

	/**
	 * Sets what the changes give; a locked snapshot's expiry is never brought forward, as
	 * VergeOS's adapter refuses it.
	 */
	@Override
	public Snapshot update(String nativeId, SnapshotChanges changes) {
		enter("update");
		this.arguments.add(nativeId);
		Snapshot s = changed(nativeId, changes);
		this.snapshots.put(nativeId, s);
		return s;
	}

	@Override
	public Preview previewUpdate(String nativeId, SnapshotChanges changes) {
		enter("previewUpdate");
		Snapshot s = changed(nativeId, changes);
		return new PreviewBuilder().passed("FAKE_UPDATE", "would change " + changes.fields())
			.action(changes.isEmpty() ? Preview.Change.NONE : Preview.Change.UPDATE, "SNAPSHOT", s.ref().toString(),
					s.name(), null, "the snapshot")
			.build();
	}

	private Snapshot changed(String nativeId, SnapshotChanges changes) {
		Snapshot s = this.snapshots.get(nativeId);
		if (s == null) {
			throw new NotFoundException(ErrorCode.SNAPSHOT_NOT_FOUND, "No snapshot " + nativeId).from(this.id);
		}
		Instant expiresAt = s.expiresAt();
		if (changes.neverExpire()) {
			expiresAt = null;
		}
		else if (changes.retention() != null) {
			expiresAt = s.createdAt().plus(changes.retention());
			if (s.locked() && (s.expiresAt() == null || expiresAt.isBefore(s.expiresAt()))) {
				throw new ConflictException(ErrorCode.SNAPSHOT_LOCKED, "Snapshot " + nativeId + " is locked",
						s.lockExpiresAt())
					.from(this.id);
			}
		}
		String description = (changes.description() != null)
				? (changes.description().isEmpty() ? null : changes.description()) : s.description();
		return new Snapshot(s.provider(), s.providerType(), s.nativeId(),
				(changes.name() != null) ? changes.name() : s.name(), description, s.scope(), s.source(), s.status(),
				s.providerStatus(), s.createdAt(), expiresAt, s.sizeGb(), s.immutable(), s.locked(), s.lockExpiresAt(),
				s.attributes(), s.policy());
	}

	@Override
	public DeleteOutcome delete(String nativeId) {
		enter("delete");
		this.arguments.add(nativeId);
		deletable(nativeId);
		this.snapshots.remove(nativeId);
		return DeleteOutcome.DELETED;
	}

	/** The snapshot, once it is known to exist and not to be locked. */
	private Snapshot deletable(String nativeId) {
		Snapshot snapshot = this.snapshots.get(nativeId);
		if (snapshot == null) {
			throw new NotFoundException(ErrorCode.SNAPSHOT_NOT_FOUND, "No snapshot " + nativeId).from(this.id);
		}
		if (snapshot.locked()) {
			throw new ConflictException(ErrorCode.SNAPSHOT_LOCKED, "Snapshot " + nativeId + " is locked",
					snapshot.lockExpiresAt())
				.from(this.id);
		}
		return snapshot;
	}

	@Override
	public Preview previewCreate(CreateSnapshot command) {
		enter("previewCreate");
		return new PreviewBuilder().passed("FAKE_CREATE", "would take '" + command.name() + "'")
			.action(Preview.Change.CREATE, "SNAPSHOT", null, command.name(), null, "a snapshot")
			.build();
	}

	@Override
	public Preview previewDelete(String nativeId) {
		enter("previewDelete");
		Snapshot snapshot = deletable(nativeId);
		return new PreviewBuilder().passed("NOT_LOCKED", "not locked")
			.action(Preview.Change.DELETE, "SNAPSHOT", snapshot.ref().toString(), snapshot.name(), null, "the snapshot")
			.build();
	}

	@Override
	public Preview previewRestore(RestoreCommand command) {
		enter("previewRestore");
		if (!this.snapshots.containsKey(command.snapshotNativeId())) {
			throw new NotFoundException(ErrorCode.SNAPSHOT_NOT_FOUND, "No snapshot " + command.snapshotNativeId())
				.from(this.id);
		}
		return new PreviewBuilder().passed("FAKE_RESTORE", "would restore")
			.action(Preview.Change.CREATE, "VM", null, command.newName(), null, "a copy")
			.warn("a fake warning")
			.build();
	}

	/** The idempotency keys the restores came with, in order. */
	public List<IdempotencyKey> restoreKeys() {
		return List.copyOf(this.restoreKeys);
	}

	@Override
	public Restore restore(RestoreCommand command) {
		enter("restore");
		if (command.idempotency() != null) {
			this.restoreKeys.add(command.idempotency());
		}
		this.arguments.add(command.snapshotNativeId());
		if (!this.snapshots.containsKey(command.snapshotNativeId())) {
			throw new NotFoundException(ErrorCode.SNAPSHOT_NOT_FOUND, "No snapshot " + command.snapshotNativeId())
				.from(this.id);
		}
		String member = (command.target() instanceof RestoreTarget.MemberTarget m) ? m.type() + "/" + m.member()
				: "volume";
		String handle = command.snapshotNativeId() + "|" + member + "|" + this.clock.millis() + "|"
				+ ((command.newName() != null) ? command.newName() : "");
		return new Restore(new RestoreHandle(handle), command.snapshotNativeId(), command.target(),
				RestoreStatus.PENDING, "started", this.clock.instant(), null, command.newName());
	}

	@Override
	public Restore restoreStatus(RestoreHandle handle) {
		enter("restoreStatus");
		String[] parts = handle.value().split("\\|", -1);
		RestoreTarget target = parts[1].equals("volume") ? new RestoreTarget.VolumeTarget()
				: new RestoreTarget.MemberTarget(io.snapgate.domain.MemberType.valueOf(parts[1].split("/", -1)[0]),
						parts[1].split("/", -1)[1]);
		RestoreStatus status = this.restoreStatus;
		Instant started = Instant.ofEpochMilli(Long.parseLong(parts[2]));
		return new Restore(handle, parts[0], target, status, status.name().toLowerCase(Locale.ROOT), started,
				status.isFinished() ? this.clock.instant() : null, parts[3].isEmpty() ? null : parts[3]);
	}

	@Override
	public ProviderHealth health() {
		enter("health");
		return ProviderHealth.UP;
	}

}
