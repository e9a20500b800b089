package io.snapgate.shipping;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The image as Kubernetes runs it: read-only root file system with a writable {@code /tmp}, a
 * non-root user, probes, documents and metrics answering, a graceful stop on SIGTERM, and a refusal to
 * start open outside the sandbox.
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
			if (providerIds.isEmpty()) {
				assertThat(page.get("items").isEmpty()).as("no provider, no snapshot").isTrue();
			}
			else {
				assertThat(page.get("items").isEmpty()).as("the emulators are seeded").isFalse();
				page.get("items").forEach((item) -> assertThat(item.get("provider").asString()).isIn(providerIds));
			}

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
		URI uri = URI.create("http://" + gateway.getHost() + ":" + gateway.getMappedPort(8080) + path);
		return this.http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** Started means stopped again, whatever the exit code: the case expects a refusal. */
	private static final class HasExited extends StartupCheckStrategy {

		@Override
		public StartupStatus checkStartupState(DockerClient docker, String containerId) {
			return Boolean.TRUE.equals(getCurrentState(docker, containerId).getRunning()) ? StartupStatus.NOT_YET_KNOWN
					: StartupStatus.SUCCESSFUL;
		}

	}

}
