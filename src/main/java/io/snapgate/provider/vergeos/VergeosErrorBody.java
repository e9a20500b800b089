package io.snapgate.provider.vergeos;

import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

import org.jspecify.annotations.Nullable;

/**
 * A VergeOS error body: {@code {"err": "..."}}, though {@code error} and {@code message}
 * occur too, each either a string or an object with a {@code message}, and {@code err}
 * may be a mere {@code true} next to a {@code message}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record VergeosErrorBody(@Nullable JsonNode err, @Nullable JsonNode error, @Nullable JsonNode message) {

	/** The first message found in {@code err}, {@code error}, then {@code message}. */
	@Nullable String text() {
		return Stream.of(this.err, this.error, this.message)
			.map(VergeosErrorBody::textOf)
			.filter((text) -> text != null && !text.isBlank())
			.findFirst()
			.orElse(null);
	}

	private static @Nullable String textOf(@Nullable JsonNode node) {
		if (node == null) {
			return null;
		}
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isObject() && node.get("message") != null && node.get("message").isString()) {
			return node.get("message").stringValue();
		}
		return null;
	}

}
