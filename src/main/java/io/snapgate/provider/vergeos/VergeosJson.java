package io.snapgate.provider.vergeos;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.UpstreamDetails;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.provider.UpstreamJson;
import org.jspecify.annotations.Nullable;

/**
 * Reads VergeOS answers leniently, the way its own clients do: a table read may come back
 * as an array, as a single object, or empty; a row read as an object or a one-element
 * array. What is not JSON at all, or a value of the wrong type, is an
 * {@link UpstreamErrorException}, naming the field where it can.
 */
final class VergeosJson {

	private VergeosJson() {
	}

	static <T> List<T> rows(byte[] body, Class<T> type) {
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

	static <T> Optional<T> row(byte[] body, Class<T> type) {
		return rows(body, type).stream().findFirst();
	}

	/** The error text of a body, if it has one; never fails. */
	static @Nullable String errorText(byte[] body) {
		Optional<VergeosErrorBody> error = UpstreamJson.read(body, VergeosErrorBody.class);
		if (error.isPresent()) {
			return error.get().text();
		}
		String raw = new String(body, StandardCharsets.UTF_8).strip();
		return raw.isEmpty() ? null : raw;
	}

	private static @Nullable JsonNode tree(byte[] body) {
		try {
			return UpstreamJson.tree(body);
		}
		catch (JacksonException ex) {
			throw unreadable(ex);
		}
	}

	/** The innermost field that the failure names, if any. */
	private static @Nullable String field(JacksonException cause) {
		String field = null;
		for (JacksonException.Reference reference : cause.getPath()) {
			if (reference.getPropertyName() != null) {
				field = reference.getPropertyName();
			}
		}
		return field;
	}

	private static <T> T convert(JsonNode node, Class<T> type) {
		if (!node.isObject()) {
			throw unreadable(null);
		}
		try {
			return UpstreamJson.convert(node, type);
		}
		catch (JacksonException ex) {
			throw unreadable(ex);
		}
	}

	private static UpstreamErrorException unreadable(@Nullable JacksonException cause) {
		String field = (cause != null) ? field(cause) : null;
		UpstreamErrorException error = new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
				"VergeOS answered with something other than the expected JSON"
						+ ((field != null) ? ": SnapGate cannot read its field '" + field + "'" : ""),
				cause);
		error.withUpstream(
				new UpstreamDetails(null, null, (cause != null) ? cause.getOriginalMessage() : "not an object"));
		return error;
	}

}
