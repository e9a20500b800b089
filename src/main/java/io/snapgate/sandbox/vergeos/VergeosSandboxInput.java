package io.snapgate.sandbox.vergeos;

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
