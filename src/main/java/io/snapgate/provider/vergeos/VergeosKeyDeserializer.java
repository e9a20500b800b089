package io.snapgate.provider.vergeos;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

import org.jspecify.annotations.Nullable;

/**
 * Reads a VergeOS row key or foreign key leniently: a number ({@code 12}), a string
 * ({@code "12"}, as POST replies give it), or an expanded row ({@code {"$key": 12,
 * ...}}). Anything else, {@code 0} and the empty string read as "no key".
 */
final class VergeosKeyDeserializer extends ValueDeserializer<@Nullable String> {

	@Override
	public @Nullable String deserialize(JsonParser parser, DeserializationContext context) {
		return keyOf(context.readTree(parser));
	}

	static @Nullable String keyOf(@Nullable JsonNode node) {
		if (node == null) {
			return null;
		}
		if (node.isObject()) {
			return keyOf(node.get("$key"));
		}
		String text = null;
		if (node.isIntegralNumber()) {
			text = node.asString();
		}
		else if (node.isString()) {
			text = node.stringValue().trim();
		}
		return (text == null || text.isEmpty() || text.equals("0")) ? null : text;
	}

	@Override
	public @Nullable String getNullValue(DeserializationContext context) {
		return null;
	}

}
