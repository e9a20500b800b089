package io.snapgate.domain;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the upstream cannot be reached or SnapGate holds calls to it back (open breaker, full bulkhead).
 */
public final class UpstreamUnavailableException extends SnapGateException {

	private static final long serialVersionUID = 1L;

	private final @Nullable Duration retryAfter;

	public UpstreamUnavailableException(ErrorCode code, String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
		super(code, message, cause);
		this.retryAfter = retryAfter;
	}

	@Override
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

}
