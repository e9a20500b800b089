package io.snapgate.shipping;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1SecretKeySelector;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The image as Kubernetes runs it: read-only root file system with a writable
 * {@code /tmp}, a non-root user, probes, documents and metrics answering, a graceful stop
 * on SIGTERM, a refusal to start open outside the sandbox or with a management port of
 * its own (which the Spring AOT context cannot serve), and the Helm chart's own
 * configuration and Secret wiring starting it with authentication enforced.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerImageIT {

	/** {@code spring.lifecycle.timeout-per-shutdown-phase}. */
	private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@AfterAll
	static void removeImage() {
		SnapGateImage.remove();
	}

	@Test
	void theSandboxServesItsApiDocumentsAndMetricsAsANonRootUser() throws Exception {
		try (GenericContainer<?> gateway = sandbox()) {
			gateway.start();

			assertThat(gateway.getContainerInfo().getConfig().getUser())
				.as("a numeric USER, so Kubernetes can check runAsNonRoot")
				.matches("[1-9][0-9]*(:[0-9]+)?");
			assertThat(gateway.execInContainer("id", "-u").getStdout().strip()).isNotEqualTo("0").matches("[0-9]+");

			HttpResponse<String> docs = get(gateway, "/v3/api-docs");
			assertThat(docs.statusCode()).isEqualTo(200);
			assertThat(this.json.readTree(docs.body()).at("/paths").has("/snapshots")).isTrue();

			JsonNode providers = this.json.readTree(expectOk(gateway, "/providers"));
			JsonNode page = this.json.readTree(expectOk(gateway, "/snapshots"));
			assertThat(page.get("items").isArray()).isTrue();
			assertThat(page.has("nextPageToken")).isTrue();
			assertThat(page.get("partial").isBoolean()).isTrue();
			assertThat(page.get("providerErrors").isArray()).isTrue();
			List<String> providerIds = new ArrayList<>();
			providers.forEach((provider) -> providerIds.add(provider.get("id").asString()));
			// the image starts with Spring AOT, whose context was fixed without a
			// profile: the
			// emulators are there because the profile is read at start
			assertThat(providerIds).as("the sandbox's emulated providers")
				.contains("sandbox-baidu", "sandbox-baidu-gz", "sandbox-vergeos", "sandbox-vergeos-dr");
			assertThat(page.get("items").isEmpty()).as("the emulators are seeded").isFalse();
			page.get("items").forEach((item) -> assertThat(item.get("provider").asString()).isIn(providerIds));

			HttpResponse<String> metrics = get(gateway, "/actuator/prometheus");
			assertThat(metrics.statusCode()).isEqualTo(200);
			assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("http_server_requests_seconds");
		}
	}

	@Test
	void sigtermDrainsAndStopsWithinTheGracePeriod() throws Exception {
		try (GenericContainer<?> gateway = sandbox()) {
			gateway.start();
			assertThat(get(gateway, "/readyz").statusCode()).isEqualTo(200);
			DockerClient docker = gateway.getDockerClient();
			String id = gateway.getContainerId();

			long sent = System.nanoTime();
			docker.killContainerCmd(id).withSignal("SIGTERM").exec();
			await().atMost(SHUTDOWN_GRACE.plusSeconds(10))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> !Boolean.TRUE.equals(state(docker, id).getRunning()));
			Duration took = Duration.ofNanos(System.nanoTime() - sent);

			assertThat(took).isLessThan(SHUTDOWN_GRACE);
			// the JVM exits with 128 + 15 after its shutdown hooks ran on SIGTERM
			assertThat(state(docker, id).getExitCodeLong()).isEqualTo(143L);
			assertThat(gateway.getLogs()).contains("Commencing graceful shutdown")
				.contains("Graceful shutdown complete")
				.doesNotContain("Graceful shutdown aborted");
		}
	}

	@Test
	void withoutAProfileOrAuthenticationItRefusesToStartAndSaysWhatToConfigure() {
		try (GenericContainer<?> gateway = new GenericContainer<>(SnapGateImage.get())
			.withStartupCheckStrategy(new HasExited().withTimeout(Duration.ofMinutes(2)))) {
			gateway.start();

			InspectContainerResponse.ContainerState state = state(gateway.getDockerClient(), gateway.getContainerId());
			assertThat(state.getExitCodeLong()).isEqualTo(1L);
			assertThat(gateway.getLogs()).contains("APPLICATION FAILED TO START")
				.contains("refuses to start without authentication")
				.contains("snapgate.security.api-keys")
				.contains("spring.security.oauth2.resourceserver.jwt");
		}
	}

	@Test
	void aSeparateManagementPortIsRefusedAsSpringAotCannotServeIt() {
		try (GenericContainer<?> gateway = new GenericContainer<>(SnapGateImage.get())
			.withEnv("SPRING_PROFILES_ACTIVE", "sandbox")
			.withEnv("MANAGEMENT_SERVER_PORT", "8081")
			.withStartupCheckStrategy(new HasExited().withTimeout(Duration.ofMinutes(2)))) {
			gateway.start();

			assertThat(state(gateway.getDockerClient(), gateway.getContainerId()).getExitCodeLong()).isEqualTo(1L);
			assertThat(gateway.getLogs()).contains("APPLICATION FAILED TO START")
				.contains("management.server.port")
				.contains("-Dspring.aot.enabled=true");
		}
	}

	@Test
	void theChartsConfigurationAndSecretsStartItWithAuthenticationEnforced(@TempDir Path files) throws Exception {
		RenderedChart chart = RenderedChart
			.render(Path.of("src", "test", "resources", "shipping", "values-container.yaml"));
		V1PodSpec pod = chart.deployment().getSpec().getTemplate().getSpec();
		Map<String, Path> volumes = Map.of("config",
				writeReadable(files.resolve("config"), "application.yaml",
						chart.configMap().getData().get("application.yaml")),
				"api-keys", writeReadable(files.resolve("api-keys"), "api-keys.yaml",
						new ClassPathResource("shipping/api-keys.yaml").getContentAsString(StandardCharsets.UTF_8)));

		try (GenericContainer<?> gateway = asThePodRunsIt(pod, volumes)) {
			gateway.start();

			assertThat(get(gateway, "/snapshots").statusCode()).isEqualTo(401);
			assertThat(get(gateway, "/snapshots", "test").statusCode()).isEqualTo(200);
			assertThat(get(gateway, "/actuator/prometheus", "test").statusCode()).as("no actuator:read").isEqualTo(403);
			assertThat(get(gateway, "/actuator/prometheus", "test2").statusCode()).isEqualTo(200);
			assertThat(gateway.getLogs()).as("the token key arrived from its Secret")
				.doesNotContain("snapgate.tokens.signing-key is not set")
				.doesNotContain("snapgate.security.open is set");
			// the JVM warns "[aot] Unable to use AOT cache" when the chart's options do
			// not match
			// the ones the image trained its cache with (compact object headers, say)
			assertThat(gateway.getLogs()).as("the image's AOT cache is used with the chart's JVM options")
				.contains("Picked up JAVA_TOOL_OPTIONS: " + env(pod, "JAVA_TOOL_OPTIONS"))
				.doesNotContain("[aot]");
		}
	}

	/**
	 * The chart's only container as Kubernetes would run it: its env (Secret references
	 * filled with test values), user, read-only root, dropped capabilities, tmpfs /tmp,
	 * and its volumes bound from {@code volumes} (by volume name).
	 */
	private static GenericContainer<?> asThePodRunsIt(V1PodSpec pod, Map<String, Path> volumes) {
		V1Container spec = pod.getContainers().get(0);
		V1SecurityContext security = spec.getSecurityContext();
		GenericContainer<?> container = new GenericContainer<>(SnapGateImage.get())
			.withExposedPorts(spec.getPorts().get(0).getContainerPort())
			.waitingFor(Wait.forHttp(spec.getReadinessProbe().getHttpGet().getPath())
				.forStatusCode(200)
				.withStartupTimeout(Duration.ofMinutes(2)));
		for (V1EnvVar var : spec.getEnv()) {
			if (var.getValue() != null) {
				container.withEnv(var.getName(), var.getValue());
			}
			else {
				V1SecretKeySelector secret = var.getValueFrom().getSecretKeyRef();
				assertThat(secret.getName() + "/" + secret.getKey()).as("a Secret this test can fill")
					.isEqualTo("snapgate-tokens/signing-key");
				container.withEnv(var.getName(), "a-signing-key-of-at-least-thirty-two-characters");
			}
		}
		for (V1VolumeMount mount : spec.getVolumeMounts()) {
			if ("/tmp".equals(mount.getMountPath())) {
				container.withTmpFs(Map.of("/tmp", "rw,size=64m"));
			}
			else {
				Path source = volumes.get(mount.getName());
				assertThat(source).as("a host folder for volume %s", mount.getName()).isNotNull();
				container.withFileSystemBind(source.toString(), mount.getMountPath(), BindMode.READ_ONLY);
			}
		}
		return container.withCreateContainerCmdModifier((cmd) -> {
			cmd.withUser(security.getRunAsUser() + ":" + security.getRunAsGroup());
			cmd.getHostConfig()
				.withReadonlyRootfs(security.getReadOnlyRootFilesystem())
				.withCapDrop(Capability.ALL)
				.withSecurityOpts(List.of("no-new-privileges"));
		});
	}

	private static String env(V1PodSpec pod, String name) {
		return pod.getContainers()
			.get(0)
			.getEnv()
			.stream()
			.filter((var) -> name.equals(var.getName()))
			.findFirst()
			.map(V1EnvVar::getValue)
			.orElseThrow();
	}

	/** A folder holding one file, readable by the container's non-root user. */
	private static Path writeReadable(Path folder, String name, String content) throws IOException {
		Files.createDirectories(folder);
		Files.writeString(folder.resolve(name), content);
		Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.setPosixFilePermissions(folder.resolve(name), PosixFilePermissions.fromString("rw-r--r--"));
		Files.setPosixFilePermissions(folder.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
		return folder;
	}

	private static GenericContainer<?> sandbox() {
		return new GenericContainer<>(SnapGateImage.get()).withEnv("SPRING_PROFILES_ACTIVE", "sandbox")
			.withExposedPorts(8080)
			// as the Helm chart runs it
			.withTmpFs(Map.of("/tmp", "rw,size=64m"))
			.withCreateContainerCmdModifier((cmd) -> cmd.getHostConfig().withReadonlyRootfs(true))
			.waitingFor(Wait.forHttp("/readyz").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(2)));
	}

	private static InspectContainerResponse.ContainerState state(DockerClient docker, String id) {
		return docker.inspectContainerCmd(id).exec().getState();
	}

	private String expectOk(GenericContainer<?> gateway, String path) throws Exception {
		HttpResponse<String> response = get(gateway, path);
		assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
		return response.body();
	}

	private HttpResponse<String> get(GenericContainer<?> gateway, String path) throws Exception {
		return get(gateway, path, null);
	}

	private HttpResponse<String> get(GenericContainer<?> gateway, String path, @Nullable String apiKey)
			throws Exception {
		URI uri = URI.create("http://" + gateway.getHost() + ":" + gateway.getFirstMappedPort() + path);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
		if (apiKey != null) {
			request.header("X-API-Key", apiKey);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Started means stopped again, whatever the exit code: the case expects a refusal.
	 */
	private static final class HasExited extends StartupCheckStrategy {

		@Override
		public StartupStatus checkStartupState(DockerClient docker, String containerId) {
			return Boolean.TRUE.equals(getCurrentState(docker, containerId).getRunning()) ? StartupStatus.NOT_YET_KNOWN
					: StartupStatus.SUCCESSFUL;
		}

	}

}
