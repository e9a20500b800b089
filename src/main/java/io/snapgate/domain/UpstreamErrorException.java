package io.snapgate.domain;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the upstream failed or answered something SnapGate cannot read.
 */
public final class UpstreamErrorException extends SnapGateException {

	private static final long serialVersionUID = 1L;

	public UpstreamErrorException(ErrorCode code, String message) {
		this(code, message, null);
	}

	public UpstreamErrorException(ErrorCode code, String message, @Nullable Throwable cause) {
		super(code, message, cause);
	}

}
