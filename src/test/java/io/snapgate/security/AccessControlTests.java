package io.snapgate.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what: JWTs signed with a key served as a JWK set, API keys, and every
 * endpoint against every scope.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessControlTests {

	static final String ISSUER = TestTokens.ISSUER;

	static final String AUDIENCE = TestTokens.AUDIENCE;

	static final String READER_KEY = "reader-" + "0".repeat(32);

	static final String WRITER_KEY = "writer-" + "1".repeat(32);

	static final String REVOKED_KEY = "revoked-" + "2".repeat(32);

	static final String SCHEDULER_KEY = "scheduler-" + "3".repeat(32);

	static final String OPERATOR_KEY = "operator-" + "4".repeat(32);

	@RegisterExtension
	static WireMockExtension jwks = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final RSAKey signingKey = TestTokens.generateKey("test");

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void serveKeys() {
		jwks.stubFor(get("/jwks.json").willReturn(
				aResponse().withHeader("Content-Type", "application/json").withBody(TestTokens.keySet(signingKey))));
	}

	@DynamicPropertySource
	static void security(DynamicPropertyRegistry registry) throws Exception {
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> jwks.baseUrl() + "/jwks.json");
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
		registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
		key(registry, 0, "reader", READER_KEY, "snapshots:read", false);
		key(registry, 1, "writer", WRITER_KEY, "snapshots:read,snapshots:write,restores:write", false);
		key(registry, 2, "former", REVOKED_KEY, "snapshots:read", true);
		key(registry, 3, "scheduler", SCHEDULER_KEY, "policies:read,policies:write", false);
		key(registry, 4, "operator", OPERATOR_KEY, "actuator:read", false);
	}

	private static void key(DynamicPropertyRegistry registry, int index, String owner, String key, String scopes,
			boolean revoked) {
		String prefix = "snapgate.security.api-keys[" + index + "].";
		registry.add(prefix + "owner", () -> owner);
		registry.add(prefix + "sha256", () -> java.util.HexFormat.of().formatHex(ApiKeyVerifier.sha256(key)));
		registry.add(prefix + "scopes", () -> scopes);
		registry.add(prefix + "revoked", () -> revoked);
	}

	@Test
	void withoutCredentialsEveryApiEndpointIsA401Problem() throws Exception {
		HttpResponse<String> response = send("GET", "/snapshots", null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).contains("Bearer"));
		assertThat(response.body()).contains("\"code\":\"UNAUTHENTICATED\"");
	}

	@Test
	void probesAndDocumentsStayOpen() throws Exception {
		assertThat(send("GET", "/readyz", null).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/v3/api-docs", null).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/swagger-ui/index.html", null).statusCode()).isEqualTo(200);
	}

	@Test
	void theHealthOfEachComponentAndSoEachProviderIsForOperatorsOnly() throws Exception {
		HttpResponse<String> anonymous = send("GET", "/actuator/health", null);
		HttpResponse<String> reader = send("GET", "/actuator/health", apiKey(READER_KEY));
		HttpResponse<String> operator = send("GET", "/actuator/health", apiKey(OPERATOR_KEY));

		assertThat(anonymous.statusCode()).isEqualTo(200);
		assertThat(anonymous.body()).contains("\"status\"").doesNotContain("components").doesNotContain("providers");
		assertThat(reader.body()).as("no actuator:read").doesNotContain("components");
		assertThat(operator.body()).contains("\"components\"");
		assertThat(send("GET", "/actuator/health/ping", null).statusCode()).as("a component, by name").isEqualTo(404);
		assertThat(send("GET", "/actuator/health/ping", apiKey(OPERATOR_KEY)).statusCode()).isEqualTo(200);
	}

	@Test
	void aValidTokenWithTheScopeIsLetIn() throws Exception {
		assertThat(send("GET", "/snapshots", bearer(token(ISSUER, AUDIENCE, "snapshots:read", 300))).statusCode())
			.isEqualTo(200);
	}

	@Test
	void anExpiredTokenIsRefused() throws Exception {
		HttpResponse<String> response = send("GET", "/snapshots",
				bearer(token(ISSUER, AUDIENCE, "snapshots:read", -120)));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("UNAUTHENTICATED");
	}

	@Test
	void aTokenFromAnotherIssuerIsRefused() throws Exception {
		assertThat(send("GET", "/snapshots", bearer(token("https://evil.test", AUDIENCE, "snapshots:read", 300)))
			.statusCode()).isEqualTo(401);
	}

	@Test
	void aTokenForAnotherAudienceIsRefused() throws Exception {
		assertThat(send("GET", "/snapshots", bearer(token(ISSUER, "other-api", "snapshots:read", 300))).statusCode())
			.isEqualTo(401);
	}

	@Test
	void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
		RSAKey stranger = TestTokens.generateKey("test");
		assertThat(send("GET", "/snapshots", bearer(token(stranger, ISSUER, AUDIENCE, "snapshots:read", 300)))
			.statusCode()).isEqualTo(401);
	}

	@Test
	void anIssuerOutOfReachIsA503NotA401() throws Exception {
		jwks.resetAll();
		jwks.stubFor(get("/jwks.json").willReturn(aResponse().withStatus(503)));
		// a key id the decoder has not cached yet, so it must fetch the key set again
		RSAKey rotated = TestTokens.generateKey("rotated");

		HttpResponse<String> response = send("GET", "/snapshots",
				bearer(token(rotated, ISSUER, AUDIENCE, "snapshots:read", 300)));

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
		assertThat(response.body()).contains("\"code\":\"AUTHENTICATION_UNAVAILABLE\"").doesNotContain("Exception");
	}

	@Test
	void aTokenWithoutTheScopeIsA403Problem() throws Exception {
		HttpResponse<String> response = send("POST", "/snapshots",
				bearer(token(ISSUER, AUDIENCE, "snapshots:read", 300)));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("\"code\":\"FORBIDDEN\"");
	}

	@Test
	void unknownAndRevokedApiKeysAreRefused() throws Exception {
		assertThat(send("GET", "/snapshots", apiKey("nobody-" + UUID.randomUUID())).statusCode()).isEqualTo(401);
		assertThat(send("GET", "/snapshots", apiKey(REVOKED_KEY)).statusCode()).isEqualTo(401);
		assertThat(send("GET", "/snapshots", apiKey("x".repeat(5000))).statusCode()).isEqualTo(401);
		assertThat(send("GET", "/snapshots", apiKey(READER_KEY)).statusCode()).isEqualTo(200);
	}

	@Test
	void anApiKeyMayAlsoComeAsAnAuthorizationScheme() throws Exception {
		assertThat(send("GET", "/snapshots", new String[] { "Authorization", "ApiKey " + READER_KEY }).statusCode())
			.isEqualTo(200);
		assertThat(send("GET", "/snapshots", new String[] { "Authorization", "ApiKey " + REVOKED_KEY }).statusCode())
			.isEqualTo(401);
	}

	@Test
	void aRequestWithMoreThanOneApiKeyIsRefusedWhicheverOfThemIsValid() throws Exception {
		List<String[]> headers = List.of(new String[] { "X-API-Key", READER_KEY, "X-API-Key", READER_KEY },
				new String[] { "X-API-Key", READER_KEY, "X-API-Key", "nobody-" + UUID.randomUUID() },
				new String[] { "X-API-Key", "nobody-" + UUID.randomUUID(), "X-API-Key", READER_KEY },
				new String[] { "X-API-Key", READER_KEY, "Authorization", "ApiKey " + WRITER_KEY });
		for (String[] twoKeys : headers) {
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/snapshots"))
					.headers(twoKeys)
					.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(response.statusCode()).as(String.join(" ", twoKeys)).isEqualTo(401);
			assertThat(response.body()).contains("\"code\":\"UNAUTHENTICATED\"").contains("Send one API key");
		}
	}

	static Stream<Arguments> endpointsAndScopes() {
		List<String[]> endpoints = List.of(new String[] { "GET", "/providers", "snapshots:read" },
				new String[] { "GET", "/snapshots", "snapshots:read" },
				new String[] { "GET", "/snapshots/none:1", "snapshots:read" },
				new String[] { "GET", "/snapshots/none:1/members", "snapshots:read" },
				new String[] { "GET", "/restores/abc.def", "snapshots:read" },
				new String[] { "POST", "/snapshots", "snapshots:write" },
				new String[] { "PATCH", "/snapshots/none:1", "snapshots:write" },
				new String[] { "DELETE", "/snapshots/none:1", "snapshots:write" },
				new String[] { "POST", "/restores", "restores:write" },
				new String[] { "GET", "/policies", "policies:read" },
				new String[] { "GET", "/policies/none:p-1", "policies:read" },
				new String[] { "POST", "/policies", "policies:write" },
				new String[] { "PUT", "/policies/none:p-1", "policies:write" },
				new String[] { "DELETE", "/policies/none:p-1", "policies:write" },
				new String[] { "POST", "/policies/none:p-1/targets", "policies:write" },
				new String[] { "DELETE", "/policies/none:p-1/targets/v-1", "policies:write" },
				new String[] { "PUT", "/policies/none:p-1?dryRun=true", "policies:write" },
				new String[] { "DELETE", "/policies/none:p-1?dryRun=true", "policies:write" },
				new String[] { "POST", "/policies/none:p-1/targets?dryRun=true", "policies:write" },
				new String[] { "DELETE", "/policies/none:p-1/targets/v-1?dryRun=true", "policies:write" },
				new String[] { "GET", "/actuator/prometheus", "actuator:read" },
				new String[] { "GET", "/actuator/metrics", "actuator:read" });
		List<String> scopes = List.of("snapshots:read", "snapshots:write", "restores:write", "policies:read",
				"policies:write", "actuator:read");
		return endpoints.stream()
			.flatMap((endpoint) -> scopes.stream()
				.map((scope) -> Arguments.of(endpoint[0], endpoint[1], endpoint[2], scope)));
	}

	@ParameterizedTest(name = "{0} {1} with {3}")
	@MethodSource("endpointsAndScopes")
	void everyEndpointNeedsItsScope(String method, String path, String needed, String held) throws Exception {
		HttpResponse<String> response = send(method, path, bearer(token(ISSUER, AUDIENCE, held, 300)));
		if (needed.equals(held)) {
			assertThat(response.statusCode()).as(response.body()).isNotIn(401, 403);
		}
		else {
			assertThat(response.statusCode()).isEqualTo(403);
		}
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("policyEndpoints")
	void withoutCredentialsEveryPolicyEndpointIsA401Problem(String method, String path) throws Exception {
		HttpResponse<String> response = send(method, path, null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("\"code\":\"UNAUTHENTICATED\"");
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("policyEndpoints")
	void snapshotScopesDoNotReachPolicies(String method, String path) throws Exception {
		HttpResponse<String> response = send(method, path,
				bearer(token(ISSUER, AUDIENCE, "snapshots:read snapshots:write restores:write", 300)));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("\"code\":\"FORBIDDEN\"").contains("policies:write");
	}

	@Test
	void anApiKeyMayHoldThePolicyScopes() throws Exception {
		assertThat(send("GET", "/policies", apiKey(SCHEDULER_KEY)).statusCode()).isEqualTo(200);
		assertThat(send("POST", "/policies", apiKey(SCHEDULER_KEY)).statusCode()).isEqualTo(400);
		assertThat(send("GET", "/snapshots", apiKey(SCHEDULER_KEY)).statusCode()).isEqualTo(403);
	}

	@Test
	void policiesReadDoesNotAllowChangingThem() throws Exception {
		assertThat(send("GET", "/policies", bearer(token(ISSUER, AUDIENCE, "policies:read", 300))).statusCode())
			.isEqualTo(200);
		assertThat(send("DELETE", "/policies/none:p-1", bearer(token(ISSUER, AUDIENCE, "policies:read", 300)))
			.statusCode()).isEqualTo(403);
		assertThat(send("GET", "/policies", bearer(token(ISSUER, AUDIENCE, "policies:write", 300))).statusCode())
			.isEqualTo(403);
	}

	static Stream<Arguments> policyEndpoints() {
		return Stream.of(Arguments.of("GET", "/policies"), Arguments.of("GET", "/policies/none:p-1"),
				Arguments.of("POST", "/policies"), Arguments.of("PUT", "/policies/none:p-1"),
				Arguments.of("DELETE", "/policies/none:p-1"), Arguments.of("POST", "/policies/none:p-1/targets"),
				Arguments.of("DELETE", "/policies/none:p-1/targets/v-1"));
	}

	private HttpResponse<String> send(String method, String path, String[] header) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (header != null) {
			request.header(header[0], header[1]);
		}
		if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString("{}"));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String[] bearer(String token) {
		return new String[] { "Authorization", "Bearer " + token };
	}

	private static String[] apiKey(String key) {
		return new String[] { "X-API-Key", key };
	}

	static String token(String issuer, String audience, String scope, long expiresInSeconds) throws Exception {
		return token(signingKey, issuer, audience, scope, expiresInSeconds);
	}

	static String token(RSAKey key, String issuer, String audience, String scope, long expiresInSeconds) {
		return TestTokens.token(key, issuer, audience, "tool-" + scope.replace(':', '-'), scope, expiresInSeconds,
				Map.of());
	}

}
