package io.snapgate.application;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.FieldError;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.Policy;
import io.snapgate.domain.ProviderId;

/**
 * The public id of a policy: {@code <provider>:<nativeId>}. Parsing checks only the
 * shape; whether the native part is one the provider could have issued is for the
 * {@link PolicyLocator} to ask.
 */
public record PolicyRef(ProviderId provider, String nativeId) {

	public static final int MAX_NATIVE_ID_LENGTH = 128;

	public PolicyRef {
		if (nativeId.isEmpty() || nativeId.length() > MAX_NATIVE_ID_LENGTH) {
			throw new IllegalArgumentException("A native id has 1 to " + MAX_NATIVE_ID_LENGTH + " characters");
		}
	}

	public static PolicyRef of(Policy policy) {
		return new PolicyRef(policy.provider(), policy.nativeId());
	}

	/**
	 * Parses {@code <provider>:<nativeId>}.
	 * @param field the request field the id came in, named in the error
	 * @throws InvalidRequestException with code {@link ErrorCode#INVALID_POLICY_ID} when
	 * it is not of that shape
	 */
	public static PolicyRef parse(String id, String field) {
		int colon = id.indexOf(':');
		if (colon <= 0 || colon == id.length() - 1) {
			throw invalid(field);
		}
		String provider = id.substring(0, colon);
		String nativeId = id.substring(colon + 1);
		if (!ProviderId.isValid(provider) || nativeId.length() > MAX_NATIVE_ID_LENGTH) {
			throw invalid(field);
		}
		return new PolicyRef(new ProviderId(provider), nativeId);
	}

	private static InvalidRequestException invalid(String field) {
		return new InvalidRequestException(ErrorCode.INVALID_POLICY_ID,
				"A policy id has the form <provider>:<nativeId>", FieldError.of(field, "not a policy id"));
	}

	@Override
	public String toString() {
		return this.provider.value() + ":" + this.nativeId;
	}

}
