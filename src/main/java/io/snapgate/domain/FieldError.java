package io.snapgate.domain;

import java.util.List;

/**
 * One field of a request that was refused, and why.
 */
public record FieldError(String field, String message) {

	public static List<FieldError> of(String field, String message) {
		return List.of(new FieldError(field, message));
	}

}
