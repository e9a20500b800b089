package io.snapgate.domain;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the upstream cannot be reached or SnapGate holds calls to it back (open
 * breaker, full bulkhead).
 */
public final class UpstreamUnavailableException extends SnapGateException {

	private static final long serialVersionUID = 1L;

	private final @Nullable Duration retryAfter;

	private final boolean requestSent;

	private final boolean heldBack;

	public UpstreamUnavailableException(ErrorCode code, String message, @Nullable Duration retryAfter,
			@Nullable Throwable cause) {
		this(code, message, retryAfter, cause, true, false);
	}

	private UpstreamUnavailableException(ErrorCode code, String message, @Nullable Duration retryAfter,
			@Nullable Throwable cause, boolean requestSent, boolean heldBack) {
		super(code, message, cause, !heldBack);
		this.retryAfter = retryAfter;
		this.requestSent = requestSent;
		this.heldBack = heldBack;
	}

	/**
	 * The request provably never left SnapGate (connection refused, breaker open,
	 * bulkhead full), so even a non-idempotent call may be tried again.
	 */
	public static UpstreamUnavailableException notSent(ErrorCode code, String message, @Nullable Duration retryAfter,
			@Nullable Throwable cause) {
		return new UpstreamUnavailableException(code, message, retryAfter, cause, false, false);
	}

	/**
	 * SnapGate's own guards refused the call (breaker open, bulkhead full): the upstream
	 * was not asked.
	 */
	public static UpstreamUnavailableException heldBack(ErrorCode code, String message, @Nullable Duration retryAfter,
			@Nullable Throwable cause) {
		return new UpstreamUnavailableException(code, message, retryAfter, cause, false, true);
	}

	@Override
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	/**
	 * Whether the request may have reached the upstream; {@code true} unless proven
	 * otherwise.
	 */
	public boolean requestSent() {
		return this.requestSent;
	}

	/** Whether SnapGate's own guards refused the call; such a call was never sent. */
	public boolean heldBack() {
		return this.heldBack;
	}

}
