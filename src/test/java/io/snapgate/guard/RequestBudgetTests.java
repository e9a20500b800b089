package io.snapgate.guard;

import java.util.Set;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.Lane;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.domain.Scope;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.domain.SnapshotQuery;
import io.snapgate.domain.UpstreamBudgetExhaustedException;
import io.snapgate.security.ApiKeyHashes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A provider's request budget, counted by the fake VergeOS: eight requests an hour shared
 * by two replicas gives this one four, and half of them are kept for callers. Nothing is
 * kept between reads, so that every read asks the upstream.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class RequestBudgetTests {

	private static final String KEY = "budget-" + "b".repeat(40);

	private static final ProviderId PROVIDER = new ProviderId("budget");

	/** One upstream request: system snapshots only, not the VMs' as well. */
	private static final SnapshotQuery SYSTEM_ONLY = new SnapshotQuery(Set.of(), Scope.SYSTEM, null, null, null, null,
			false, null, null);

	@RegisterExtension
	static WireMockExtension vergeos = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ProviderRegistry registry;

	@DynamicPropertySource
	static void configuration(DynamicPropertyRegistry registry) {
		registry.add("snapgate.providers.budget.type", () -> "vergeos");
		registry.add("snapgate.providers.budget.base-url", () -> vergeos.baseUrl() + "/budget");
		registry.add("snapgate.providers.budget.username", () -> "svc");
		registry.add("snapgate.providers.budget.password", () -> "pw");
		registry.add("snapgate.providers.budget.resilience.read-cache-ttl", () -> "0s");
		registry.add("snapgate.providers.budget.resilience.budget-requests", () -> "8");
		registry.add("snapgate.providers.budget.resilience.budget-period", () -> "PT1H");
		registry.add("snapgate.providers.budget.resilience.budget-reserve", () -> "50");
		registry.add("snapgate.resilience.budget-replicas", () -> "2");
		registry.add("snapgate.security.api-keys[0].owner", () -> "budget");
		registry.add("snapgate.security.api-keys[0].sha256", () -> ApiKeyHashes.sha256Hex(KEY));
		registry.add("snapgate.security.api-keys[0].scopes", () -> "snapshots:read,actuator:read");
	}

	@BeforeEach
	void upstream() {
		vergeos.stubFor(get(urlPathEqualTo("/budget/api/v4/cloud_snapshots")).willReturn(okJson("[]")));
		vergeos.stubFor(get(urlPathMatching("/budget/api/v4/cloud_snapshot_(vms|tenants)")).willReturn(okJson("[]")));
		vergeos.stubFor(get(urlPathEqualTo("/budget/api/v4/machine_snapshots")).willReturn(okJson("[]")));
		vergeos.resetRequests();
	}

	@Test
	void backgroundWorkLeavesTheCallersReserveAndCallersGetThrough() {
		SnapshotProvider provider = this.registry.require(PROVIDER);

		Lane.inBackground(() -> provider.list(SYSTEM_ONLY, null, 20));
		Lane.inBackground(() -> provider.list(SYSTEM_ONLY, null, 20));
		assertThat(sent()).as("background spends up to the reserve").isEqualTo(2);
		Lane.inBackground(() -> assertThatExceptionOfType(UpstreamBudgetExhaustedException.class)
			.isThrownBy(() -> provider.list(SYSTEM_ONLY, null, 20))
			.satisfies((refused) -> assertThat(refused.code()).isEqualTo(ErrorCode.UPSTREAM_BUDGET_EXHAUSTED)));
		assertThat(sent()).as("a background call held back sends nothing").isEqualTo(2);

		assertThat(list()).hasStatusOk();
		assertThat(list()).hasStatusOk();
		assertThat(sent()).as("callers spend the reserve").isEqualTo(4);
	}

	@Test
	void aCallerOverBudgetIsToldWhenToComeBackAndNothingIsSent() {
		assertThat(list()).hasStatusOk();
		assertThat(list()).hasStatusOk();
		assertThat(list()).hasStatusOk();
		assertThat(list()).hasStatusOk();
		assertThat(sent()).isEqualTo(4);

		MvcTestResult refused = list();

		assertThat(refused).hasStatus(429)
			.bodyJson()
			.hasPathSatisfying("$.code", (code) -> assertThat(code).asString().isEqualTo("UPSTREAM_BUDGET_EXHAUSTED"))
			.hasPathSatisfying("$.provider", (provider) -> assertThat(provider).asString().isEqualTo("budget"))
			.hasPathSatisfying("$.detail",
					(detail) -> assertThat(detail).asString()
						.contains("4 requests every PT1H on this replica")
						.contains("nothing was sent"));
		assertThat(refused.getResponse().getContentType()).isEqualTo("application/problem+json");
		long retryAfter = Long.parseLong(refused.getResponse().getHeader(HttpHeaders.RETRY_AFTER));
		assertThat(retryAfter).as("until the next period").isBetween(1L, 3600L);
		assertThat(sent()).isEqualTo(4);
	}

	@Test
	void theRemainingPermitsAreAGaugePerProvider() throws Exception {
		assertThat(list()).hasStatusOk();

		String metrics = this.mvc.get()
			.uri("/actuator/prometheus")
			.header("X-API-Key", KEY)
			.exchange()
			.getResponse()
			.getContentAsString();

		assertThat(metrics).contains("resilience4j_ratelimiter_available_permissions{name=\"budget\"} 3.0");
	}

	/** One upstream request: system snapshots only, not the VMs' as well. */
	private MvcTestResult list() {
		return this.mvc.get().uri("/snapshots?provider=budget&scope=SYSTEM").header("X-API-Key", KEY).exchange();
	}

	private static int sent() {
		return vergeos.findAll(anyRequestedFor(anyUrl())).size();
	}

}
