package io.snapgate.provider.vergeos;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.UpstreamDetails;
import io.snapgate.domain.UpstreamErrorException;
import org.jspecify.annotations.Nullable;

/**
 * Reads VergeOS answers leniently, the way its own clients do: a table read may come back as an
 * array, as a single object, or empty; a row read as an object or a one-element array. What is not
 * JSON at all is an {@link UpstreamErrorException}.
 */
final class VergeosJson {

	private final JsonMapper mapper = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	<T> List<T> rows(byte[] body, Class<T> type) {
		JsonNode tree = tree(body);
		List<T> rows = new ArrayList<>();
		if (tree == null || tree.isNull()) {
			return rows;
		}
		if (tree.isArray()) {
			for (JsonNode element : tree.values()) {
				rows.add(convert(element, type));
			}
			return rows;
		}
		rows.add(convert(tree, type));
		return rows;
	}

	<T> Optional<T> row(byte[] body, Class<T> type) {
		return rows(body, type).stream().findFirst();
	}

	/** The error text of a body, if it has one; never fails. */
	@Nullable String errorText(byte[] body) {
		try {
			JsonNode tree = tree(body);
			if (tree != null && tree.isObject()) {
				return this.mapper.treeToValue(tree, VergeosErrorBody.class).text();
			}
		}
		catch (UpstreamErrorException | JacksonException ex) {
			// not JSON: fall back to the raw text below
		}
		String raw = new String(body, StandardCharsets.UTF_8).strip();
		return raw.isEmpty() ? null : raw;
	}

	byte[] write(Object value) {
		return this.mapper.writeValueAsBytes(value);
	}

	private @Nullable JsonNode tree(byte[] body) {
		if (new String(body, StandardCharsets.UTF_8).isBlank()) {
			return null;
		}
		try {
			return this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw unreadable(ex);
		}
	}

	private <T> T convert(JsonNode node, Class<T> type) {
		if (!node.isObject()) {
			throw unreadable(null);
		}
		try {
			return this.mapper.treeToValue(node, type);
		}
		catch (JacksonException ex) {
			throw unreadable(ex);
		}
	}

	private static UpstreamErrorException unreadable(@Nullable JacksonException cause) {
		UpstreamErrorException error = new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
				"VergeOS answered with something other than the expected JSON", cause);
		error.withUpstream(new UpstreamDetails(null, null, (cause != null) ? cause.getOriginalMessage() : "not an object"));
		return error;
	}

}
