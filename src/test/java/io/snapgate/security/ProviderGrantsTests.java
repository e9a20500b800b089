package io.snapgate.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.jwk.RSAKey;
import io.snapgate.api.RestoreIdCodec;
import io.snapgate.application.ProviderScope;
import io.snapgate.domain.Member;
import io.snapgate.domain.MemberType;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.RestoreHandle;
import io.snapgate.testing.FakePolicyProvider;
import io.snapgate.testing.FakeProviderFactories;
import io.snapgate.testing.FakeSnapshotProvider;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grants per provider, over three providers ({@code baidu-bj}, {@code baidu-gz},
 * {@code vergeos-prod}) and callers limited to some of them, by API key and by JWT alike:
 * every endpoint against a provider the caller may use, one it may only read, and one it
 * does not see, which must answer exactly as a provider that is not configured and be
 * asked nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(FakeProviderFactories.class)
@ExtendWith(OutputCaptureExtension.class)
class ProviderGrantsTests {

	private static final String BJ = "baidu-bj";

	private static final String GZ = "baidu-gz";

	private static final String PROD = "vergeos-prod";

	/** Of the same length as {@link #PROD}, and configured nowhere. */
	private static final String UNCONFIGURED = "vergeos-gone";

	private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

	/** Everything on baidu-bj, reads on both Baidu providers, nothing of VergeOS. */
	private static final String NARROW_KEY = "narrow-" + "a".repeat(40);

	private static final String WIDE_KEY = "wide-" + "b".repeat(40);

	private static final String TEAM_BAIDU_KEY = "team-baidu-" + "c".repeat(40);

	private static final String DR_ONCALL_KEY = "dr-oncall-" + "d".repeat(40);

	private static final String ALL_SCOPES = "snapshots:read,snapshots:write,restores:write,policies:read,policies:write";

	@RegisterExtension
	static WireMockExtension jwks = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final RSAKey signingKey = TestTokens.generateKey("grants");

	/** The same grants as {@link #NARROW_KEY}, as an identity provider issues them. */
	private static final String NARROW_TOKEN = TestTokens.token(signingKey, TestTokens.ISSUER, TestTokens.AUDIENCE,
			"svc-narrow", ALL_SCOPES.replace(',', ' '), 3600,
			Map.of("snapgate_grants", List.of("*@baidu-bj", "snapshots:read@baidu-*", "policies:read@baidu-*")));

	private static final String WIDE_TOKEN = TestTokens.token(signingKey, TestTokens.ISSUER, TestTokens.AUDIENCE,
			"svc-wide", ALL_SCOPES.replace(',', ' '), 3600, Map.of());

	private static final String VOLUME_POLICY = """
			{"provider": "{p}", "name": "nightly-db",
			 "schedule": {"timeZone": "Asia/Shanghai", "rules": [{"every": "DAY", "at": "03:00"}]},
			 "retention": {"keepFor": "P7D", "minKept": null},
			 "targets": [{"type": "VOLUME", "id": "v-9"}]}""";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	RestoreIdCodec restoreIds;

	@DynamicPropertySource
	static void configuration(DynamicPropertyRegistry registry) {
		registry.add("snapgate.providers.baidu-bj.type", () -> "fake-volume-policies");
		registry.add("snapgate.providers.baidu-gz.type", () -> "fake-volume-policies");
		registry.add("snapgate.providers.vergeos-prod.type", () -> "fake-system-policies");
		for (String provider : List.of(BJ, GZ, PROD)) {
			registry.add("snapgate.providers." + provider + ".resilience.read-cache-ttl", () -> "0s");
		}
		// no survey of the policies during a test: every call a provider gets is the
		// test's
		registry.add("snapgate.policies.metrics-refresh", () -> "PT1H");
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> jwks.baseUrl() + "/jwks.json");
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
		registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> TestTokens.AUDIENCE);
		key(registry, 0, "narrow", NARROW_KEY, ALL_SCOPES);
		registry.add("snapgate.security.api-keys[0].providers", () -> BJ);
		registry.add("snapgate.security.api-keys[0].grants[0].scopes", () -> "snapshots:read,policies:read");
		registry.add("snapgate.security.api-keys[0].grants[0].providers", () -> "baidu-*");
		key(registry, 1, "wide", WIDE_KEY, ALL_SCOPES);
		key(registry, 2, "team-baidu", TEAM_BAIDU_KEY, "snapshots:read,snapshots:write,restores:write");
		registry.add("snapgate.security.api-keys[2].providers", () -> "baidu-*");
		key(registry, 3, "dr-oncall", DR_ONCALL_KEY, "snapshots:read,restores:write");
		registry.add("snapgate.security.api-keys[3].grants[0].scopes", () -> "restores:write");
		registry.add("snapgate.security.api-keys[3].grants[0].providers", () -> PROD);
	}

	private static void key(DynamicPropertyRegistry registry, int index, String owner, String key, String scopes) {
		registry.add("snapgate.security.api-keys[" + index + "].owner", () -> owner);
		registry.add("snapgate.security.api-keys[" + index + "].sha256", () -> ApiKeyHashes.sha256Hex(key));
		registry.add("snapgate.security.api-keys[" + index + "].scopes", () -> scopes);
	}

	@BeforeEach
	void seed() {
		jwks.stubFor(get("/jwks.json").willReturn(
				aResponse().withHeader("Content-Type", "application/json").withBody(TestTokens.keySet(signingKey))));
		for (String id : List.of(BJ, GZ, PROD)) {
			FakeSnapshotProvider provider = provider(id);
			provider.reset();
			provider.withSnapshot("s-1", "daily", T0);
			FakePolicyProvider policies = provider.policyFake();
			policies.withPolicy(policies.policy("p-1", "nightly", T0, T0,
					id.equals(PROD) ? PolicyTarget.SYSTEM : PolicyTarget.volume("v-1")));
		}
		provider(PROD).withMembers("s-1", new Member(MemberType.VM, "41", "web-01"));
	}

	/**
	 * What a caller may do on a provider: everything, read only, or nothing, where the
	 * provider answers as one that is not configured.
	 */
	enum Reach {

		FULL, READ_ONLY, FOREIGN

	}

	/**
	 * @param path with {@code {p}} for the provider and {@code {restore}} for a restore
	 * id made on it
	 * @param body with {@code {p}} for the provider; {@code null} for none
	 */
	record Endpoint(String method, String path, @Nullable String body, ProviderScope scope) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	static List<Endpoint> endpoints() {
		return List.of(new Endpoint("GET", "/snapshots/{p}:s-1", null, ProviderScope.SNAPSHOTS_READ),
				new Endpoint("GET", "/snapshots/{p}:s-1/members", null, ProviderScope.SNAPSHOTS_READ),
				new Endpoint("GET", "/snapshots?provider={p}", null, ProviderScope.SNAPSHOTS_READ),
				new Endpoint("GET", "/snapshots?policy={p}:p-1", null, ProviderScope.SNAPSHOTS_READ),
				new Endpoint("GET", "/restores/{restore}", null, ProviderScope.SNAPSHOTS_READ),
				new Endpoint("POST", "/snapshots",
						"{\"provider\":\"{p}\",\"name\":\"pre_upgrade\",\"volumeId\":\"v-1\"}",
						ProviderScope.SNAPSHOTS_WRITE),
				new Endpoint("POST", "/snapshots?dryRun=true",
						"{\"provider\":\"{p}\",\"name\":\"pre_upgrade\",\"volumeId\":\"v-1\"}",
						ProviderScope.SNAPSHOTS_WRITE),
				new Endpoint("PATCH", "/snapshots/{p}:s-1", "{\"description\":\"kept for the audit\"}",
						ProviderScope.SNAPSHOTS_WRITE),
				new Endpoint("PATCH", "/snapshots/{p}:s-1?dryRun=true", "{\"description\":\"kept for the audit\"}",
						ProviderScope.SNAPSHOTS_WRITE),
				new Endpoint("DELETE", "/snapshots/{p}:s-1", null, ProviderScope.SNAPSHOTS_WRITE),
				new Endpoint("DELETE", "/snapshots/{p}:s-1?dryRun=true", null, ProviderScope.SNAPSHOTS_WRITE),
				new Endpoint("POST", "/restores",
						"""
								{"snapshotId":"{p}:s-1","target":{"type":"VOLUME"},"confirmInPlace":true,"safetySnapshot":false}""",
						ProviderScope.RESTORES_WRITE),
				new Endpoint("POST", "/restores?dryRun=true",
						"""
								{"snapshotId":"{p}:s-1","target":{"type":"VOLUME"},"confirmInPlace":true,"safetySnapshot":false}""",
						ProviderScope.RESTORES_WRITE),
				new Endpoint("GET", "/policies?provider={p}", null, ProviderScope.POLICIES_READ),
				new Endpoint("GET", "/policies/{p}:p-1", null, ProviderScope.POLICIES_READ),
				new Endpoint("POST", "/policies", VOLUME_POLICY, ProviderScope.POLICIES_WRITE),
				new Endpoint("POST", "/policies?dryRun=true", VOLUME_POLICY, ProviderScope.POLICIES_WRITE),
				new Endpoint("PUT", "/policies/{p}:p-1",
						"""
								{"name": "renamed", "schedule": {"timeZone": "Asia/Shanghai", "rules": [{"every": "DAY", "at": "02:00"}]},
								 "retention": {"forever": true}}""",
						ProviderScope.POLICIES_WRITE),
				new Endpoint("POST", "/policies/{p}:p-1/targets",
						"{\"targets\": [{\"type\": \"VOLUME\", \"id\": \"v-2\"}]}", ProviderScope.POLICIES_WRITE),
				new Endpoint("DELETE", "/policies/{p}:p-1/targets/v-1", null, ProviderScope.POLICIES_WRITE),
				new Endpoint("DELETE", "/policies/{p}:p-1", null, ProviderScope.POLICIES_WRITE));
	}

	static Stream<Arguments> matrix() {
		Map<String, Reach> reach = new LinkedHashMap<>();
		reach.put(BJ, Reach.FULL);
		reach.put(GZ, Reach.READ_ONLY);
		reach.put(PROD, Reach.FOREIGN);
		return Stream.of("api key", "jwt")
			.flatMap((caller) -> endpoints().stream()
				.flatMap((endpoint) -> reach.entrySet()
					.stream()
					.map((provider) -> Arguments.of(caller, endpoint, provider.getKey(), provider.getValue()))));
	}

	@ParameterizedTest(name = "{0}: {1} on {2} ({3})")
	@MethodSource("matrix")
	void everyEndpointOnEveryProviderAsTheGrantsSay(String caller, Endpoint endpoint, String provider, Reach reach) {
		String[] credential = caller.equals("api key") ? apiKey(NARROW_KEY) : bearer(NARROW_TOKEN);
		boolean reads = endpoint.scope() == ProviderScope.SNAPSHOTS_READ
				|| endpoint.scope() == ProviderScope.POLICIES_READ;

		Exchange exchange = call(endpoint, provider, credential);
		MockHttpServletResponse answer = exchange.response();

		if (reach == Reach.FULL || (reach == Reach.READ_ONLY && reads)) {
			assertThat(answer.getStatus()).as(body(answer)).isBetween(200, 299);
			assertThat(upstreamCalls(provider)).isNotEmpty();
		}
		else if (reach == Reach.READ_ONLY) {
			assertThat(answer.getStatus()).isEqualTo(403);
			assertThat(JsonPath.<String>read(body(answer), "$.code")).isEqualTo("FORBIDDEN");
			assertThat(JsonPath.<String>read(body(answer), "$.detail"))
				.contains(endpoint.scope().value() + " on " + provider);
			assertThat(upstreamCalls(provider)).isEmpty();
		}
		else {
			Exchange unconfigured = call(endpoint, UNCONFIGURED, credential);
			assertThat(answer.getStatus()).isIn(400, 404);
			assertThat(Answer.of(exchange)).isEqualTo(Answer.of(unconfigured));
			assertThat(upstreamCalls(provider)).isEmpty();
		}
	}

	@Test
	void withoutRestrictionsEveryCallerReachesEveryProviderAsBefore() {
		for (String[] credential : List.of(apiKey(WIDE_KEY), bearer(WIDE_TOKEN))) {
			assertThat(providerIds(credential)).containsExactly(BJ, GZ, PROD);
			assertThat(listed("/snapshots", credential)).containsExactly("baidu-bj:s-1", "baidu-gz:s-1",
					"vergeos-prod:s-1");
			assertThat(this.mvc.perform(request("DELETE", "/snapshots/vergeos-prod:s-1", null, credential)))
				.hasStatus(204);
			provider(PROD).withSnapshot("s-1", "daily", T0);
		}
	}

	@Test
	void theProvidersEndpointShowsOnlyWhatTheCallerSeesAndAsksNothingOfTheRest() {
		assertThat(providerIds(apiKey(NARROW_KEY))).containsExactly(BJ, GZ);
		assertThat(providerIds(bearer(NARROW_TOKEN))).containsExactly(BJ, GZ);
		assertThat(providerIds(apiKey(TEAM_BAIDU_KEY))).containsExactly(BJ, GZ);
		assertThat(providerIds(apiKey(DR_ONCALL_KEY))).containsExactly(BJ, GZ, PROD);
		assertThat(provider(BJ).callsTo("health")).isEqualTo(4);
		assertThat(provider(PROD).callsTo("health")).as("only the caller who sees it").isEqualTo(1);
	}

	@Test
	void mergedListingsShowOnlyTheProvidersTheCallerMayRead() {
		for (String[] narrow : List.of(apiKey(NARROW_KEY), bearer(NARROW_TOKEN))) {
			assertThat(listed("/snapshots", narrow)).containsExactly("baidu-bj:s-1", "baidu-gz:s-1");
			assertThat(listed("/policies", narrow)).containsExactly("baidu-bj:p-1", "baidu-gz:p-1");
		}
		assertThat(listed("/snapshots", apiKey(TEAM_BAIDU_KEY))).containsExactly("baidu-bj:s-1", "baidu-gz:s-1");
		assertThat(listed("/snapshots", apiKey(DR_ONCALL_KEY))).containsExactly("baidu-bj:s-1", "baidu-gz:s-1",
				"vergeos-prod:s-1");
		assertThat(provider(PROD).callsTo("list")).as("only the caller who reads it").isEqualTo(1);
		assertThat(provider(PROD).policyFake().calls()).isEmpty();
	}

	@Test
	void aPageTokenOfAWiderCallerNeverBringsAForeignProviderBackToANarrowerOne() {
		seedInterleaved();
		for (String[] narrow : List.of(apiKey(NARROW_KEY), bearer(NARROW_TOKEN))) {
			MvcTestResult first = this.mvc.perform(request("GET", "/snapshots?pageSize=3", null, apiKey(WIDE_KEY)));
			assertThat(first).hasStatusOk();
			List<String> wideFirstPage = JsonPath.read(content(first), "$.items[*].id");
			assertThat(wideFirstPage).anyMatch((id) -> id.startsWith(PROD + ":"));
			String token = JsonPath.read(content(first), "$.nextPageToken");
			provider(PROD).reset();

			List<String> seen = new ArrayList<>();
			while (token != null) {
				MvcTestResult page = this.mvc
					.perform(request("GET", "/snapshots?pageSize=3&pageToken=" + token, null, narrow));
				assertThat(page).hasStatusOk();
				seen.addAll(JsonPath.read(content(page), "$.items[*].id"));
				token = JsonPath.read(content(page), "$.nextPageToken");
				assertThat(payloadOf(token)).doesNotContain(PROD);
			}

			assertThat(seen).isNotEmpty().allMatch((id) -> id.startsWith("baidu-")).doesNotHaveDuplicates();
			assertThat(provider(PROD).calls()).isEmpty();
			seedInterleaved();
		}
	}

	@Test
	void aNarrowCallerPagesThroughEveryOneOfItsSnapshotsOnceWithTokensThatNameNoOtherProvider() {
		seedInterleaved();
		for (String[] narrow : List.of(apiKey(NARROW_KEY), bearer(NARROW_TOKEN))) {
			List<String> seen = new ArrayList<>();
			String token = null;
			do {
				MvcTestResult page = this.mvc.perform(request("GET",
						"/snapshots?pageSize=2" + ((token != null) ? "&pageToken=" + token : ""), null, narrow));
				assertThat(page).hasStatusOk();
				seen.addAll(JsonPath.read(content(page), "$.items[*].id"));
				token = JsonPath.read(content(page), "$.nextPageToken");
				assertThat(payloadOf(token)).doesNotContain(PROD);
			}
			while (token != null);

			assertThat(seen).containsExactlyInAnyOrder("baidu-bj:s-1", "baidu-gz:s-1", "baidu-bj:s-2", "baidu-gz:s-2",
					"baidu-bj:s-3", "baidu-gz:s-3");
		}
		assertThat(provider(PROD).callsTo("list")).isZero();
	}

	@Test
	void aNarrowCallersPolicyTokenNamesNoOtherProviderAndAWiderCallersTokenGivesItNoneOfTheirs() {
		MvcTestResult wide = this.mvc.perform(request("GET", "/policies?pageSize=1", null, apiKey(WIDE_KEY)));
		String token = JsonPath.read(content(wide), "$.nextPageToken");
		List<String> seen = new ArrayList<>();
		while (token != null) {
			MvcTestResult page = this.mvc
				.perform(request("GET", "/policies?pageSize=1&pageToken=" + token, null, bearer(NARROW_TOKEN)));
			assertThat(page).hasStatusOk();
			seen.addAll(JsonPath.read(content(page), "$.items[*].id"));
			token = JsonPath.read(content(page), "$.nextPageToken");
			assertThat(payloadOf(token)).doesNotContain(PROD);
		}

		assertThat(seen).containsExactly("baidu-gz:p-1");
		assertThat(provider(PROD).policyFake().callsTo("list")).as("only for the wide caller's first page")
			.isEqualTo(1);
	}

	@Test
	void aRestoreIdMadeForOneCallerGivesAnotherOnlyWhatItsOwnGrantsGive() {
		String onGz = restoreId(this.mvc.perform(request("POST", "/restores",
				"""
						{"snapshotId":"baidu-gz:s-1","target":{"type":"VOLUME"},"confirmInPlace":true,"safetySnapshot":false}""",
				apiKey(WIDE_KEY))));
		String onProd = restoreId(this.mvc.perform(request("POST", "/restores",
				"{\"snapshotId\":\"vergeos-prod:s-1\",\"target\":{\"type\":\"VM\",\"member\":\"web-01\"}}",
				apiKey(WIDE_KEY))));
		provider(PROD).reset();

		for (String[] narrow : List.of(apiKey(NARROW_KEY), bearer(NARROW_TOKEN), apiKey(TEAM_BAIDU_KEY))) {
			assertThat(this.mvc.perform(request("GET", "/restores/" + onGz, null, narrow))).hasStatusOk()
				.bodyJson()
				.extractingPath("$.snapshotId")
				.isEqualTo("baidu-gz:s-1");

			Exchange foreign = new Exchange(
					this.mvc.perform(request("GET", "/restores/" + onProd, null, narrow)).getResponse(), PROD, onProd);
			// the same restore, made on a provider of that name
			String unconfiguredId = this.restoreIds.encode(new ProviderId(UNCONFIGURED),
					this.restoreIds.decode(onProd).handle());
			Exchange unconfigured = new Exchange(
					this.mvc.perform(request("GET", "/restores/" + unconfiguredId, null, narrow)).getResponse(),
					UNCONFIGURED, unconfiguredId);
			assertThat(foreign.response().getStatus()).isEqualTo(404);
			assertThat(Answer.of(foreign)).isEqualTo(Answer.of(unconfigured));
		}
		assertThat(this.mvc.perform(request("GET", "/restores/" + onProd, null, apiKey(DR_ONCALL_KEY)))).hasStatusOk();
		assertThat(provider(PROD).callsTo("restoreStatus")).as("only for the caller who sees it").isEqualTo(1);
	}

	@Test
	void theTwoTeamsOfTheSecurityPageDoWhatItSays() {
		String restore = """
				{"snapshotId":"{s}","target":{"type":"VOLUME"},"confirmInPlace":true,"safetySnapshot":false}""";
		String vmRestore = "{\"snapshotId\":\"vergeos-prod:s-1\",\"target\":{\"type\":\"VM\",\"member\":\"web-01\"}}";

		assertThat(this.mvc
			.perform(request("POST", "/restores", restore.replace("{s}", "baidu-gz:s-1"), apiKey(TEAM_BAIDU_KEY))))
			.hasStatus(202);
		assertThat(this.mvc.perform(request("DELETE", "/snapshots/baidu-bj:s-1", null, apiKey(TEAM_BAIDU_KEY))))
			.hasStatus(204);
		assertThat(this.mvc.perform(request("POST", "/restores", vmRestore, apiKey(TEAM_BAIDU_KEY)))).hasStatus(404)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("SNAPSHOT_NOT_FOUND");

		assertThat(this.mvc.perform(request("POST", "/restores", vmRestore, apiKey(DR_ONCALL_KEY)))).hasStatus(202);
		MvcTestResult refused = this.mvc
			.perform(request("POST", "/restores", restore.replace("{s}", "baidu-gz:s-1"), apiKey(DR_ONCALL_KEY)));
		assertThat(refused).hasStatus(403)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("restores:write on baidu-gz");
		assertThat(this.mvc.perform(request("GET", "/snapshots/baidu-gz:s-1", null, apiKey(DR_ONCALL_KEY))))
			.hasStatusOk();
	}

	@Test
	void eachAuditLineNamesTheCallerItsTenantAndTheProvider(CapturedOutput output) {
		assertThat(this.mvc.perform(request("DELETE", "/snapshots/baidu-bj:s-1", null, apiKey(NARROW_KEY))))
			.hasStatus(204);
		assertThat(this.mvc.perform(request("DELETE", "/snapshots/baidu-gz:s-1", null, apiKey(WIDE_KEY))))
			.hasStatus(204);
		assertThat(this.mvc.perform(request("DELETE", "/policies/baidu-bj:p-1", null, bearer(NARROW_TOKEN))))
			.hasStatus(204);

		assertThat(output).contains("audit delete baidu-bj:s-1 on baidu-bj by apikey:narrow of tenant narrow: success")
			.contains("audit delete baidu-gz:s-1 on baidu-gz by apikey:wide of tenant wide: success")
			.contains("audit policy-delete baidu-bj:p-1 on baidu-bj by jwt:svc-narrow of tenant svc-narrow@"
					+ TestTokens.ISSUER + ": success");
	}

	@Test
	void aTokenWhoseGrantsClaimCannotBeReadIsRefused() {
		String malformed = TestTokens.token(signingKey, TestTokens.ISSUER, TestTokens.AUDIENCE, "svc-odd",
				"snapshots:read", 3600, Map.of("snapgate_grants", List.of("snapshots:read=baidu-bj")));

		MvcTestResult refused = this.mvc.perform(request("GET", "/snapshots", null, bearer(malformed)));

		assertThat(refused).hasStatus(401).bodyJson().extractingPath("$.detail").asString().contains("snapgate_grants");
		assertThat(upstreamCalls(BJ)).isEmpty();
	}

	private Exchange call(Endpoint endpoint, String provider, String[] credential) {
		String restoreId = this.restoreIds.encode(new ProviderId(provider), new RestoreHandle("s-1|volume|0|"));
		String path = endpoint.path().replace("{p}", provider).replace("{restore}", restoreId);
		String body = (endpoint.body() != null) ? endpoint.body().replace("{p}", provider) : null;
		return new Exchange(this.mvc.perform(request(endpoint.method(), path, body, credential)).getResponse(),
				provider, restoreId);
	}

	private static MockHttpServletRequestBuilder request(String method, String path, @Nullable String body,
			String[] credential) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path)
			.header(credential[0], credential[1]);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return request;
	}

	/**
	 * An answer, and what of the request it may echo: the provider's id and the restore
	 * id that the caller sent.
	 */
	record Exchange(MockHttpServletResponse response, String provider, String restoreId) {
	}

	/**
	 * Status, headers and body, byte for byte, with the provider's id and the restore id
	 * the caller sent written the same for every provider.
	 */
	record Answer(int status, Map<String, List<String>> headers, String body) {

		static Answer of(Exchange exchange) {
			MockHttpServletResponse response = exchange.response();
			Map<String, List<String>> headers = new LinkedHashMap<>();
			response.getHeaderNames()
				.forEach((name) -> headers.put(name,
						response.getHeaders(name).stream().map((value) -> echoed(value, exchange)).toList()));
			return new Answer(response.getStatus(), headers, echoed(ProviderGrantsTests.body(response), exchange));
		}

		private static String echoed(String text, Exchange exchange) {
			return text.replace(exchange.restoreId(), "<restore id>").replace(exchange.provider(), "<provider>");
		}

	}

	private static String body(MockHttpServletResponse response) {
		return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	private static String content(MvcTestResult result) {
		return body(result.getResponse());
	}

	private List<String> providerIds(String[] credential) {
		MvcTestResult providers = this.mvc.perform(request("GET", "/providers", null, credential));
		assertThat(providers).hasStatusOk();
		return JsonPath.read(content(providers), "$[*].id");
	}

	private List<String> listed(String path, String[] credential) {
		MvcTestResult listing = this.mvc.perform(request("GET", path, null, credential));
		assertThat(listing).hasStatusOk();
		return JsonPath.read(content(listing), "$.items[*].id");
	}

	private static String restoreId(MvcTestResult started) {
		assertThat(started).hasStatus(202);
		return JsonPath.read(content(started), "$.id");
	}

	/** What a page token says, to anyone who reads it: it is signed, not encrypted. */
	private static String payloadOf(@Nullable String token) {
		if (token == null) {
			return "";
		}
		return new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
				StandardCharsets.UTF_8);
	}

	/** Three snapshots on each provider, the providers' newest and oldest interleaved. */
	private static void seedInterleaved() {
		for (long i = 1; i <= 3; i++) {
			provider(BJ).withSnapshot("s-" + i, "bj" + i, T0.plusSeconds(180 * i));
			provider(GZ).withSnapshot("s-" + i, "gz" + i, T0.plusSeconds(180 * i + 60));
			provider(PROD).withSnapshot("s-" + i, "prod" + i, T0.plusSeconds(180 * i + 120));
		}
	}

	private static List<String> upstreamCalls(String id) {
		FakeSnapshotProvider provider = provider(id);
		List<String> calls = new ArrayList<>(provider.calls());
		calls.addAll(provider.policyFake().calls());
		return calls;
	}

	private static FakeSnapshotProvider provider(String id) {
		FakeSnapshotProvider provider = FakeProviderFactories.BUILT.get(id);
		assertThat(provider).as("provider " + id + " is built").isNotNull();
		return provider;
	}

	private static String[] apiKey(String key) {
		return new String[] { "X-API-Key", key };
	}

	private static String[] bearer(String token) {
		return new String[] { "Authorization", "Bearer " + token };
	}

}
