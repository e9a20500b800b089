package io.snapgate.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The port: what SnapGate needs of one configured upstream. Every adapter implements it;
 * nothing outside an adapter knows which upstream it talks to. Methods block (callers run
 * on virtual threads) and throw {@link SnapGateException}s, never the transport's own
 * exceptions.
 */
public interface SnapshotProvider {

	ProviderId id();

	ProviderType type();

	Set<Capability> capabilities();

	/**
	 * How finely its snapshots' retention is counted, and what can be changed on a
	 * snapshot once it is taken.
	 */
	SnapshotFeatures snapshotFeatures();

	/**
	 * Whether {@code nativeId} looks like an id this provider issues. Callers check it
	 * once, before any other method here is given the id, so that an id never reaches an
	 * upstream URL or filter unchecked.
	 */
	boolean isValidNativeId(String nativeId);

	/**
	 * One page of snapshots matching the query, newest first.
	 * @param cursor where to start; {@code null} for the beginning
	 * @param limit the most entries to return (the page may be shorter)
	 */
	Page<Snapshot> list(SnapshotQuery query, @Nullable Cursor cursor, int limit);

	Optional<Snapshot> get(String nativeId);

	/**
	 * A snapshot with its members, read in one call of the port.
	 */
	default Optional<SnapshotWithMembers> getWithMembers(String nativeId) {
		return get(nativeId).map((snapshot) -> new SnapshotWithMembers(snapshot, membersOf(snapshot)));
	}

	/**
	 * The members of the given types captured in a snapshot; empty for a snapshot that
	 * captures none.
	 * @throws NotFoundException when the snapshot does not exist
	 */
	List<Member> members(String nativeId, Set<MemberType> types);

	/**
	 * Every member of a snapshot just read, so an adapter that has to check existence
	 * before it lists members can skip that check.
	 */
	default List<Member> membersOf(Snapshot snapshot) {
		return (snapshot.scope() == Scope.SYSTEM) ? members(snapshot.nativeId(), EnumSet.allOf(MemberType.class))
				: List.of();
	}

	/**
	 * Takes a snapshot. With an idempotency key, asking again with the same key returns
	 * the snapshot the first call made instead of making another, and a different request
	 * under the same key is an {@link IdempotencyKeyReusedException}.
	 */
	Snapshot create(CreateSnapshot command);

	DeleteOutcome delete(String nativeId);

	/**
	 * Changes a snapshot's attributes and answers it as the upstream shows it afterwards,
	 * which is what the caller gets, also where the upstream's own reckoning (of an
	 * expiry, say) is not known beforehand. The changes set values, so repeating them
	 * leaves the same snapshot. Changes with nothing in them only read the snapshot.
	 * @throws NotFoundException when the snapshot does not exist
	 * @throws InvalidRequestException naming the field the provider cannot change so
	 * @throws ConflictException when the snapshot's state forbids the change (an
	 * immutable snapshot's expiry brought forward)
	 */
	Snapshot update(String nativeId, SnapshotChanges changes);

	/**
	 * What {@link #create} would do, told from upstream reads alone; it fails as
	 * {@code create} would. The previews never write upstream.
	 */
	Preview previewCreate(CreateSnapshot command);

	/** What {@link #delete} would do; it fails as {@code delete} would. */
	Preview previewDelete(String nativeId);

	/** What {@link #update} would do; it fails as {@code update} would. */
	Preview previewUpdate(String nativeId, SnapshotChanges changes);

	/** What {@link #restore} would do; it fails as {@code restore} would. */
	Preview previewRestore(RestoreCommand command);

	/**
	 * Starts a restore: its checks pass and its first write is sent, and it goes on after
	 * this returns. With an idempotency key, asking again with the same key and request
	 * returns the same restore and starts nothing more; the same key with another request
	 * is an {@link IdempotencyKeyReusedException}.
	 */
	Restore restore(RestoreCommand command);

	/**
	 * The progress of a restore, from the upstream's state alone. A restore of several
	 * steps keeps what it has done on the upstream: when its next step is due, this call
	 * takes it, so that any replica that reads the restore drives it on, and a step is
	 * taken once however many replicas read it at the same time.
	 */
	Restore restoreStatus(RestoreHandle handle);

	ProviderHealth health();

	/** The provider's native scheduler, when it has one SnapGate can drive. */
	default Optional<PolicyProvider> policies() {
		return Optional.empty();
	}

	/**
	 * The provider's native way of copying its snapshots to other configured providers,
	 * when it has one and targets are configured.
	 */
	default Optional<CopyProvider> copies() {
		return Optional.empty();
	}

	/**
	 * Whose request budget this provider's calls are spent from; empty where they are not
	 * bounded.
	 */
	default Optional<BudgetSharing> budgetSharing() {
		return Optional.empty();
	}

	/**
	 * Whether the upstream itself makes a repeated create with the same idempotency key a
	 * no-op (a client token), so that a create may be retried after a timeout or a 5xx.
	 */
	default boolean deduplicatesCreates() {
		return false;
	}

}
