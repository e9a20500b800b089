package io.snapgate.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the target is not in a state that allows the operation (locked, busy, over
 * quota).
 */
public final class ConflictException extends SnapGateException {

	private static final long serialVersionUID = 1L;

	private final @Nullable Instant lockExpiresAt;

	public ConflictException(ErrorCode code, String message) {
		this(code, message, null);
	}

	public ConflictException(ErrorCode code, String message, @Nullable Instant lockExpiresAt) {
		super(code, message, null);
		this.lockExpiresAt = lockExpiresAt;
	}

	@Override
	public @Nullable Instant lockExpiresAt() {
		return this.lockExpiresAt;
	}

}
