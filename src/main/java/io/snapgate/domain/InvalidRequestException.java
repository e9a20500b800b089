package io.snapgate.domain;

import java.util.List;

/**
 * Thrown when a request cannot be honoured as sent: a bad id, a field the provider does
 * not support, a missing confirmation.
 */
public final class InvalidRequestException extends SnapGateException {

	private static final long serialVersionUID = 1L;

	private final transient List<FieldError> fieldErrors;

	public InvalidRequestException(ErrorCode code, String message, List<FieldError> fieldErrors) {
		super(code, message, null);
		this.fieldErrors = List.copyOf(fieldErrors);
	}

	public InvalidRequestException(ErrorCode code, String message) {
		this(code, message, List.of());
	}

	public static InvalidRequestException field(String field, String message) {
		return new InvalidRequestException(ErrorCode.VALIDATION_FAILED, field + ": " + message,
				FieldError.of(field, message));
	}

	public static InvalidRequestException unsupported(String field, String message) {
		return new InvalidRequestException(ErrorCode.UNSUPPORTED_FIELD, field + ": " + message,
				FieldError.of(field, message));
	}

	@Override
	public List<FieldError> fieldErrors() {
		return this.fieldErrors;
	}

}
