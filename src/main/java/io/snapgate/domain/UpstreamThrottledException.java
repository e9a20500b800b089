package io.snapgate.domain;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the upstream asks SnapGate to slow down.
 */
public final class UpstreamThrottledException extends SnapGateException {

	private static final long serialVersionUID = 1L;

	private final @Nullable Duration retryAfter;

	public UpstreamThrottledException(ErrorCode code, String message, @Nullable Duration retryAfter,
			@Nullable Throwable cause) {
		super(code, message, cause);
		this.retryAfter = retryAfter;
	}

	@Override
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

}
