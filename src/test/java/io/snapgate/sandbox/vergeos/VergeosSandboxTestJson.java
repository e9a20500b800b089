package io.snapgate.sandbox.vergeos;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies for the emulator's state, as its routes would read them.
 */
final class VergeosSandboxTestJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private VergeosSandboxTestJson() {
	}

	static JsonNode parse(String json) {
		return MAPPER.readTree(json);
	}

}
