package io.snapgate.shipping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart rendered by real Helm, each manifest read strictly into its Kubernetes model:
 * an unknown field, a wrong type or a missing required field fails the read.
 * <p>
 * helm-java's {@code template} returns the release manifest without hooks, so a copy of
 * the chart whose {@code helm.sh/hook} annotations are renamed is rendered: the
 * {@code helm test} Pod is then checked like every other object, and {@link #HOOK_MARK}
 * tells which objects were hooks.
 */
final class RenderedChart {

	static final Path CHART = Path.of("helm", "snapgate");

	static final String RELEASE = "snapgate";

	static final String NAMESPACE = "dr";

	static final String KUBE_VERSION = "1.33.0";

	/**
	 * The annotation a hook carries in the rendered copy, with the hook's kinds as its
	 * value.
	 */
	static final String HOOK_MARK = "rendered-as-hook.snapgate.io";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<Map<String, Object>> manifests;

	private RenderedChart(List<Map<String, Object>> manifests) {
		this.manifests = manifests;
	}

	/**
	 * Renders with the chart's default values, plus the given values file when not null.
	 */
	static RenderedChart render(@Nullable Path valuesFile) {
		return render(valuesFile, Function.identity());
	}

	static RenderedChart render(@Nullable Path valuesFile, Function<TemplateCommand, TemplateCommand> customizer) {
		Path copy = copyWithHooksUnmarked();
		try {
			TemplateCommand template = new Helm(copy).template()
				.withName(RELEASE)
				.withNamespace(NAMESPACE)
				.withKubeVersion(KUBE_VERSION);
			if (valuesFile != null) {
				template = template.withValuesFile(valuesFile);
			}
			return parse(customizer.apply(template).call());
		}
		finally {
			FileSystemUtils.deleteRecursively(copy.toFile());
		}
	}

	private static Path copyWithHooksUnmarked() {
		try {
			Path copy = Files.createTempDirectory("snapgate-chart");
			try (Stream<Path> files = Files.walk(CHART)) {
				for (Path file : files.toList()) {
					Path target = copy.resolve(CHART.relativize(file).toString());
					if (Files.isDirectory(file)) {
						Files.createDirectories(target);
					}
					else {
						Files.writeString(target, Files.readString(file).replace("helm.sh/hook:", HOOK_MARK + ":"));
					}
				}
			}
			return copy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static RenderedChart parse(String rendered) {
		List<Map<String, Object>> manifests = new ArrayList<>();
		for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(rendered)) {
			if (document != null) {
				assertThat(document).as("every document is one object").isInstanceOf(Map.class);
				manifests.add((Map<String, Object>) document);
			}
		}
		return new RenderedChart(manifests);
	}

	List<String> kinds() {
		return this.manifests.stream().map((manifest) -> (String) manifest.get("kind")).sorted().toList();
	}

	V1Deployment deployment() {
		return only("Deployment", V1Deployment::fromJson);
	}

	V1Service service() {
		return only("Service", V1Service::fromJson);
	}

	/** The gateway's own ConfigMap, with its application.yaml. */
	V1ConfigMap configMap() {
		return only("ConfigMap", (manifest) -> !isDashboard(manifest), V1ConfigMap::fromJson);
	}

	/** The ConfigMap that carries the Grafana dashboard. */
	V1ConfigMap dashboardConfigMap() {
		return only("ConfigMap", RenderedChart::isDashboard, V1ConfigMap::fromJson);
	}

	V1ServiceAccount serviceAccount() {
		return only("ServiceAccount", V1ServiceAccount::fromJson);
	}

	V2HorizontalPodAutoscaler autoscaler() {
		return only("HorizontalPodAutoscaler", V2HorizontalPodAutoscaler::fromJson);
	}

	V1PodDisruptionBudget disruptionBudget() {
		return only("PodDisruptionBudget", V1PodDisruptionBudget::fromJson);
	}

	V1NetworkPolicy networkPolicy() {
		return only("NetworkPolicy", V1NetworkPolicy::fromJson);
	}

	/** The {@code helm test} hook Pod. */
	V1Pod testPod() {
		return only("Pod", V1Pod::fromJson);
	}

	/** No Java model exists for the Prometheus Operator's CRD: the raw manifest. */
	Map<String, Object> serviceMonitor() {
		return raw("ServiceMonitor");
	}

	/** No Java model exists for the Prometheus Operator's CRD: the raw manifest. */
	Map<String, Object> prometheusRule() {
		return raw("PrometheusRule");
	}

	private Map<String, Object> raw(String kind) {
		return only(kind,
				(json) -> this.manifests.stream()
					.filter((manifest) -> kind.equals(manifest.get("kind")))
					.findFirst()
					.orElseThrow());
	}

	/**
	 * Every manifest, read strictly into its model where the chart renders a core kind.
	 */
	void readAllStrictly() {
		for (String kind : kinds()) {
			switch (kind) {
				case "Deployment" -> deployment();
				case "Service" -> service();
				// the gateway's, and the dashboard's when it is on
				case "ConfigMap" -> readEach(kind, V1ConfigMap::fromJson);
				case "ServiceAccount" -> serviceAccount();
				case "HorizontalPodAutoscaler" -> autoscaler();
				case "PodDisruptionBudget" -> disruptionBudget();
				case "NetworkPolicy" -> networkPolicy();
				case "Pod" -> testPod();
				case "ServiceMonitor" -> serviceMonitor();
				case "PrometheusRule" -> prometheusRule();
				default -> throw new AssertionError("The chart renders a kind no test reads: " + kind);
			}
		}
	}

	private <T> T only(String kind, JsonReader<T> reader) {
		return only(kind, (manifest) -> true, reader);
	}

	private <T> T only(String kind, Predicate<Map<String, Object>> which, JsonReader<T> reader) {
		List<Map<String, Object>> found = this.manifests.stream()
			.filter((manifest) -> kind.equals(manifest.get("kind")))
			.filter(which)
			.toList();
		assertThat(found).as("exactly one %s", kind).hasSize(1);
		try {
			return reader.read(JSON.writeValueAsString(found.get(0)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The " + kind + " does not match the Kubernetes schema", ex);
		}
	}

	private void readEach(String kind, JsonReader<?> reader) {
		this.manifests.stream().filter((manifest) -> kind.equals(manifest.get("kind"))).forEach((manifest) -> {
			try {
				reader.read(JSON.writeValueAsString(manifest));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("A " + kind + " does not match the Kubernetes schema", ex);
			}
		});
	}

	private static boolean isDashboard(Map<String, Object> manifest) {
		return manifest.get("metadata") instanceof Map<?, ?> metadata
				&& metadata.get("labels") instanceof Map<?, ?> labels && labels.containsKey("grafana_dashboard");
	}

	@FunctionalInterface
	private interface JsonReader<T> {

		T read(String json) throws IOException;

	}

}
