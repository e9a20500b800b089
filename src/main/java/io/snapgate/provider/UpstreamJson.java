package io.snapgate.provider;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The adapters' JSON: lenient about what an upstream adds or leaves out, and independent
 * of the API's strict mapper.
 */
public final class UpstreamJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private UpstreamJson() {
	}

	public static byte[] write(Object value) {
		return MAPPER.writeValueAsBytes(value);
	}

	/** The value of a body, or empty when the body is empty or not JSON of that shape. */
	public static <T> Optional<T> read(byte[] body, Class<T> type) {
		if (isBlank(body)) {
			return Optional.empty();
		}
		try {
			return Optional.ofNullable(MAPPER.readValue(body, type));
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The tree of a body; {@code null} when it is blank.
	 * @throws JacksonException when it is not JSON
	 */
	public static @Nullable JsonNode tree(byte[] body) throws JacksonException {
		return isBlank(body) ? null : MAPPER.readTree(body);
	}

	/**
	 * @throws JacksonException when the node does not fit the type
	 */
	public static <T> T convert(JsonNode node, Class<T> type) throws JacksonException {
		return MAPPER.treeToValue(node, type);
	}

	private static boolean isBlank(byte[] body) {
		for (byte b : body) {
			if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
				return false;
			}
		}
		return true;
	}

}
