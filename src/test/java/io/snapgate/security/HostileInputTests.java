package io.snapgate.security;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import io.snapgate.domain.Member;
import io.snapgate.domain.MemberType;
import io.snapgate.testing.FakeProviderFactories;
import io.snapgate.testing.FakeSnapshotProvider;
import io.snapgate.testing.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throws ten thousand hostile and random requests at the whole gateway, authenticated
 * with every scope, and checks that each is answered without a server error, that every
 * refusal is a problem detail, and that nothing unvalidated reached a provider: neither
 * the in-memory ones nor, through the real VergeOS and Baidu adapters, a fake upstream
 * whose request journal is checked afterwards.
 * <p>
 * What only a socket sends as it is (see {@link HostileRequests}) goes to the real Tomcat
 * port: there each request is refused with a problem detail, never a server error, a
 * stack trace or an HTML page, and no write reaches a provider, where the same requests
 * well-formed do write.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(FakeProviderFactories.class)
class HostileInputTests {

	private static final String KEY = "fuzz-" + "f".repeat(40);

	private static final int REQUESTS = 10_000;

	private static final Pattern SAFE_NATIVE_ID = Pattern.compile("[A-Za-z0-9-]{1,32}");

	/**
	 * What the adapters may ask for: fixed paths, ids of the upstream's own shapes,
	 * encoded query values (the policy survey's reads among them, when a run outlasts its
	 * interval).
	 */
	private static final Pattern SAFE_UPSTREAM_URL = Pattern
		.compile("/(verge/api/v4/[a-z_]+(/[0-9]{1,18})?|bcc/v2/(snapshot|volume|instance)(/[siv]-[A-Za-z0-9]{1,32})?"
				+ "|bcc/v2/asp(/asp-[A-Za-z0-9]{1,32})?)(\\?[A-Za-z0-9_%.=&+*~-]*)?");

	@RegisterExtension
	static WireMockExtension upstream = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.resetOnEachTest(false)
		.build();

	/**
	 * A VergeOS row that a delete first reads, so that the delete itself would go out.
	 */
	private static final String ROW_12 = """
			{"$key":12,"name":"daily","description":"","created":1763805600,"expires":0,"snapshot_profile":null,\
			"private":false,"remote_sync":false,"immutable":false,"immutable_status":"unlocked",\
			"immutable_lock_expires":0,"status":"normal","status_info":"","task":null}""";

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void configuration(DynamicPropertyRegistry registry) {
		registry.add("snapgate.providers.fuzz-sys.type", () -> "fake-system");
		registry.add("snapgate.providers.fuzz-vol.type", () -> "fake-volume");
		registry.add("snapgate.providers.fuzz-verge.type", () -> "vergeos");
		registry.add("snapgate.providers.fuzz-verge.base-url", () -> upstream.baseUrl() + "/verge");
		registry.add("snapgate.providers.fuzz-verge.username", () -> "svc");
		registry.add("snapgate.providers.fuzz-verge.password", () -> "pw");
		registry.add("snapgate.providers.fuzz-bcc.type", () -> "baidu");
		registry.add("snapgate.providers.fuzz-bcc.endpoint", () -> upstream.baseUrl() + "/bcc");
		registry.add("snapgate.providers.fuzz-bcc.access-key-id", () -> "ak");
		registry.add("snapgate.providers.fuzz-bcc.secret-access-key", () -> "sk");
		registry.add("snapgate.security.api-keys[0].owner", () -> "fuzzer");
		registry.add("snapgate.security.api-keys[0].sha256",
				() -> HexFormat.of().formatHex(ApiKeyVerifier.sha256(KEY)));
		registry.add("snapgate.security.api-keys[0].scopes",
				() -> "snapshots:read,snapshots:write,restores:write,actuator:read");
		registry.add("logging.level.snapgate.audit", () -> "warn");
	}

	@BeforeEach
	void seed() {
		upstream.resetAll();
		upstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"err\":\"not found\",\"code\":\"NoSuchResource\",\"requestId\":\"r-1\"}")));
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
		// the inputs reach past validation often enough for the check below to mean
		// something
		assertThat(statuses).as("statuses seen").containsKeys(200, 202, 400, 404);
		assertThat(fake("fuzz-sys").calls().size() + fake("fuzz-vol").calls().size()).isGreaterThan(500);
		List<LoggedRequest> upstreamCalls = upstream.findAll(anyRequestedFor(anyUrl()));
		assertThat(upstreamCalls).as("hostile input reached the real adapters' validation").isNotEmpty();
		for (LoggedRequest call : upstreamCalls) {
			assertThat(call.getUrl()).as("an upstream URL").matches(SAFE_UPSTREAM_URL);
			for (String name : call.getQueryParams().keySet()) {
				for (String value : call.queryParameter(name).values()) {
					assertThat(value).as("query %s of %s", name, call.getUrl())
						.doesNotContainPattern("\\p{Cntrl}")
						.hasSizeLessThanOrEqualTo(512);
					if (name.equals("filter")) {
						// every quoted string in a VergeOS filter has its quotes doubled,
						// so none ends early
						assertThat(value.replace("''", "")).as("filter %s", value).matches("[^']*('[^']*'[^']*)*");
					}
				}
			}
		}
		for (FakeSnapshotProvider provider : FakeProviderFactories.BUILT.values()) {
			for (String argument : provider.arguments()) {
				assertThat(argument).as("what reached provider %s", provider.id())
					.satisfiesAnyOf((value) -> assertThat(value).matches(SAFE_NATIVE_ID),
							(value) -> assertThat(value).doesNotContainPattern("\\p{Cntrl}")
								.hasSizeLessThanOrEqualTo(128));
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileRequests")
	void onTheRealPortAHostileRequestIsRefusedWithAProblemAndWritesNothingUpstream(HostileRequests.Case request) {
		upstreamTakesWrites();

		RawHttp.Response response = new RawHttp(this.port).send(request.bytes());

		assertThat(response.status()).as("the status of %s", response).isBetween(400, 499);
		assertThat(response.body()).as("the body, never a stack trace nor an HTML page")
			.doesNotContainIgnoringCase("<html")
			.doesNotContain("Exception")
			.doesNotContain("\tat ");
		assertThat(response.contentType()).as("the type of %s", response).startsWith("application/problem+json");
		assertThat(JsonPath.<String>read(response.body(), "$.code")).as("the code").matches("[A-Z_]+");
		assertThat(writesThatReachedAProvider()).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("wellFormedWrites")
	void onTheRealPortTheWellFormedVariantsOfTheHostileWritesDoReachAProvider(HostileRequests.Case request) {
		upstreamTakesWrites();

		RawHttp.Response response = new RawHttp(this.port).send(request.bytes());

		assertThat(writesThatReachedAProvider()).as("the writes after %s", response).hasSize(1);
	}

	static Stream<HostileRequests.Case> hostileRequests() {
		return new HostileRequests(KEY).all().stream();
	}

	static Stream<HostileRequests.Case> wellFormedWrites() {
		return new HostileRequests(KEY).wellFormedWrites().stream();
	}

	/**
	 * VergeOS finds no earlier snapshot with a create's key, and snapshot 12 to delete:
	 * next would come a write.
	 */
	private static void upstreamTakesWrites() {
		upstream.stubFor(WireMock.get(urlPathEqualTo("/verge/api/v4/cloud_snapshots")).willReturn(okJson("[]")));
		upstream.stubFor(WireMock.get(urlPathEqualTo("/verge/api/v4/cloud_snapshots/12")).willReturn(okJson(ROW_12)));
	}

	private static List<String> writesThatReachedAProvider() {
		List<String> writes = new ArrayList<>();
		Stream
			.of(postRequestedFor(anyUrl()), putRequestedFor(anyUrl()), patchRequestedFor(anyUrl()),
					deleteRequestedFor(anyUrl()))
			.flatMap((pattern) -> upstream.findAll(pattern).stream())
			.forEach((call) -> writes.add(call.getMethod() + " " + call.getUrl()));
		for (String id : List.of("fuzz-sys", "fuzz-vol")) {
			fake(id).calls()
				.stream()
				.filter(List.of("create", "update", "delete", "restore")::contains)
				.forEach((operation) -> writes.add(operation + " on " + id));
		}
		return writes;
	}

	private MockHttpServletRequestBuilder request(HostileInputs inputs) {
		String id = switch (inputs.nextInt(4)) {
			case 0 ->
				inputs.pick(List.of("fuzz-sys", "fuzz-vol", "fuzz-verge", "fuzz-bcc", "nope")) + ":" + inputs.value();
			case 1 -> inputs.value() + ":" + inputs.value();
			case 2 -> inputs.value();
			default -> "fuzz-sys:12";
		};
		return switch (inputs.nextInt(9)) {
			case 0 -> get("/snapshots/" + encodeLoosely(id, inputs));
			case 1 -> get("/snapshots/" + encodeLoosely(id, inputs) + "/members");
			case 2 -> MockMvcRequestBuilders.request(HttpMethod.DELETE, uri("/snapshots/" + encodeLoosely(id, inputs)));
			case 3 -> get("/restores/" + encodeLoosely(inputs.value(), inputs));
			case 4 -> list(inputs);
			case 5 -> post("/snapshots", createBody(inputs));
			case 6 -> post("/restores", restoreBody(inputs));
			case 7 -> MockMvcRequestBuilders.patch(uri("/snapshots/" + encodeLoosely(id, inputs)))
				.contentType(MediaType.APPLICATION_JSON)
				.content(patchBody(inputs));
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
					"AVAILABLE", "2026-01-01T00:00:00Z", "fuzz-sys", "fuzz-verge", "fuzz-bcc")) : inputs.value();
			query.append(inputs.pick(names)).append('=').append(encodeLoosely(value, inputs)).append('&');
		}
		return get(query.toString());
	}

	private static String createBody(HostileInputs inputs) {
		List<String> fields = new ArrayList<>();
		fields.add("\"provider\":" + (inputs.chance(70)
				? HostileInputs.quoted(inputs.pick(List.of("fuzz-sys", "fuzz-vol", "fuzz-verge", "fuzz-bcc")))
				: inputs.jsonValue()));
		fields.add("\"name\":" + (inputs.chance(30) ? HostileInputs.quoted(inputs.word()) : inputs.jsonValue()));
		for (String field : List.of("description", "volumeId", "retention", "neverExpire", "immutable", "private",
				inputs.word())) {
			if (inputs.chance(40)) {
				fields.add(HostileInputs.quoted(field) + ":" + inputs.jsonValue());
			}
		}
		return "{" + String.join(",", fields) + "}";
	}

	private static String patchBody(HostileInputs inputs) {
		List<String> fields = new ArrayList<>();
		for (String field : List.of("name", "description", "retention", "neverExpire", inputs.word())) {
			if (inputs.chance(40)) {
				fields.add(HostileInputs.quoted(field) + ":" + inputs.jsonValue());
			}
		}
		return "{" + String.join(",", fields) + "}";
	}

	private static String restoreBody(HostileInputs inputs) {
		String snapshot = inputs.chance(50)
				? HostileInputs
					.quoted(inputs.pick(List.of("fuzz-sys:12", "fuzz-vol:s-1", "fuzz-verge:12", "fuzz-bcc:s-1")))
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
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			safe.append((c < 0x21 || c > 0x7e || c == '#' || c == '?' || c == '%')
					? "%" + String.format("%02X", (int) c & 0xff) : c);
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
