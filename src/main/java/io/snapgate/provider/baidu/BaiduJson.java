package io.snapgate.provider.baidu;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The adapter's own JSON mapper: lenient about what BCC adds, independent of the API's strict one.
 */
final class BaiduJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private BaiduJson() {
	}

	static byte[] write(Object body) {
		return MAPPER.writeValueAsBytes(body);
	}

	/** The value of a body, or {@code null} when the body is not JSON of that shape. */
	static <T> @Nullable T read(byte[] body, Class<T> type) {
		if (body.length == 0) {
			return null;
		}
		try {
			return MAPPER.readValue(body, type);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** The {@code code} of an error body, if it is one. */
	static @Nullable String errorCode(String body) {
		BaiduErrorJson error = read(body.getBytes(StandardCharsets.UTF_8), BaiduErrorJson.class);
		return (error != null) ? error.code() : null;
	}

}
