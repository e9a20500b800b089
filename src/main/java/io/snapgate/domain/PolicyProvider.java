package io.snapgate.domain;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The policy port: a provider's native scheduler behind the neutral model. The backend
 * runs the schedule; the gateway keeps nothing. Methods block and throw
 * {@link SnapGateException}s. A field or rule the backend cannot honour is an
 * {@link InvalidRequestException} with {@link ErrorCode#UNSUPPORTED_FIELD} naming it (for
 * example {@code schedule.rules[0].minute}), checked before anything is sent: never
 * approximated.
 */
public interface PolicyProvider {

	ProviderId id();

	PolicyFeatures features();

	/**
	 * Whether {@code nativeId} looks like a policy id this provider issues. Callers check
	 * it once, before any other method here is given the id.
	 */
	boolean isValidPolicyId(String nativeId);

	/**
	 * One page of policies.
	 * @param cursor where to start; {@code null} for the beginning
	 */
	Page<Policy> list(@Nullable Cursor cursor, int limit);

	Optional<Policy> get(String nativeId);

	/**
	 * Makes a policy and attaches its targets. Asking again with the same key returns the
	 * policy the first call made; a different spec under the same key is an
	 * {@link IdempotencyKeyReusedException}.
	 */
	Policy create(PolicySpec spec, IdempotencyKey idempotency);

	/**
	 * What {@link #create} would do, from the backend's reads alone; it fails as
	 * {@code create} would, and writes nothing.
	 * @param idempotency the caller's key, if any
	 */
	Preview previewCreate(PolicySpec spec, @Nullable IdempotencyKey idempotency);

	/** Replaces name, schedule, retention and flags; the targets stay. */
	Policy replace(String nativeId, PolicySpec spec);

	/**
	 * What {@link #replace} would do, from the backend's reads alone; it fails as
	 * {@code replace} would, and writes nothing.
	 */
	Preview previewReplace(String nativeId, PolicySpec spec);

	/** Deletes a policy; the snapshots it made stay. */
	void delete(String nativeId);

	/**
	 * What {@link #delete} would do, naming what it would detach and delete; it fails as
	 * {@code delete} would, and writes nothing.
	 */
	Preview previewDelete(String nativeId);

	Policy attach(String nativeId, List<PolicyTarget> targets);

	/**
	 * What {@link #attach} would do; it fails as {@code attach} would, and writes
	 * nothing.
	 */
	Preview previewAttach(String nativeId, List<PolicyTarget> targets);

	/**
	 * @param targetId the id of the target as {@link PolicyTarget#id()} shows it
	 */
	Policy detach(String nativeId, String targetId);

	/**
	 * What {@link #detach} would do; it fails as {@code detach} would, and writes
	 * nothing.
	 */
	Preview previewDetach(String nativeId, String targetId);

}
