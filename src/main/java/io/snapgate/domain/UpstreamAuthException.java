package io.snapgate.domain;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the upstream refused SnapGate's own credentials; the caller did nothing
 * wrong.
 */
public final class UpstreamAuthException extends SnapGateException {

	private static final long serialVersionUID = 1L;

	public UpstreamAuthException(ErrorCode code, String message) {
		this(code, message, null);
	}

	public UpstreamAuthException(ErrorCode code, String message, @Nullable Throwable cause) {
		super(code, message, cause);
	}

}
