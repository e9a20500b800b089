package io.snapgate.observability;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.UpstreamUnavailableException;
import io.snapgate.security.ApiKeyHashes;
import io.snapgate.testing.FakePolicyProvider;
import io.snapgate.testing.FakeProviderFactories;
import io.snapgate.testing.FakeSnapshotProvider;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator sees: metrics in the Prometheus scrape, provider health from the
 * breakers, and readiness that does not depend on any upstream.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(FakeProviderFactories.class)
class OperatorViewTests {

	private static final String KEY = "operator-" + "9".repeat(40);

	@Autowired
	MockMvcTester mvc;

	@DynamicPropertySource
	static void configuration(DynamicPropertyRegistry registry) {
		registry.add("snapgate.providers.ops-healthy.type", () -> "fake-volume");
		registry.add("snapgate.providers.ops-sick.type", () -> "fake-system");
		registry.add("snapgate.providers.ops-scheduled.type", () -> "fake-volume-policies");
		registry.add("snapgate.policies.metrics-refresh", () -> "PT0.5S");
		registry.add("snapgate.providers.ops-sick.resilience.sliding-window-size", () -> "4");
		registry.add("snapgate.providers.ops-sick.resilience.minimum-calls", () -> "4");
		registry.add("snapgate.providers.ops-sick.resilience.retry-attempts", () -> "1");
		registry.add("snapgate.providers.ops-sick.resilience.open-state-wait", () -> "PT10M");
		registry.add("snapgate.security.api-keys[0].owner", () -> "operator");
		registry.add("snapgate.security.api-keys[0].sha256", () -> ApiKeyHashes.sha256Hex(KEY));
		registry.add("snapgate.security.api-keys[0].scopes", () -> "snapshots:read,policies:read,actuator:read");
	}

	@BeforeEach
	void seed() {
		FakeProviderFactories.BUILT.values().forEach(FakeSnapshotProvider::reset);
		FakeProviderFactories.BUILT.get("ops-healthy")
			.withSnapshot("s-1", "one", Instant.parse("2026-11-22T00:00:00Z"));
	}

	@Test
	void upstreamCallsAreTimedWithBoundedTagsInThePrometheusScrape() throws Exception {
		assertThat(this.mvc.get().uri("/snapshots/ops-healthy:s-1").header("X-API-Key", KEY)).hasStatusOk();
		assertThat(this.mvc.get().uri("/snapshots/ops-healthy:s-404").header("X-API-Key", KEY)).hasStatus(404);

		String scrape = this.mvc.get()
			.uri("/actuator/prometheus")
			.header("X-API-Key", KEY)
			.exchange()
			.getResponse()
			.getContentAsString();

		assertThat(scrape).containsPattern(
				"snapgate_upstream_requests_seconds_count\\{[^}]*operation=\"get\"[^}]*outcome=\"success\"[^}]*provider=\"ops-healthy\"[^}]*provider_type=\"fake-volume\"[^}]*} [1-9]")
			.contains("snapgate_upstream_requests_seconds_bucket{")
			.containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"ops-healthy\"")
			.containsPattern("resilience4j_bulkhead_available_concurrent_calls\\{[^}]*name=\"ops-healthy\"")
			.containsPattern("resilience4j_retry_calls_total\\{[^}]*name=\"ops-healthy\"")
			.containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/snapshots/\\{id}\"")
			.doesNotContain("s-404")
			.doesNotContain(KEY);
	}

	@Test
	void policiesReadShowTheirAgeAndWhetherTheyAreOverdueOrNotAssignedInThePrometheusScrape() throws Exception {
		FakePolicyProvider policies = FakeProviderFactories.BUILT.get("ops-scheduled").policyFake();
		Instant now = Instant.now();
		policies
			.withPolicy(policies.policy("p-1", "fresh", now.minus(Duration.ofDays(30)), now.minus(Duration.ofHours(1)),
					PolicyTarget.volume("v-1")))
			.withPolicy(policies.policy("p-2", "late", now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(3)),
					PolicyTarget.volume("v-2")))
			.withPolicy(policies.policy("p-4", "idle", now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(20))));

		assertThat(this.mvc.get().uri("/policies").header("X-API-Key", KEY)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.items[*].overdue")
			.isEqualTo(List.of(false, true, false));

		// a survey that read the policies before they were made may land after this read:
		// the next one, half a second later, puts them back
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(scrape())
				.containsPattern(
						"snapgate_policy_overdue\\{policy=\"ops-scheduled:p-2\",provider=\"ops-scheduled\"} 1(\\.0)?\n")
				.containsPattern(
						"snapgate_policy_overdue\\{policy=\"ops-scheduled:p-1\",provider=\"ops-scheduled\"} 0(\\.0)?\n")
				.containsPattern(
						"snapgate_policy_last_snapshot_age_seconds\\{policy=\"ops-scheduled:p-1\",provider=\"ops-scheduled\"} 36\\d\\d")
				.containsPattern(
						"snapgate_policy_not_assigned\\{policy=\"ops-scheduled:p-4\",provider=\"ops-scheduled\"} 1(\\.0)?\n")
				.containsPattern(
						"snapgate_policy_overdue\\{policy=\"ops-scheduled:p-4\",provider=\"ops-scheduled\"} 0(\\.0)?\n")
				.containsPattern(
						"snapgate_policy_not_assigned\\{policy=\"ops-scheduled:p-2\",provider=\"ops-scheduled\"} 0(\\.0)?\n"));
	}

	@Test
	void policiesNobodyReadsAreSurveyedIntoTheScrape() {
		FakePolicyProvider policies = FakeProviderFactories.BUILT.get("ops-scheduled").policyFake();
		Instant now = Instant.now();
		policies.withPolicy(policies.policy("p-3", "unread", now.minus(Duration.ofDays(30)),
				now.minus(Duration.ofDays(5)), PolicyTarget.volume("v-3")));

		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(scrape()).containsPattern(
					"snapgate_policy_overdue\\{policy=\"ops-scheduled:p-3\",provider=\"ops-scheduled\"} 1(\\.0)?\n"));
	}

	private String scrape() throws Exception {
		return this.mvc.get()
			.uri("/actuator/prometheus")
			.header("X-API-Key", KEY)
			.exchange()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void anOpenBreakerDegradesTheProviderButNotReadiness() throws Exception {
		FakeSnapshotProvider sick = FakeProviderFactories.BUILT.get("ops-sick");
		sick.failWith(() -> new UpstreamUnavailableException(ErrorCode.UPSTREAM_UNAVAILABLE, "503", null, null));
		for (int i = 0; i < 4; i++) {
			assertThat(this.mvc.get().uri("/snapshots/ops-sick:s-1").header("X-API-Key", KEY)).hasStatus(503);
		}

		assertThat(this.mvc.get().uri("/snapshots/ops-sick:s-1").header("X-API-Key", KEY)).hasStatus(503)
			.headers()
			.containsHeader("Retry-After");
		assertThat(sick.callsTo("get")).isEqualTo(4);
		assertThat(this.mvc.get().uri("/providers").header("X-API-Key", KEY)).bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$[?(@.id=='ops-sick')].health").asArray().containsExactly("DEGRADED");
			json.assertThat().extractingPath("$[?(@.id=='ops-sick')].circuitBreaker").asArray().containsExactly("OPEN");
			json.assertThat().extractingPath("$[?(@.id=='ops-healthy')].health").asArray().containsExactly("UP");
		});
		assertThat(this.mvc.get().uri("/actuator/health/providers/ops-sick").header("X-API-Key", KEY)).bodyJson()
			.extractingPath("$.status")
			.isEqualTo("DEGRADED");
		assertThat(this.mvc.get().uri("/readyz")).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("UP");
		assertThat(this.mvc.get().uri("/snapshots").header("X-API-Key", KEY)).hasStatusOk()
			.bodyJson()
			.satisfies((json) -> {
				json.assertThat().extractingPath("$.partial").isEqualTo(true);
				json.assertThat().extractingPath("$.providerErrors[0].provider").isEqualTo("ops-sick");
			});
	}

}
