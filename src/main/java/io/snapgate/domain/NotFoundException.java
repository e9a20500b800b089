package io.snapgate.domain;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the thing asked for does not exist.
 */
public final class NotFoundException extends SnapGateException {

	private static final long serialVersionUID = 1L;

	public NotFoundException(ErrorCode code, String message) {
		this(code, message, null);
	}

	public NotFoundException(ErrorCode code, String message, @Nullable Throwable cause) {
		super(code, message, cause);
	}

}
