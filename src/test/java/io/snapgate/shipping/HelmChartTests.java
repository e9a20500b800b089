package io.snapgate.shipping;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPeer;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1SecretKeySelector;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import io.snapgate.SnapGateApplication;
import io.snapgate.application.ProviderGlob;
import io.snapgate.config.SnapGateProperties;
import io.snapgate.domain.CopyHandle;
import io.snapgate.domain.CopyRule;
import io.snapgate.domain.CopyStatus;
import io.snapgate.domain.PolicyCopy;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.SnapshotStatus;
import io.snapgate.security.ApiKeyHashes;
import io.snapgate.security.SecuritySettings;
import io.snapgate.testing.FakeCopyProvider;
import io.snapgate.testing.FakePolicyProvider;
import io.snapgate.testing.FakeProviderFactories;
import io.snapgate.testing.FakeSnapshotProvider;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Helm chart, rendered by real Helm with its defaults and with production-like
 * values, read into the Kubernetes models and checked for what an operator relies on.
 */
class HelmChartTests {

	private static final Path PRODUCTION_VALUES = Path.of("src", "test", "resources", "shipping",
			"values-production.yaml");

	private static final RenderedChart DEFAULTS = RenderedChart.render(null);

	private static final RenderedChart PRODUCTION = RenderedChart.render(PRODUCTION_VALUES);

	private static final RenderedChart MONITORED = RenderedChart.render(PRODUCTION_VALUES,
			(template) -> template.set("prometheusRule.enabled", "true")
				.set("prometheusRule.labels.release", "kube-prometheus-stack")
				.set("grafanaDashboard.enabled", "true")
				.set("grafanaDashboard.annotations.grafana_folder", "SnapGate"));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> SELECTOR_KEYS = Set.of("app.kubernetes.io/name", "app.kubernetes.io/instance");

	/**
	 * {@code spring.lifecycle.timeout-per-shutdown-phase} in the app's application.yaml.
	 */
	private static final int SHUTDOWN_PHASE_SECONDS = 20;

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)}");

	static Stream<Named<RenderedChart>> releases() {
		return Stream.of(Named.of("default values", DEFAULTS), Named.of("production values", PRODUCTION),
				Named.of("production values with alerts and dashboard", MONITORED));
	}

	@Test
	void lintsCleanInStrictMode() {
		LintResult lint = new Helm(RenderedChart.CHART).lint().strict().call();

		assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
	}

	@Test
	void theDefaultsRenderTheCoreObjectsAndLeaveTheOptionalOnesOut() {
		assertThat(DEFAULTS.kinds()).containsExactly("ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Pod",
				"PodDisruptionBudget", "Service", "ServiceAccount");
	}

	@Test
	void productionValuesAddTheServiceMonitorAndTheNetworkPolicy() {
		assertThat(PRODUCTION.kinds()).containsExactly("ConfigMap", "Deployment", "HorizontalPodAutoscaler",
				"NetworkPolicy", "Pod", "PodDisruptionBudget", "Service", "ServiceAccount", "ServiceMonitor");
	}

	@Test
	void theAlertsAndTheDashboardRenderOnlyWhenAskedFor() {
		assertThat(DEFAULTS.kinds()).doesNotContain("PrometheusRule").containsOnlyOnce("ConfigMap");
		assertThat(PRODUCTION.kinds()).doesNotContain("PrometheusRule").containsOnlyOnce("ConfigMap");
		assertThat(MONITORED.kinds()).containsExactly("ConfigMap", "ConfigMap", "Deployment", "HorizontalPodAutoscaler",
				"NetworkPolicy", "Pod", "PodDisruptionBudget", "PrometheusRule", "Service", "ServiceAccount",
				"ServiceMonitor");
	}

	@Test
	void thePrometheusRuleAlertsOnAnOverduePolicyAPolicyAssignedToNothingAndAnOpenBreaker() {
		Map<String, Object> rule = MONITORED.prometheusRule();
		Map<String, Map<String, Object>> alerts = alerts(rule);

		assertThat(rule.get("apiVersion")).isEqualTo("monitoring.coreos.com/v1");
		assertThat(map(map(rule.get("metadata")).get("labels"))).containsEntry("release", "kube-prometheus-stack")
			.containsEntry("app.kubernetes.io/name", "snapgate");
		assertThat(alerts).containsOnlyKeys("SnapGatePolicyOverdue", "SnapGatePolicyNotAssigned",
				"SnapGatePolicyCopyOverdue", "SnapGateCopiesFailing", "SnapGateCircuitBreakerOpen",
				"SnapGateBudgetSpent", "SnapGateCoordinationDown");
		Map<String, Object> overdue = alerts.get("SnapGatePolicyOverdue");
		assertThat((String) overdue.get("expr")).contains("snapgate_policy_overdue").endsWith("== 1");
		assertThat(overdue.get("for")).isEqualTo("10m");
		assertThat(map(overdue.get("annotations")).get("summary"))
			.isEqualTo("Protection policy {{ $labels.policy }} is overdue");
		Map<String, Object> notAssigned = alerts.get("SnapGatePolicyNotAssigned");
		assertThat((String) notAssigned.get("expr"))
			.isEqualTo("max by (namespace, provider, policy) (snapgate_policy_not_assigned) == 1");
		assertThat(notAssigned.get("for")).isEqualTo("1d");
		assertThat(map(notAssigned.get("labels"))).containsEntry("severity", "warning");
		assertThat((String) map(notAssigned.get("annotations")).get("description")).contains("{{ $labels.policy }}",
				"System > System Snapshots");
		Map<String, Object> copyOverdue = alerts.get("SnapGatePolicyCopyOverdue");
		assertThat((String) copyOverdue.get("expr"))
			.isEqualTo("max by (namespace, provider, policy, target) (snapgate_policy_copy_overdue) == 1");
		assertThat(copyOverdue.get("for")).isEqualTo("30m");
		assertThat((String) map(copyOverdue.get("annotations")).get("summary")).contains("{{ $labels.target }}");
		assertThat((String) alerts.get("SnapGateCopiesFailing").get("expr"))
			.contains("increase(snapgate_copies_failed_total[1h])")
			.endsWith("> 0");
		Map<String, Object> breaker = alerts.get("SnapGateCircuitBreakerOpen");
		assertThat((String) breaker.get("expr")).contains("resilience4j_circuitbreaker_state{state=\"open\"}")
			.endsWith("== 1");
		assertThat(map(breaker.get("labels"))).containsEntry("severity", "warning");
	}

	@Test
	void theBudgetAlertsFireOnCallersRefusedAndOnAnyReplicaThatLostRedis() {
		Map<String, Map<String, Object>> alerts = alerts(MONITORED.prometheusRule());

		Map<String, Object> spent = alerts.get("SnapGateBudgetSpent");
		assertThat((String) spent.get("expr")).isEqualTo(
				"sum by (namespace, provider) (increase(snapgate_budget_refused_total{lane=\"INTERACTIVE\"}[15m])) > 0");
		assertThat(spent).doesNotContainKey("for");
		assertThat(map(spent.get("labels"))).containsEntry("severity", "warning");
		assertThat((String) map(spent.get("annotations")).get("description")).contains("{{ $labels.provider }}",
				"GET /providers", "snapgate.providers.<id>.resilience.budget-requests");
		Map<String, Object> down = alerts.get("SnapGateCoordinationDown");
		assertThat((String) down.get("expr")).as("fires when any replica, not every replica, lost Redis")
			.isEqualTo("min by (namespace) (snapgate_coordination_up) == 0");
		assertThat(down.get("for")).isEqualTo("5m");
		assertThat((String) map(down.get("annotations")).get("description")).contains("own share",
				"snapgate.resilience.budget-replicas");

		RenderedChart patient = RenderedChart.render(PRODUCTION_VALUES,
				(template) -> template.set("prometheusRule.enabled", "true")
					.set("prometheusRule.severity", "critical")
					.set("prometheusRule.coordinationDownFor", "15m"));
		assertThat(alerts(patient.prometheusRule()).get("SnapGateCoordinationDown").get("for")).isEqualTo("15m");
		assertThat(map(alerts(patient.prometheusRule()).get("SnapGateBudgetSpent").get("labels")))
			.containsEntry("severity", "critical");
		assertThatThrownBy(() -> RenderedChart.render(null,
				(template) -> template.set("prometheusRule.coordinationDownFor", "five minutes")))
			.hasMessageContaining("coordinationDownFor");
	}

	@Test
	void howLongAPolicyMayRunOnNothingBeforeTheAlertIsAValueOfItsOwn() {
		RenderedChart patient = RenderedChart.render(PRODUCTION_VALUES,
				(template) -> template.set("prometheusRule.enabled", "true")
					.set("prometheusRule.policyNotAssignedFor", "6h"));

		assertThat(alerts(patient.prometheusRule()).get("SnapGatePolicyNotAssigned").get("for")).isEqualTo("6h");
		assertThat(alerts(patient.prometheusRule()).get("SnapGatePolicyOverdue").get("for")).isEqualTo("10m");
		assertThatThrownBy(() -> RenderedChart.render(null,
				(template) -> template.set("prometheusRule.policyNotAssignedFor", "a day")))
			.hasMessageContaining("policyNotAssignedFor");
	}

	@Test
	void theDashboardIsAConfigMapForGrafanasSidecarWithTheOperatorsPanels() throws IOException {
		var dashboard = MONITORED.dashboardConfigMap();
		JsonNode json = JSON.readTree(dashboard.getData().get("snapgate.json"));

		assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1")
			.containsEntry("app.kubernetes.io/instance", "snapgate");
		assertThat(dashboard.getMetadata().getAnnotations()).containsEntry("grafana_folder", "SnapGate");
		assertThat(dashboard.getData()).containsOnlyKeys("snapgate.json");
		assertThat(json.get("uid").asString()).isEqualTo("snapgate");
		assertThat(json.get("panels").valueStream().map((panel) -> panel.get("title").asString()).toList())
			.containsExactly("Upstream requests per second", "Upstream latency p50 and p99",
					"Upstream errors per second", "Circuit breakers", "Age of each policy's newest snapshot",
					"Overdue policies", "Policies not assigned", "Age of each policy's newest off-site copy",
					"Copies per provider pair", "Request budget spent per hour", "Budget coordination");
		assertThat(MONITORED.configMap().getData()).containsKey("application.yaml");
	}

	@Test
	void theDashboardsPanelsHaveTheirOwnIdsAndPlacesOnTheGrid() throws IOException {
		JsonNode json = JSON.readTree(MONITORED.dashboardConfigMap().getData().get("snapgate.json"));
		List<JsonNode> panels = json.get("panels").valueStream().toList();

		assertThat(panels.stream().map((panel) -> panel.get("id").asInt()).toList()).doesNotHaveDuplicates();
		for (int i = 0; i < panels.size(); i++) {
			JsonNode a = panels.get(i).get("gridPos");
			assertThat(a.get("x").asInt() + a.get("w").asInt()).as("within the 24 columns").isLessThanOrEqualTo(24);
			for (int j = i + 1; j < panels.size(); j++) {
				JsonNode b = panels.get(j).get("gridPos");
				boolean apart = a.get("x").asInt() + a.get("w").asInt() <= b.get("x").asInt()
						|| b.get("x").asInt() + b.get("w").asInt() <= a.get("x").asInt()
						|| a.get("y").asInt() + a.get("h").asInt() <= b.get("y").asInt()
						|| b.get("y").asInt() + b.get("h").asInt() <= a.get("y").asInt();
				assertThat(apart).as("%s and %s overlap", panels.get(i).get("title"), panels.get(j).get("title"))
					.isTrue();
			}
		}
		JsonNode budget = panels.stream()
			.filter((panel) -> panel.get("title").asString().equals("Request budget spent per hour"))
			.findFirst()
			.orElseThrow();
		assertThat(budget.get("targets").valueStream().map((target) -> target.get("expr").asString()).toList())
			.containsExactly("sum by (provider) (increase(snapgate_budget_spent_total{provider=~\"$provider\"}[1h]))",
					"sum by (provider, lane) (increase(snapgate_budget_refused_total{provider=~\"$provider\"}[1h]))");
		JsonNode coordination = panels.get(panels.size() - 1);
		assertThat(coordination.get("title").asString()).isEqualTo("Budget coordination");
		assertThat(coordination.get("targets").get(0).get("expr").asString())
			.isEqualTo("min(snapgate_coordination_up)");
	}

	@Test
	void theMetricNamesAreReadFromPromQlAndNothingElse() {
		assertThat(PromQlMetricNames
			.of("histogram_quantile(0.99, sum by (le, provider) (rate(a_seconds_bucket{provider=~\"$provider\", x=\"y(z)\"}[$__rate_interval])))"))
			.containsExactly("a_seconds_bucket");
		assertThat(
				PromQlMetricNames.of("max by (name) (b_state{state=\"open\"}) * 2 + on (name) c_total offset 5m > 1e3"))
			.containsExactly("b_state", "c_total");
		assertThat(PromQlMetricNames.of("label_values(d_count, provider)")).containsExactly("d_count");
		assertThat(PromQlMetricNames.of("sum without (pod) (rate(e:rule[5m])) and f")).containsExactly("e:rule", "f");
	}

	/**
	 * Starts the gateway over in-memory providers, makes one upstream call and reads one
	 * policy, so that every metric family it can export exists, and compares the scrape
	 * with every metric name that the dashboard's and the alerts' PromQL reads, and the
	 * PromQL the documentation shows.
	 */
	@Test
	void everyMetricTheDashboardTheAlertsAndTheDocumentationReadIsOneTheGatewayExports() throws Exception {
		Set<String> read = new TreeSet<>();
		JsonNode dashboard = JSON.readTree(MONITORED.dashboardConfigMap().getData().get("snapgate.json"));
		dashboard.findValues("expr").forEach((expr) -> read.addAll(PromQlMetricNames.of(expr.asString())));
		dashboard.findValues("definition").forEach((query) -> read.addAll(PromQlMetricNames.of(query.asString())));
		alerts(MONITORED.prometheusRule()).values()
			.forEach((alert) -> read.addAll(PromQlMetricNames.of((String) alert.get("expr"))));
		Set<String> documented = new TreeSet<>();
		DocPage.all()
			.stream()
			.flatMap((page) -> page.blocks().stream())
			.filter((block) -> block.language().equals("promql"))
			.flatMap((block) -> block.lines().stream())
			.filter((line) -> !line.startsWith("#"))
			.forEach((line) -> documented.addAll(PromQlMetricNames.of(line)));
		assertThat(documented).as("the PromQL of docs/observability.md was read")
			.contains("snapgate_upstream_requests_seconds_count", "snapgate_policy_overdue");
		read.addAll(documented);
		assertThat(read).as("the PromQL was read")
			.contains("snapgate_upstream_requests_seconds_bucket", "snapgate_upstream_requests_seconds_count",
					"resilience4j_circuitbreaker_state", "snapgate_policy_last_snapshot_age_seconds",
					"snapgate_policy_overdue", "snapgate_policy_not_assigned", "snapgate_policy_copy_age_seconds",
					"snapgate_policy_copy_overdue", "snapgate_copies_started_total", "snapgate_copies_completed_total",
					"snapgate_copies_failed_total");

		Scrape scrape = Scrape.of(scrapeOfARunningGateway());

		assertThat(read).allSatisfy((name) -> assertThat(scrape.exports(name))
			.as("%s is exported; the scrape has %s", name, scrape.near(name))
			.isTrue());
	}

	private static String scrapeOfARunningGateway() throws Exception {
		String key = "dashboard-" + "7".repeat(40);
		try (ConfigurableApplicationContext gateway = new SpringApplicationBuilder(SnapGateApplication.class,
				FakeProviderFactories.class)
			.properties("server.port=0", "spring.main.banner-mode=off",
					"snapgate.providers.dash-disks.type=fake-volume-copies",
					"snapgate.providers.dash-disks.resilience.budget-requests=1000",
					"snapgate.providers.dash-disks.resilience.budget-period=PT1H",
					// a Redis that does not answer: the shared budgets fall back, and say
					// so
					"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=1",
					"snapgate.providers.dash-disks-dr.type=fake-volume",
					"snapgate.providers.dash-disks-dr.resilience.read-cache-ttl=0s",
					"snapgate.security.api-keys[0].owner=dashboard",
					"snapgate.security.api-keys[0].sha256=" + ApiKeyHashes.sha256Hex(key),
					"snapgate.security.api-keys[0].scopes=snapshots:read,snapshots:write,policies:read,actuator:read")
			.run()) {
			FakePolicyProvider policies = FakeProviderFactories.BUILT.get("dash-disks").policyFake();
			Instant now = Instant.now();
			policies.withPolicy(policies
				.policy("p-1", "nightly", now.minus(Duration.ofDays(9)), now.minus(Duration.ofHours(5)),
						PolicyTarget.volume("v-1"))
				.withCopies(List.of(new PolicyCopy(new CopyRule(new ProviderId("dash-disks-dr"), null), true,
						now.minus(Duration.ofHours(6)), "c-0"))));
			FakeSnapshotProvider disks = FakeProviderFactories.BUILT.get("dash-disks")
				.withSnapshot("s-1", "nightly", now.minus(Duration.ofHours(5)));
			String base = "http://localhost:" + gateway.getEnvironment().getProperty("local.server.port");
			HttpClient http = HttpClient.newHttpClient();
			// one copy that fails and one that arrives, each read once, so that every
			// copy
			// counter exists
			for (CopyStatus end : List.of(CopyStatus.FAILED, CopyStatus.SUCCEEDED)) {
				HttpResponse<String> started = post(http, base + "/snapshots/dash-disks:s-1/copies", key,
						"{\"targetProvider\": \"dash-disks-dr\"}");
				assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
				String id = JsonPath.read(started.body(), "$.id");
				String copy = JsonPath.read(started.body(), "$.copySnapshotId");
				String copyId = copy.substring(copy.indexOf(':') + 1);
				((FakeCopyProvider) disks.copies().orElseThrow()).report(new CopyHandle("copy-" + copyId), end, "test");
				FakeProviderFactories.BUILT.get("dash-disks-dr").settle(copyId, SnapshotStatus.AVAILABLE);
				assertThat(get(http, base + "/copies/" + id, key).statusCode()).isEqualTo(200);
			}
			for (String path : List.of("/snapshots", "/policies")) {
				assertThat(get(http, base + path, key).statusCode()).as(path).isEqualTo(200);
			}
			HttpResponse<String> scrape = get(http, base + "/actuator/prometheus", key);
			assertThat(scrape.statusCode()).isEqualTo(200);
			return scrape.body();
		}
	}

	private static HttpResponse<String> post(HttpClient http, String uri, String key, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(uri))
			.header("X-API-Key", key)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> get(HttpClient http, String uri, String key) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(uri)).header("X-API-Key", key).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> alerts(Map<String, Object> rule) {
		Map<String, Map<String, Object>> alerts = new HashMap<>();
		for (Object group : list(map(rule.get("spec")).get("groups"))) {
			for (Object entry : list(map(group).get("rules"))) {
				Map<String, Object> alert = (Map<String, Object>) entry;
				alerts.put((String) alert.get("alert"), alert);
			}
		}
		return alerts;
	}

	/**
	 * A Prometheus text scrape: the samples' names and each family's type. A histogram
	 * {@code x} exports {@code x_bucket}, {@code x_count} and {@code x_sum}, never
	 * {@code x} itself; a gauge or counter exports its own name.
	 */
	private record Scrape(Set<String> samples, Map<String, String> families) {

		private static final Pattern TYPE = Pattern.compile("# TYPE (\\S+) (\\S+)");

		static Scrape of(String text) {
			Set<String> samples = new TreeSet<>();
			Map<String, String> families = new HashMap<>();
			for (String line : text.lines().toList()) {
				Matcher type = TYPE.matcher(line);
				if (type.matches()) {
					families.put(type.group(1), type.group(2));
				}
				else if (!line.isBlank() && !line.startsWith("#")) {
					samples.add(line.split("[{ ]", 2)[0]);
				}
			}
			return new Scrape(samples, families);
		}

		/** The samples that share the name's first two words, to show in a failure. */
		List<String> near(String name) {
			String[] words = name.split("_", 3);
			String prefix = (words.length > 1) ? words[0] + "_" + words[1] : name;
			return this.samples.stream().filter((sample) -> sample.startsWith(prefix)).toList();
		}

		boolean exports(String name) {
			if (!this.samples.contains(name)) {
				return false;
			}
			for (String suffix : List.of("_bucket", "_count", "_sum")) {
				String family = name.endsWith(suffix)
						? this.families.get(name.substring(0, name.length() - suffix.length())) : null;
				if (family != null) {
					return suffix.equals("_bucket") ? family.equals("histogram")
							: family.equals("histogram") || family.equals("summary");
				}
			}
			return true;
		}

	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("releases")
	void theOnlyHookIsTheHelmTestPod(RenderedChart chart) {
		assertThat(chart.testPod().getMetadata().getAnnotations()).containsEntry(RenderedChart.HOOK_MARK, "test");
		assertThat(chart.deployment().getMetadata().getAnnotations()).isNullOrEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("releases")
	void everyManifestMatchesTheKubernetesSchema(RenderedChart chart) {
		chart.readAllStrictly();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("releases")
	void everyContainerRunsAsNonRootWithNothingToEscalate(RenderedChart chart) {
		List<V1PodSpec> pods = List.of(chart.deployment().getSpec().getTemplate().getSpec(), chart.testPod().getSpec());
		for (V1PodSpec pod : pods) {
			V1PodSecurityContext podContext = Objects.requireNonNullElseGet(pod.getSecurityContext(),
					V1PodSecurityContext::new);
			assertThat(pod.getAutomountServiceAccountToken()).as("no API token in the pod").isFalse();
			for (V1Container container : allContainers(pod)) {
				V1SecurityContext context = Objects.requireNonNull(container.getSecurityContext(),
						container.getName() + " has a security context");
				Boolean nonRoot = (context.getRunAsNonRoot() != null) ? context.getRunAsNonRoot()
						: podContext.getRunAsNonRoot();
				Long user = (context.getRunAsUser() != null) ? context.getRunAsUser() : podContext.getRunAsUser();
				String seccomp = (context.getSeccompProfile() != null) ? context.getSeccompProfile().getType()
						: (podContext.getSeccompProfile() != null) ? podContext.getSeccompProfile().getType() : null;
				assertThat(nonRoot).as("%s runAsNonRoot", container.getName()).isTrue();
				assertThat(user).as("%s runs as a numeric non-root user", container.getName()).isNotNull().isPositive();
				assertThat(context.getAllowPrivilegeEscalation()).as(container.getName()).isFalse();
				assertThat(context.getReadOnlyRootFilesystem()).as(container.getName()).isTrue();
				assertThat(context.getCapabilities().getDrop()).as(container.getName()).containsExactly("ALL");
				assertThat(context.getCapabilities().getAdd()).as(container.getName()).isNullOrEmpty();
				assertThat(context.getPrivileged()).as(container.getName()).isNotEqualTo(true);
				assertThat(seccomp).as("%s seccomp profile", container.getName()).isEqualTo("RuntimeDefault");
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("releases")
	void theOnlyWritablePlaceIsAnEmptyDirAtTmp(RenderedChart chart) {
		V1PodSpec pod = chart.deployment().getSpec().getTemplate().getSpec();
		V1Container gateway = gateway(chart);
		V1VolumeMount tmp = gateway.getVolumeMounts()
			.stream()
			.filter((mount) -> "/tmp".equals(mount.getMountPath()))
			.findFirst()
			.orElseThrow();
		assertThat(volume(pod, tmp.getName()).getEmptyDir()).isNotNull();
		assertThat(gateway.getVolumeMounts()).filteredOn((mount) -> !"/tmp".equals(mount.getMountPath()))
			.allSatisfy((mount) -> assertThat(mount.getReadOnly()).as(mount.getMountPath()).isTrue());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("releases")
	void probesAskLivezAndReadyzOnThePortTheServerListensOn(RenderedChart chart) {
		V1Container gateway = gateway(chart);
		int serverPort = Integer.parseInt(env(gateway, "SERVER_PORT"));

		assertThat(probe(gateway.getLivenessProbe()).getPath()).isEqualTo("/livez");
		assertThat(probe(gateway.getStartupProbe()).getPath()).isEqualTo("/livez");
		assertThat(probe(gateway.getReadinessProbe()).getPath()).isEqualTo("/readyz");
		for (V1Probe probe : List.of(gateway.getLivenessProbe(), gateway.getReadinessProbe(),
				gateway.getStartupProbe())) {
			assertThat(containerPort(gateway, probe(probe).getPort())).isEqualTo(serverPort);
		}
		assertThat(chart.testPod().getSpec().getContainers().get(0).getArgs()).anySatisfy((arg) -> assertThat(arg)
			.endsWith(":" + chart.service().getSpec().getPorts().get(0).getPort() + "/readyz"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("releases")
	void selectorsUseNameAndInstanceOnlyAndSelectTheGatewayPods(RenderedChart chart) {
		V1Deployment deployment = chart.deployment();
		Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
		Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();

		assertThat(selector.keySet()).isEqualTo(SELECTOR_KEYS);
		assertThat(deployment.getSpec().getSelector().getMatchExpressions()).isNullOrEmpty();
		assertThat(podLabels).containsAllEntriesOf(selector)
			.containsKeys("app.kubernetes.io/version", "app.kubernetes.io/managed-by", "helm.sh/chart");
		assertThat(chart.service().getSpec().getSelector()).isEqualTo(selector);
		assertThat(chart.disruptionBudget().getSpec().getSelector().getMatchLabels()).isEqualTo(selector);
		assertThat(chart.testPod().getMetadata().getLabels()).as("the test Pod is not one of the gateway's pods")
			.doesNotContainEntry("app.kubernetes.io/name", selector.get("app.kubernetes.io/name"));
		assertThat(chart.serviceAccount().getMetadata().getName())
			.isEqualTo(deployment.getSpec().getTemplate().getSpec().getServiceAccountName());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("releases")
	void theAutoscalerTargetsTheDeploymentWhichLeavesTheReplicaCountToIt(RenderedChart chart) {
		var target = chart.autoscaler().getSpec().getScaleTargetRef();

		assertThat(target.getApiVersion()).isEqualTo("apps/v1");
		assertThat(target.getKind()).isEqualTo("Deployment");
		assertThat(target.getName()).isEqualTo(chart.deployment().getMetadata().getName());
		assertThat(chart.deployment().getSpec().getReplicas()).isNull();
		assertThat(chart.autoscaler().getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("releases")
	void theDisruptionBudgetNeverBlocksEveryEviction(RenderedChart chart) {
		var budget = chart.disruptionBudget().getSpec();
		if (budget.getMinAvailable() != null) {
			assertThat(budget.getMinAvailable().getIntValue())
				.isLessThan(chart.autoscaler().getSpec().getMinReplicas());
		}
		else {
			assertThat(budget.getMaxUnavailable().getIntValue()).isPositive();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("releases")
	void endpointsDrainBeforeTheGracefulShutdownAndBothFitTheGracePeriod(RenderedChart chart) {
		V1PodSpec pod = chart.deployment().getSpec().getTemplate().getSpec();
		long preStop = gateway(chart).getLifecycle().getPreStop().getSleep().getSeconds();

		assertThat(preStop).isPositive();
		assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThan(preStop + SHUTDOWN_PHASE_SECONDS);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("releases")
	void theJvmSizesItsHeapFromTheContainerAndRunsG1(RenderedChart chart) {
		assertThat(env(gateway(chart), "JAVA_TOOL_OPTIONS")).contains("-XX:MaxRAMPercentage=35")
			.contains("-XX:+UseG1GC")
			.contains("-XX:+UseCompactObjectHeaders");
		assertThat(gateway(chart).getResources().getLimits()).containsKey("memory");
	}

	@Test
	void aPodIsGivenTheMemoryItMayUseAndTheImageStartsWithTheChartsJvmOptions() throws IOException {
		V1Container gateway = gateway(DEFAULTS);
		assertThat(gateway.getResources().getRequests().get("memory"))
			.isEqualTo(gateway.getResources().getLimits().get("memory"));
		// the image's AOT cache is trained with the image's options: the chart's must be
		// the same
		Matcher imageOptions = Pattern.compile("ENV JAVA_TOOL_OPTIONS=\"([^\"]+)\"")
			.matcher(Files.readString(Path.of("Dockerfile")));
		assertThat(imageOptions.find()).isTrue();
		assertThat(env(gateway, "JAVA_TOOL_OPTIONS")).isEqualTo(imageOptions.group(1));
	}

	@Test
	void eachReplicaSendsItsShareOfTheBudgetAtTheMostReplicasThereMayBe() {
		RenderedChart fixed = RenderedChart.render(null,
				(template) -> template.set("autoscaling.enabled", "false").set("replicaCount", "3"));

		assertThat(env(gateway(DEFAULTS), "SNAPGATE_RESILIENCE_BUDGETREPLICAS")).as("autoscaled: maxReplicas")
			.isEqualTo("6");
		assertThat(env(gateway(fixed), "SNAPGATE_RESILIENCE_BUDGETREPLICAS")).as("fixed: replicaCount").isEqualTo("3");
		Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("snapgate.resilience.budget-replicas",
				env(gateway(DEFAULTS), "SNAPGATE_RESILIENCE_BUDGETREPLICAS"))));
		assertThat(binder.bind("snapgate.resilience", SnapGateProperties.Resilience.class).get().budgetReplicas())
			.isEqualTo(6);
	}

	@Test
	void withoutRedisNothingIsSetForIt() {
		for (RenderedChart chart : List.of(DEFAULTS, PRODUCTION, MONITORED)) {
			assertThat(gateway(chart).getEnv()).extracting(V1EnvVar::getName)
				.noneMatch((name) -> name.startsWith("SPRING_DATA_REDIS_"));
		}
	}

	@Test
	void aRedisUrlWithoutPasswordIsGivenAsItsUrlAndTheBudgetShareStaysTheFallback() {
		RenderedChart plain = RenderedChart.render(null,
				(template) -> template.set("redis.url", "redis://redis-master.redis.svc:6379/2"));
		RenderedChart portless = RenderedChart.render(null,
				(template) -> template.set("redis.url", "rediss://cache.example.com"));

		assertThat(env(gateway(plain), "SPRING_DATA_REDIS_URL")).isEqualTo("redis://redis-master.redis.svc:6379/2");
		assertThat(env(gateway(plain), "SPRING_DATA_REDIS_SSL_ENABLED")).isEqualTo("false");
		assertThat(gateway(plain).getEnv()).extracting(V1EnvVar::getName)
			.doesNotContain("SPRING_DATA_REDIS_PASSWORD", "SPRING_DATA_REDIS_HOST");
		assertThat(env(gateway(plain), "SNAPGATE_RESILIENCE_BUDGETREPLICAS")).as("the share while Redis is away")
			.isEqualTo("6");
		assertThat(env(gateway(portless), "SPRING_DATA_REDIS_URL")).as("the port and database made explicit")
			.isEqualTo("rediss://cache.example.com:6379/0");
		assertThat(env(gateway(portless), "SPRING_DATA_REDIS_SSL_ENABLED")).as("rediss: TLS").isEqualTo("true");
	}

	/**
	 * Spring Boot takes the password from {@code spring.data.redis.url} when one is set,
	 * and ignores {@code spring.data.redis.password}: with a password from a Secret the
	 * chart gives host, port and database instead of the url.
	 */
	@Test
	void aRedisPasswordComesFromItsSecretWithHostPortAndDatabaseInsteadOfTheUrl() throws IOException {
		RenderedChart coordinated = RenderedChart.render(PRODUCTION_VALUES,
				(template) -> template.set("redis.url", "redis://redis-master.redis.svc:6380/1")
					.set("redis.port", "6380")
					.set("redis.tls", "true")
					.set("redis.password.existingSecret", "snapgate-redis"));
		V1Container gateway = gateway(coordinated);
		V1EnvVar password = gateway.getEnv()
			.stream()
			.filter((var) -> var.getName().equals("SPRING_DATA_REDIS_PASSWORD"))
			.findFirst()
			.orElseThrow();

		assertThat(password.getValue()).as("never inline").isNull();
		assertThat(password.getValueFrom().getSecretKeyRef().getName()).isEqualTo("snapgate-redis");
		assertThat(password.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("redis-password");
		assertThat(gateway.getEnv()).extracting(V1EnvVar::getName).doesNotContain("SPRING_DATA_REDIS_URL");
		Map<String, Object> env = new HashMap<>();
		for (V1EnvVar var : gateway.getEnv()) {
			env.put(var.getName(), (var.getValue() != null) ? var.getValue() : secretValue(
					var.getValueFrom().getSecretKeyRef().getName(), var.getValueFrom().getSecretKeyRef().getKey()));
		}
		Binder binder = binder(env, new ByteArrayResource(new byte[0]));
		assertThat(binder.bind("spring.data.redis.host", String.class).get()).isEqualTo("redis-master.redis.svc");
		assertThat(binder.bind("spring.data.redis.port", Integer.class).get()).isEqualTo(6380);
		assertThat(binder.bind("spring.data.redis.database", Integer.class).get()).isEqualTo(1);
		assertThat(binder.bind("spring.data.redis.ssl.enabled", Boolean.class).get()).isTrue();
		assertThat(binder.bind("spring.data.redis.password", String.class).get())
			.isEqualTo(secretValue("snapgate-redis", "redis-password"));
		assertThat(binder.bind("spring.data.redis.url", String.class).isBound()).isFalse();
	}

	@Test
	void aRedisValueOfTheWrongShapeOrWithAPasswordInItIsRefused() {
		assertThatThrownBy(() -> RenderedChart.render(null,
				(template) -> template.set("redis.url", "redis://cache:6379/0").set("redis.tls", "yes")))
			.hasMessageContaining("tls");
		assertThatThrownBy(() -> RenderedChart.render(null,
				(template) -> template.set("redis.url", "redis://:hunter2@cache:6379/0")))
			.hasMessageContaining("url");
		assertThatThrownBy(
				() -> RenderedChart.render(null, (template) -> template.set("redis.url", "cache.example.com:6379")))
			.hasMessageContaining("url");
		assertThatThrownBy(() -> RenderedChart.render(null, (template) -> template.set("redis.password", "hunter2")))
			.hasMessageContaining("password");
		assertThatThrownBy(
				() -> RenderedChart.render(null, (template) -> template.set("redis.url", "redis://cache:6380/0")))
			.hasMessageContaining("redis.port");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("releases")
	void theConfigMapIsTheConfigurationTheAppImports(RenderedChart chart) {
		V1Container gateway = gateway(chart);
		V1PodSpec pod = chart.deployment().getSpec().getTemplate().getSpec();
		String location = env(gateway, "SPRING_CONFIG_ADDITIONAL_LOCATION");
		V1VolumeMount mount = gateway.getVolumeMounts()
			.stream()
			.filter((candidate) -> location.equals("file:" + candidate.getMountPath()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("nothing is mounted at " + location));

		assertThat(location).endsWith("/");
		assertThat(volume(pod, mount.getName()).getConfigMap().getName())
			.isEqualTo(chart.configMap().getMetadata().getName());
		assertThat(chart.configMap().getData()).containsOnlyKeys("application.yaml");
		assertThat(chart.deployment().getSpec().getTemplate().getMetadata().getAnnotations())
			.as("a changed configuration rolls the pods")
			.containsKey("checksum/config");
	}

	@Test
	void secretReferencesFillExactlyThePropertiesTheAppReads() throws IOException {
		V1Container gateway = gateway(PRODUCTION);
		Map<String, Object> env = new HashMap<>();
		Map<String, String> fromSecrets = new HashMap<>();
		for (V1EnvVar var : gateway.getEnv()) {
			V1SecretKeySelector secret = (var.getValueFrom() != null) ? var.getValueFrom().getSecretKeyRef() : null;
			if (secret != null) {
				env.put(var.getName(), secretValue(secret.getName(), secret.getKey()));
				fromSecrets.put(var.getName(), secret.getName());
			}
			else if (var.getValue() != null) {
				env.put(var.getName(), var.getValue());
			}
		}
		String applicationYaml = PRODUCTION.configMap().getData().get("application.yaml");
		Binder binder = binder(env, new ByteArrayResource(applicationYaml.getBytes(StandardCharsets.UTF_8)));

		assertThat(binder.bind("snapgate.providers.vergeos-prod.password", String.class).get())
			.isEqualTo(secretValue("snapgate-vergeos-prod", "password"));
		assertThat(binder.bind("snapgate.providers.baidu-bj.access-key-id", String.class).get())
			.isEqualTo(secretValue("snapgate-baidu-bj", "access-key-id"));
		assertThat(binder.bind("snapgate.providers.baidu-bj.secret-access-key", String.class).get())
			.isEqualTo(secretValue("snapgate-baidu-bj", "secret-access-key"));

		SnapGateProperties app = binder.bind("snapgate", SnapGateProperties.class).get();
		assertThat(app.tokens().signingKey()).isEqualTo(secretValue("snapgate-tokens", "signing-key"));
		assertThat(app.providers()).containsOnlyKeys("vergeos-prod", "baidu-bj");
		assertThat(app.providers().get("vergeos-prod").type()).isEqualTo("vergeos");
		assertThat(app.providers().get("baidu-bj").type()).isEqualTo("baidu");
		assertThat(app.listing().providerTimeout()).as("config: merged in").isEqualTo(Duration.ofSeconds(8));
		String caBundle = binder.bind("snapgate.providers.vergeos-prod.ca-bundle", String.class).get();
		assertThat(gateway.getVolumeMounts()).as("the CA bundle's folder is mounted")
			.anySatisfy((mount) -> assertThat(caBundle).startsWith(mount.getMountPath() + "/"));
		assertThat(binder.bind("spring.security.oauth2.resourceserver.jwt.issuer-uri", String.class).get())
			.isEqualTo("https://login.example.com/realms/platform");

		Set<String> placeholders = placeholders(applicationYaml);
		assertThat(fromSecrets.keySet()).as("every Secret-fed variable is read, as a placeholder or a property")
			.isEqualTo(union(placeholders, Set.of("SNAPGATE_TOKENS_SIGNINGKEY")));
		assertThat(applicationYaml).as("no secret value in the ConfigMap").doesNotContain("secret:");
	}

	@Test
	void theApiKeysSecretIsMountedWhereTheConfigurationImportsIt() throws IOException {
		V1PodSpec pod = PRODUCTION.deployment().getSpec().getTemplate().getSpec();
		String applicationYaml = PRODUCTION.configMap().getData().get("application.yaml");
		List<String> imported = binder(Map.of(),
				new ByteArrayResource(applicationYaml.getBytes(StandardCharsets.UTF_8)))
			.bind("spring.config.import", Bindable.listOf(String.class))
			.get();
		V1Volume keys = pod.getVolumes()
			.stream()
			.filter((volume) -> volume.getSecret() != null)
			.filter((volume) -> "snapgate-api-keys".equals(volume.getSecret().getSecretName()))
			.findFirst()
			.orElseThrow();
		V1VolumeMount mount = gateway(PRODUCTION).getVolumeMounts()
			.stream()
			.filter((candidate) -> candidate.getName().equals(keys.getName()))
			.findFirst()
			.orElseThrow();

		assertThat(imported)
			.containsExactly("file:" + mount.getMountPath() + keys.getSecret().getItems().get(0).getPath());
		assertThat(keys.getSecret().getItems().get(0).getKey()).isEqualTo("api-keys.yaml");
	}

	@Test
	void theApiKeysDocumentTheKubernetesPageShowsBindsToTheAppsSecuritySettings() throws IOException {
		Binder binder = binder(Map.of(), new ClassPathResource("shipping/api-keys.yaml"));
		SecuritySettings security = binder.bind("snapgate.security", SecuritySettings.class).get();
		Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

		assertThat(validator.validate(security)).isEmpty();
		assertThat(security.apiKeys()).hasSize(2);
		assertThat(security.apiKeys().get(0).owner()).isEqualTo("dr-tooling");
		assertThat(security.apiKeys().get(0).scopes()).contains("snapshots:read", "restores:write");
		assertThat(security.apiKeys().get(1).scopes()).containsExactly("actuator:read");
		assertThat(security.open()).isFalse();
		assertThat(security.apiKeys().get(0).grants()).singleElement().satisfies((grant) -> {
			assertThat(grant.scopes()).containsExactly("restores:write");
			assertThat(grant.providers()).containsExactly("vergeos-prod");
		});
		assertThat(security.apiKeys().get(1).providers()).as("a key without providers reaches every one").isNull();
	}

	@Test
	void everyProviderTheApiKeysDocumentGrantsIsOneTheProductionValuesConfigure() throws IOException {
		SecuritySettings security = binder(Map.of(), new ClassPathResource("shipping/api-keys.yaml"))
			.bind("snapgate.security", SecuritySettings.class)
			.get();
		String applicationYaml = PRODUCTION.configMap().getData().get("application.yaml");
		Set<String> configured = binder(Map.of(),
				new ByteArrayResource(applicationYaml.getBytes(StandardCharsets.UTF_8)))
			.bind("snapgate.providers", Bindable.mapOf(String.class, Object.class))
			.get()
			.keySet();

		List<String> granted = security.apiKeys()
			.stream()
			.flatMap((key) -> Stream.concat(Objects.requireNonNullElse(key.providers(), List.<String>of()).stream(),
					key.grants().stream().flatMap((grant) -> grant.providers().stream())))
			.toList();
		assertThat(granted).isNotEmpty()
			.allSatisfy((glob) -> assertThat(configured)
				.anyMatch((provider) -> new ProviderGlob(glob).matches(new ProviderId(provider))));
	}

	@Test
	void whereJwtCallersGrantsComeFromIsSetFromTheValuesAndLeftToTheAppByDefault() throws IOException {
		String applicationYaml = PRODUCTION.configMap().getData().get("application.yaml");
		SecuritySettings security = binder(Map.of(),
				new ByteArrayResource(applicationYaml.getBytes(StandardCharsets.UTF_8)))
			.bind("snapgate.security", SecuritySettings.class)
			.get();

		assertThat(security.jwt().grantsClaim()).isEqualTo("snapgate_grants");
		assertThat(security.jwt().requireGrants()).isTrue();
		assertThat(DEFAULTS.configMap().getData().get("application.yaml")).doesNotContain("grants");
	}

	@Test
	void theServiceMonitorScrapesPrometheusThroughTheServiceWithAToken() {
		Map<String, Object> monitor = PRODUCTION.serviceMonitor();
		Map<String, Object> spec = map(monitor.get("spec"));
		Map<String, Object> endpoint = map(list(spec.get("endpoints")).get(0));

		assertThat(monitor.get("apiVersion")).isEqualTo("monitoring.coreos.com/v1");
		assertThat(map(map(spec.get("selector")).get("matchLabels"))).isEqualTo(PRODUCTION.service()
			.getMetadata()
			.getLabels()
			.entrySet()
			.stream()
			.filter((label) -> SELECTOR_KEYS.contains(label.getKey()))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
		assertThat(PRODUCTION.service().getSpec().getPorts())
			.anySatisfy((port) -> assertThat(port.getName()).isEqualTo(endpoint.get("port")));
		assertThat(endpoint.get("path")).isEqualTo("/actuator/prometheus");
		assertThat(map(endpoint.get("oauth2")).get("scopes")).isEqualTo(List.of("actuator:read"));
		assertThat(map(map(monitor.get("metadata")).get("labels"))).containsEntry("release", "kube-prometheus-stack");
	}

	@Test
	void theNetworkPolicyLetsTheListedCallersAndTheTestPodReachTheGateway() {
		var policy = PRODUCTION.networkPolicy().getSpec();
		Map<String, String> testPodLabels = PRODUCTION.testPod().getMetadata().getLabels();

		assertThat(policy.getPodSelector().getMatchLabels())
			.isEqualTo(PRODUCTION.deployment().getSpec().getSelector().getMatchLabels());
		assertThat(policy.getPolicyTypes()).containsExactly("Ingress", "Egress");
		assertThat(policy.getIngress()).hasSize(1);
		assertThat(policy.getIngress().get(0).getPorts()).singleElement()
			.satisfies((port) -> assertThat(port.getPort()).isEqualTo(new IntOrString("http")));
		List<V1NetworkPolicyPeer> peers = policy.getIngress().get(0).getFrom();
		assertThat(peers).hasSize(3).anySatisfy((peer) -> {
			assertThat(peer.getNamespaceSelector()).isNull();
			assertThat(testPodLabels).containsAllEntriesOf(peer.getPodSelector().getMatchLabels());
		});
		assertThat(policy.getEgress()).as("DNS and the two upstream rules").hasSize(3);
	}

	@Test
	void theNetworkPolicyLetsThePodsReachRedisOnItsPort() {
		RenderedChart anywhere = RenderedChart.render(PRODUCTION_VALUES,
				(template) -> template.set("redis.url", "redis://redis-master.redis.svc:6379/0"));
		RenderedChart restricted = RenderedChart.render(PRODUCTION_VALUES,
				(template) -> template.set("redis.url", "redis://redis-master.redis.svc:6379/0")
					.set("redis.egressTo[0].namespaceSelector.matchLabels.kubernetes\\.io/metadata\\.name", "redis")
					.set("redis.egressTo[0].podSelector.matchLabels.app\\.kubernetes\\.io/name", "redis"));
		RenderedChart ingressOnly = RenderedChart.render(PRODUCTION_VALUES,
				(template) -> template.set("redis.url", "redis://redis-master.redis.svc:6379/0")
					.set("networkPolicy.egress.enabled", "false"));

		var anyDestination = anywhere.networkPolicy().getSpec().getEgress();
		assertThat(anyDestination).as("DNS, Redis and the two upstream rules").hasSize(4);
		assertThat(anyDestination.get(1).getPorts()).singleElement().satisfies((port) -> {
			assertThat(port.getPort()).isEqualTo(new IntOrString(6379));
			assertThat(port.getProtocol()).isEqualTo("TCP");
		});
		assertThat(anyDestination.get(1).getTo()).as("any destination on that port").isNullOrEmpty();
		var redis = restricted.networkPolicy().getSpec().getEgress().get(1);
		assertThat(redis.getTo()).singleElement().satisfies((peer) -> {
			assertThat(peer.getNamespaceSelector().getMatchLabels())
				.containsExactlyEntriesOf(Map.of("kubernetes.io/metadata.name", "redis"));
			assertThat(peer.getPodSelector().getMatchLabels())
				.containsExactlyEntriesOf(Map.of("app.kubernetes.io/name", "redis"));
		});
		assertThat(ingressOnly.networkPolicy().getSpec().getEgress()).isNullOrEmpty();
	}

	@Test
	void aLiteralSecretInTheProviderSettingsIsRefused() {
		assertThatThrownBy(() -> RenderedChart.render(null,
				(template) -> template.set("providers.vergeos-lab.type", "vergeos")
					.set("providers.vergeos-lab.password", "hunter2")))
			.hasMessageContaining("providers.vergeos-lab.password must be a ${ENV_VAR} placeholder");
	}

	@Test
	void aPlaceholderWithoutItsEnvironmentVariableIsRefused() {
		assertThatThrownBy(() -> RenderedChart.render(null,
				(template) -> template.set("providers.vergeos-lab.type", "vergeos")
					.set("providers.vergeos-lab.password", "${LAB_PASSWORD}")))
			.hasMessageContaining("no secretEnv or extraEnv entry is named LAB_PASSWORD");
	}

	@Test
	void theValuesSchemaRefusesAMisspelledValue() {
		assertThatThrownBy(() -> RenderedChart.render(null, (template) -> template.set("replicas", "3")))
			.hasMessageContaining("replicas");
	}

	private static Binder binder(Map<String, Object> env, Resource applicationYaml) throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		// only what the pod would have: not this machine's environment
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		// the name tells Boot to map SNAPGATE_TOKENS_SIGNINGKEY to
		// snapgate.tokens.signing-key
		environment.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					env));
		for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yaml", applicationYaml)) {
			environment.getPropertySources().addLast(source);
		}
		ConfigurationPropertySources.attach(environment);
		return Binder.get(environment);
	}

	private static String secretValue(String secret, String key) {
		return "secret:" + secret + "/" + key;
	}

	private static Set<String> placeholders(String text) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		return matcher.results().map((match) -> match.group(1)).collect(Collectors.toSet());
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		return Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
	}

	private static V1Container gateway(RenderedChart chart) {
		List<V1Container> containers = chart.deployment().getSpec().getTemplate().getSpec().getContainers();
		assertThat(containers).hasSize(1);
		return containers.get(0);
	}

	private static List<V1Container> allContainers(V1PodSpec pod) {
		return Stream
			.concat(pod.getContainers().stream(),
					Objects.requireNonNullElse(pod.getInitContainers(), List.<V1Container>of()).stream())
			.toList();
	}

	private static V1Volume volume(V1PodSpec pod, String name) {
		return pod.getVolumes()
			.stream()
			.filter((volume) -> volume.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no volume " + name));
	}

	private static String env(V1Container container, String name) {
		return container.getEnv()
			.stream()
			.filter((var) -> var.getName().equals(name))
			.map(V1EnvVar::getValue)
			.filter(Objects::nonNull)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no env " + name));
	}

	private static V1HTTPGetAction probe(V1Probe probe) {
		return Objects.requireNonNull(probe.getHttpGet(), "an HTTP probe");
	}

	private static int containerPort(V1Container container, IntOrString port) {
		if (port.isInteger()) {
			return port.getIntValue();
		}
		return container.getPorts()
			.stream()
			.filter((candidate) -> port.getStrValue().equals(candidate.getName()))
			.map(V1ContainerPort::getContainerPort)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no container port named " + port.getStrValue()));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	private static List<?> list(Object value) {
		assertThat(value).isInstanceOf(List.class);
		return (List<?>) value;
	}

}
