package io.snapgate.sandbox.vergeos;

import java.util.Set;

import tools.jackson.databind.JsonNode;

import org.jspecify.annotations.Nullable;

/**
 * Reads fields of a request body as VergeOS checks them: a value of the wrong type or
 * length is a 422 naming the field.
 */
final class VergeosSandboxInput {

	private VergeosSandboxInput() {
	}

	static @Nullable String text(JsonNode body, String field, int maxLength) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString() || node.stringValue().length() > maxLength) {
			throw VergeosSandboxException.invalid(field, "fails validation test");
		}
		return node.stringValue();
	}

	static long positive(JsonNode body, String field) {
		JsonNode node = body.get(field);
		if (node == null || !node.isIntegralNumber() || node.asLong() <= 0) {
			throw VergeosSandboxException.invalid(field, "fails validation test");
		}
		return node.asLong();
	}

	/** A whole number from {@code min} to {@code max}; {@code fallback} when absent. */
	static long bounded(JsonNode body, String field, long min, long max, long fallback) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return fallback;
		}
		if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
			throw VergeosSandboxException.invalid(field, "fails validation test");
		}
		return node.asLong();
	}

	/**
	 * One of the allowed words; {@code fallback} when absent, required when that is null.
	 */
	static String oneOf(JsonNode body, String field, Set<String> allowed, @Nullable String fallback) {
		String value = text(body, field, 64);
		if (value == null) {
			if (fallback == null) {
				throw VergeosSandboxException.invalid(field, "required");
			}
			return fallback;
		}
		if (!allowed.contains(value)) {
			throw VergeosSandboxException.invalid(field, "fails validation test");
		}
		return value;
	}

	/** A name: required, not blank, at most {@code maxLength} characters. */
	static String name(JsonNode body, String field, int maxLength) {
		String name = text(body, field, maxLength);
		if (name == null || name.isBlank()) {
			throw VergeosSandboxException.invalid(field, "required");
		}
		return name;
	}

	static boolean flag(JsonNode body, String field, boolean fallback) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return fallback;
		}
		if (!node.isBoolean()) {
			throw VergeosSandboxException.invalid(field, "fails validation test");
		}
		return node.booleanValue();
	}

}
