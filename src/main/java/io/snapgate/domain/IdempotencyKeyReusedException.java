package io.snapgate.domain;

/**
 * Thrown when an {@code Idempotency-Key} comes back with a request other than the one it
 * was first used for.
 */
public final class IdempotencyKeyReusedException extends SnapGateException {

	private static final long serialVersionUID = 1L;

	public IdempotencyKeyReusedException() {
		super(ErrorCode.IDEMPOTENCY_KEY_REUSED,
				"This Idempotency-Key was already used with a different request; use a new key", null);
	}

}
