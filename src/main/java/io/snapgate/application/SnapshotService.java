package io.snapgate.application;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.snapgate.domain.CreateSnapshot;
import io.snapgate.domain.DeleteOutcome;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.FieldError;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.Member;
import io.snapgate.domain.MemberType;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Preview;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotChanges;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.domain.SnapshotRef;
import io.snapgate.domain.SnapshotWithMembers;
import org.jspecify.annotations.Nullable;

/**
 * The snapshot use cases: list, read, create (optionally waiting), change, delete.
 */
public class SnapshotService {

	private final ProviderAccess access;

	private final SnapshotLocator locator;

	private final SnapshotLister lister;

	private final SnapshotWaiter waiter;

	private final AuditLog audit;

	public SnapshotService(ProviderAccess access, SnapshotLocator locator, SnapshotLister lister, SnapshotWaiter waiter,
			AuditLog audit) {
		this.access = access;
		this.locator = locator;
		this.lister = lister;
		this.waiter = waiter;
		this.audit = audit;
	}

	public SnapshotListing list(ListRequest request) {
		return this.lister.list(request);
	}

	/**
	 * The providers a listing asks: the ones named, or when none is named all that the
	 * caller may read.
	 * @throws InvalidRequestException with {@link ErrorCode#UNKNOWN_PROVIDER} when a
	 * named provider is not configured or not seen by the caller
	 */
	public Set<ProviderId> selectedProviders(Set<ProviderId> named) {
		return this.access.select(named, ProviderScope.SNAPSHOTS_READ)
			.stream()
			.map(SnapshotProvider::id)
			.collect(Collectors.toSet());
	}

	/**
	 * How long to wait for a new snapshot: the caller's timeout or the default, refused
	 * beyond the configured maximum.
	 */
	public Duration boundedWait(@Nullable Duration requested, Duration defaultWait) {
		Duration wait = (requested != null) ? requested : defaultWait;
		if (wait.compareTo(this.waiter.maxTimeout()) > 0) {
			throw InvalidRequestException.field("timeout", "must be at most " + this.waiter.maxTimeout());
		}
		return wait;
	}

	public SnapshotView get(SnapshotRef ref) {
		SnapshotWithMembers found = this.locator.locate(ref, ProviderScope.SNAPSHOTS_READ)
			.getWithMembers(ref.nativeId())
			.orElseThrow(() -> notFound(ref));
		return new SnapshotView(found.snapshot(), found.members());
	}

	public List<Member> members(SnapshotRef ref) {
		return this.locator.locate(ref, ProviderScope.SNAPSHOTS_READ)
			.members(ref.nativeId(), EnumSet.allOf(MemberType.class));
	}

	/**
	 * @param wait how long to wait for the snapshot to settle; {@code null} not to wait
	 */
	public CreatedSnapshot create(NewSnapshot request, @Nullable Duration wait) {
		SnapshotProvider provider = providerFor(request);
		// without a caller's key, one made here still keeps retries of this very call
		// from making two
		String key = (request.idempotencyKey() != null) ? request.idempotencyKey() : "auto-" + UUID.randomUUID();
		CreateSnapshot command = command(request, key);
		Snapshot created = this.audit.record("create", provider.id().value(), "name=" + request.name(),
				() -> provider.create(command));
		if (wait == null) {
			return new CreatedSnapshot(created, created.status().isSettled());
		}
		Snapshot current = this.waiter.awaitSettled(provider, created, wait);
		return new CreatedSnapshot(current, current.status().isSettled());
	}

	/**
	 * What {@link #create} would do, from reads alone; it fails where {@code create}
	 * would, with the same problem.
	 */
	public PreviewResult previewCreate(NewSnapshot request) {
		SnapshotProvider provider = providerFor(request);
		CreateSnapshot command = command(request, request.idempotencyKey());
		return new PreviewResult(provider.id(),
				provider.previewCreate(command)
					.afterChecks(List.of(new Preview.Check("PROVIDER_TAKES_FIELDS", Preview.Outcome.PASSED,
							"Provider " + provider.id() + " takes every field given"))));
	}

	/** What {@link #delete} would do; it fails where {@code delete} would. */
	public PreviewResult previewDelete(SnapshotRef ref) {
		SnapshotProvider provider = this.locator.locate(ref, ProviderScope.SNAPSHOTS_WRITE);
		return new PreviewResult(provider.id(), provider.previewDelete(ref.nativeId()));
	}

	/**
	 * Changes a snapshot's attributes, with the same access as deleting it, and answers
	 * it as its provider shows it afterwards (without members).
	 * @throws InvalidRequestException with {@link ErrorCode#UNSUPPORTED_FIELD} naming
	 * each field the provider cannot change so, before it is asked anything
	 */
	public SnapshotView update(SnapshotRef ref, SnapshotChanges changes) {
		SnapshotProvider provider = this.locator.locate(ref, ProviderScope.SNAPSHOTS_WRITE);
		SnapshotChangePolicy.check(changes, provider);
		Snapshot changed = this.audit.record("update", provider.id().value(), ref + " " + changes.fields(),
				() -> provider.update(ref.nativeId(), changes));
		return new SnapshotView(changed, null);
	}

	/** What {@link #update} would do; it fails where {@code update} would. */
	public PreviewResult previewUpdate(SnapshotRef ref, SnapshotChanges changes) {
		SnapshotProvider provider = this.locator.locate(ref, ProviderScope.SNAPSHOTS_WRITE);
		SnapshotChangePolicy.check(changes, provider);
		return new PreviewResult(provider.id(),
				provider.previewUpdate(ref.nativeId(), changes)
					.afterChecks(List.of(new Preview.Check("PROVIDER_TAKES_FIELDS", Preview.Outcome.PASSED,
							"Provider " + provider.id() + " can change every field given"))));
	}

	public DeleteOutcome delete(SnapshotRef ref) {
		SnapshotProvider provider = this.locator.locate(ref, ProviderScope.SNAPSHOTS_WRITE);
		return this.audit.record("delete", provider.id().value(), ref.toString(),
				() -> provider.delete(ref.nativeId()));
	}

	private SnapshotProvider providerFor(NewSnapshot request) {
		SnapshotProvider provider = this.access.find(request.provider(), ProviderScope.SNAPSHOTS_WRITE)
			.orElseThrow(() -> new InvalidRequestException(ErrorCode.UNKNOWN_PROVIDER,
					"No provider '" + request.provider() + "' is configured",
					FieldError.of("provider", "no such provider")));
		CreateSnapshotPolicy.check(request, provider);
		return provider;
	}

	private static CreateSnapshot command(NewSnapshot request, @Nullable String key) {
		IdempotencyKey idempotency = (key != null)
				? new IdempotencyKey(key, IdempotencyKey.sha256Hex(request.canonicalForm())) : null;
		return new CreateSnapshot(request.name(), request.description(), request.volumeId(), request.retention(),
				NewSnapshot.isTrue(request.neverExpire()), NewSnapshot.isTrue(request.immutable()),
				NewSnapshot.isTrue(request.privateSnapshot()), idempotency, request.machine(),
				NewSnapshot.isTrue(request.quiesce()));
	}

	static NotFoundException notFound(SnapshotRef ref) {
		return new NotFoundException(ErrorCode.SNAPSHOT_NOT_FOUND, "No snapshot " + ref);
	}

}
