package io.snapgate.security;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import io.snapgate.domain.Member;
import io.snapgate.domain.MemberType;
import io.snapgate.testing.FakeProviderFactories;
import io.snapgate.testing.FakeSnapshotProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throws ten thousand hostile and random requests at the whole gateway, authenticated with every
 * scope, and checks that each is answered without a server error, that every refusal is a problem
 * detail, and that nothing unvalidated reached a provider.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(FakeProviderFactories.class)
class HostileInputTests {

	private static final String KEY = "fuzz-" + "f".repeat(40);

	private static final int REQUESTS = 10_000;

	private static final Pattern SAFE_NATIVE_ID = Pattern.compile("[A-Za-z0-9-]{1,32}");

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void configuration(DynamicPropertyRegistry registry) {
		registry.add("snapgate.providers.fuzz-sys.type", () -> "fake-system");
		registry.add("snapgate.providers.fuzz-vol.type", () -> "fake-volume");
		registry.add("snapgate.security.api-keys[0].owner", () -> "fuzzer");
		registry.add("snapgate.security.api-keys[0].sha256", () -> HexFormat.of().formatHex(ApiKeyVerifier.sha256(KEY)));
		registry.add("snapgate.security.api-keys[0].scopes",
				() -> "snapshots:read,snapshots:write,restores:write,actuator:read");
		registry.add("logging.level.snapgate.audit", () -> "warn");
	}

	@BeforeEach
	void seed() {
		FakeProviderFactories.BUILT.values().forEach(FakeSnapshotProvider::reset);
		fake("fuzz-sys").withSnapshot("12", "daily", Instant.parse("2026-11-22T00:00:00Z"))
			.withMembers("12", new Member(MemberType.VM, "41", "web-01"));
		fake("fuzz-vol").withSnapshot("s-1", "disk", Instant.parse("2026-11-22T00:00:00Z"));
	}

	@Test
	void hostileInputNeverCausesAServerErrorNorReachesAProviderUnchecked() throws Exception {
		HostileInputs inputs = new HostileInputs(20261122L);
		List<String> failures = new ArrayList<>();
		java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
		for (int i = 0; i < REQUESTS; i++) {
			MockHttpServletRequestBuilder request = request(inputs);
			MvcResult result = this.mvc.perform(request.header("X-API-Key", KEY)).andReturn();
			int status = result.getResponse().getStatus();
			String type = result.getResponse().getContentType();
			statuses.merge(status, 1, Integer::sum);
			if (status >= 500 || (status >= 400 && (type == null || !type.startsWith("application/problem+json")))) {
				failures.add(status + " " + type + " for " + describe(result));
			}
		}
		assertThat(failures).as("requests answered with a server error or without a problem detail").isEmpty();
		// the inputs reach past validation often enough for the check below to mean something
		assertThat(statuses).as("statuses seen").containsKeys(200, 202, 400, 404);
		assertThat(fake("fuzz-sys").calls().size() + fake("fuzz-vol").calls().size()).isGreaterThan(500);
		for (FakeSnapshotProvider provider : FakeProviderFactories.BUILT.values()) {
			for (String argument : provider.arguments()) {
				assertThat(argument).as("what reached provider %s", provider.id())
					.satisfiesAnyOf((value) -> assertThat(value).matches(SAFE_NATIVE_ID),
							(value) -> assertThat(value).doesNotContainPattern("\\p{Cntrl}").hasSizeLessThanOrEqualTo(128));
			}
		}
	}

	private MockHttpServletRequestBuilder request(HostileInputs inputs) {
		String id = switch (inputs.nextInt(4)) {
			case 0 -> inputs.pick(List.of("fuzz-sys", "fuzz-vol", "nope")) + ":" + inputs.value();
			case 1 -> inputs.value() + ":" + inputs.value();
			case 2 -> inputs.value();
			default -> "fuzz-sys:12";
		};
		return switch (inputs.nextInt(8)) {
			case 0 -> get("/snapshots/" + encodeLoosely(id, inputs));
			case 1 -> get("/snapshots/" + encodeLoosely(id, inputs) + "/members");
			case 2 -> MockMvcRequestBuilders.request(HttpMethod.DELETE, uri("/snapshots/" + encodeLoosely(id, inputs)));
			case 3 -> get("/restores/" + encodeLoosely(inputs.value(), inputs));
			case 4 -> list(inputs);
			case 5 -> post("/snapshots", createBody(inputs));
			case 6 -> post("/restores", restoreBody(inputs));
			default -> post(inputs.pick(List.of("/snapshots", "/restores")), inputs.value());
		};
	}

	private MockHttpServletRequestBuilder list(HostileInputs inputs) {
		StringBuilder query = new StringBuilder("/snapshots?");
		List<String> names = List.of("provider", "status", "scope", "volumeId", "name", "createdAfter", "createdBefore",
				"includeExpired", "include", "pageSize", "pageToken", inputs.word());
		int count = 1 + inputs.nextInt(4);
		for (int i = 0; i < count; i++) {
			String value = inputs.chance(20) ? inputs.pick(List.of("0", "501", "-1", "99999999999", "members", "SYSTEM",
					"AVAILABLE", "2026-01-01T00:00:00Z", "fuzz-sys")) : inputs.value();
			query.append(inputs.pick(names)).append('=').append(encodeLoosely(value, inputs)).append('&');
		}
		return get(query.toString());
	}

	private static String createBody(HostileInputs inputs) {
		List<String> fields = new ArrayList<>();
		fields.add("\"provider\":" + (inputs.chance(70) ? HostileInputs.quoted(inputs.pick(List.of("fuzz-sys", "fuzz-vol"))) : inputs.jsonValue()));
		fields.add("\"name\":" + (inputs.chance(30) ? HostileInputs.quoted(inputs.word()) : inputs.jsonValue()));
		for (String field : List.of("description", "volumeId", "retention", "neverExpire", "immutable", "private",
				inputs.word())) {
			if (inputs.chance(40)) {
				fields.add(HostileInputs.quoted(field) + ":" + inputs.jsonValue());
			}
		}
		return "{" + String.join(",", fields) + "}";
	}

	private static String restoreBody(HostileInputs inputs) {
		String snapshot = inputs.chance(50) ? HostileInputs.quoted(inputs.pick(List.of("fuzz-sys:12", "fuzz-vol:s-1")))
				: inputs.jsonValue();
		String target = inputs.chance(50)
				? "{\"type\":" + HostileInputs.quoted(inputs.pick(List.of("VM", "TENANT", "VOLUME", inputs.value())))
						+ ",\"member\":" + inputs.jsonValue() + "}"
				: inputs.jsonValue();
		return "{\"snapshotId\":" + snapshot + ",\"target\":" + target + ",\"newName\":" + inputs.jsonValue()
				+ ",\"confirmInPlace\":" + inputs.jsonValue() + "}";
	}

	private static String encodeLoosely(String value, HostileInputs inputs) {
		// sometimes raw (what a careless client sends), sometimes percent-encoded
		if (inputs.chance(50)) {
			StringBuilder encoded = new StringBuilder();
			for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
				encoded.append(String.format("%%%02X", b & 0xff));
			}
			return encoded.toString();
		}
		StringBuilder safe = new StringBuilder();
		for (char c : value.toCharArray()) {
			safe.append((c < 0x21 || c > 0x7e || c == '#' || c == '?' || c == '%') ? "%" + String.format("%02X", (int) c & 0xff) : c);
		}
		return safe.toString();
	}

	private static MockHttpServletRequestBuilder get(String path) {
		return MockMvcRequestBuilders.get(uri(path));
	}

	private static MockHttpServletRequestBuilder post(String path, String body) {
		return MockMvcRequestBuilders.post(uri(path)).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private static URI uri(String path) {
		try {
			return URI.create(path);
		}
		catch (IllegalArgumentException ex) {
			return URI.create("/snapshots/%25");
		}
	}

	private static String describe(MvcResult result) {
		String uri = result.getRequest().getRequestURI();
		return result.getRequest().getMethod() + " " + uri.substring(0, Math.min(uri.length(), 200));
	}

	private static FakeSnapshotProvider fake(String id) {
		return FakeProviderFactories.BUILT.get(id);
	}

}
