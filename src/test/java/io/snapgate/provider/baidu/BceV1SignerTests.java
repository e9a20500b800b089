package io.snapgate.provider.baidu;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signer reproduces, byte for byte, every request that Baidu's own SDK signed.
 */
class BceV1SignerTests {

	private static final JsonNode VECTORS = readVectors();

	static Stream<Arguments> vectors() {
		List<Arguments> arguments = new ArrayList<>();
		for (JsonNode vector : VECTORS.get("vectors")) {
			arguments.add(Arguments.of(vector.get("name").asString(), vector));
		}
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("vectors")
	void reproducesTheSdksCanonicalRequest(String name, JsonNode vector) {
		assertThat(signer().canonicalRequest(request(vector))).isEqualTo(vector.get("canonicalRequest").asString());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("vectors")
	void reproducesTheSdksAuthorization(String name, JsonNode vector) {
		BceV1Signer signer = signer();
		assertThat(signer.authorization(request(vector), signer.now()))
			.isEqualTo(vector.get("authorization").asString());
	}

	@Test
	void everyVectorIsRead() {
		assertThat(vectors()).hasSize(10);
	}

	@Test
	void aRawUriIsDecodedBeforeItIsEncodedAgain() {
		BceRequest request = BceRequest.of("GET", "/v2/snapshot",
				"marker=a%20b~c%2Fd%2Be%3Df&volumeId=%E5%BF%AB%E7%85%A7-1&maxKeys=10",
				Map.of("host", "bcc.bj.baidubce.com", "x-bce-date", "2026-11-22T10:00:00Z", "content-length", "0"),
				List.of());
		JsonNode vector = VECTORS.get("vectors").get(5);
		assertThat(signer().canonicalRequest(request)).isEqualTo(vector.get("canonicalRequest").asString());
	}

	@Test
	void aValuelessParameterIsSignedAsAnEmptyValue() {
		BceRequest request = BceRequest.of("PUT", "/v2/volume/v-Ab3dE5gH", "rollback",
				Map.of("host", "h", "x-bce-date", "2026-11-22T10:00:00Z"), List.of("host", "x-bce-date"));
		assertThat(signer().canonicalRequest(request))
			.isEqualTo("PUT\n/v2/volume/v-Ab3dE5gH\nrollback=\nhost:h\nx-bce-date:2026-11-22T10%3A00%3A00Z");
	}

	@Test
	void timestampsRoundTrip() {
		Instant instant = Instant.parse("2026-11-22T10:00:00Z");
		assertThat(BceV1Signer.timestamp(instant)).isEqualTo("2026-11-22T10:00:00Z");
		assertThat(BceV1Signer.parseTimestamp("2026-11-22T10:00:00Z")).isEqualTo(instant);
		assertThat(BceV1Signer.parseTimestamp("yesterday")).isNull();
	}

	@Test
	void theSecretNeverShowsInItsDescription() {
		assertThat(signer().toString()).doesNotContain(VECTORS.get("secretAccessKey").asString());
	}

	private static BceV1Signer signer() {
		Instant timestamp = Instant.parse(VECTORS.get("timestamp").asString());
		return new BceV1Signer(VECTORS.get("accessKeyId").asString(), VECTORS.get("secretAccessKey").asString(),
				VECTORS.get("expirationSeconds").asInt(), Clock.fixed(timestamp, ZoneOffset.UTC));
	}

	private static BceRequest request(JsonNode vector) {
		Map<String, String> query = new LinkedHashMap<>();
		vector.get("query")
			.properties()
			.forEach((e) -> query.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asString()));
		Map<String, String> headers = new LinkedHashMap<>();
		vector.get("headers").properties().forEach((e) -> headers.put(e.getKey(), e.getValue().asString()));
		List<String> signed = new ArrayList<>();
		vector.get("signedHeaders").forEach((node) -> signed.add(node.asString()));
		return new BceRequest(vector.get("method").asString(), vector.get("path").asString(), query, headers, signed);
	}

	private static JsonNode readVectors() {
		try (InputStream in = BceV1SignerTests.class.getResourceAsStream("/baidu/baidu-sign-vectors.json")) {
			return JsonMapper.builder().build().readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
