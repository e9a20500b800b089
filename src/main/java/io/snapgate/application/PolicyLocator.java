package io.snapgate.application;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.FieldError;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.PolicyProvider;
import io.snapgate.domain.SnapshotProvider;

/**
 * Finds the scheduler behind a policy id and checks that the native part is one that
 * scheduler could have issued, before the id goes anywhere near an upstream. A provider
 * that runs no policies, or that the caller does not see, answers as if it were not
 * configured.
 */
public class PolicyLocator {

	private final ProviderAccess access;

	public PolicyLocator(ProviderAccess access) {
		this.access = access;
	}

	/** Locates a policy named by the {@code id} of a path. */
	public PolicyProvider locate(PolicyRef ref, ProviderScope scope) {
		return locate(ref, "id", scope);
	}

	/**
	 * @param field the request field the id came in, named when it is refused
	 * @param scope what the caller is to do with the policy
	 * @throws NotFoundException with {@link ErrorCode#POLICY_NOT_FOUND} when its provider
	 * is not configured, runs no policies or is not seen by the caller
	 * @throws io.snapgate.domain.ForbiddenException when the caller sees the provider but
	 * the scope does not reach it
	 * @throws InvalidRequestException with {@link ErrorCode#INVALID_POLICY_ID} when the
	 * provider issues no ids of that form
	 */
	public PolicyProvider locate(PolicyRef ref, String field, ProviderScope scope) {
		PolicyProvider policies = this.access.find(ref.provider(), scope)
			.flatMap(SnapshotProvider::policies)
			.orElseThrow(() -> new NotFoundException(ErrorCode.POLICY_NOT_FOUND,
					"No policy " + ref + ": no provider '" + ref.provider() + "' with policies is configured"));
		if (!policies.isValidPolicyId(ref.nativeId())) {
			throw new InvalidRequestException(ErrorCode.INVALID_POLICY_ID,
					"'" + ref.provider() + "' issues no policy ids of that form",
					FieldError.of(field, "not a policy id of provider " + ref.provider()));
		}
		return policies;
	}

}
