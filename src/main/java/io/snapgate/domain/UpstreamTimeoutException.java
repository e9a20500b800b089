package io.snapgate.domain;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the upstream did not answer in time.
 */
public final class UpstreamTimeoutException extends SnapGateException {

	private static final long serialVersionUID = 1L;

	public UpstreamTimeoutException(ErrorCode code, String message) {
		this(code, message, null);
	}

	public UpstreamTimeoutException(ErrorCode code, String message, @Nullable Throwable cause) {
		super(code, message, cause);
	}

}
