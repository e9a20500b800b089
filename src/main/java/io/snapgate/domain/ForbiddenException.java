package io.snapgate.domain;

/**
 * Thrown when the caller may see what it asks about but may not do what it asks: its
 * grants leave that out.
 */
public final class ForbiddenException extends SnapGateException {

	private static final long serialVersionUID = 1L;

	public ForbiddenException(String message) {
		super(ErrorCode.FORBIDDEN, message, null, false);
	}

}
