package io.snapgate.guard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.snapgate.SnapGateApplication;
import io.snapgate.security.ApiKeyHashes;
import io.snapgate.testing.Emulators;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Three gateway replicas with one Redis, over the sandbox's emulators, for the tests of
 * what replicas share: each replica has the Baidu emulator as provider {@code bcc}, and
 * one API key that reads, writes snapshots and scrapes.
 */
final class RedisReplicas {

	static final int COUNT = 3;

	private static final String KEY = "replicas-" + "k".repeat(40);

	private final GenericContainer<?> redis;

	private final Emulators emulators;

	private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

	private final HttpClient http = HttpClient.newHttpClient();

	RedisReplicas(GenericContainer<?> redis, Emulators emulators) {
		this.redis = redis;
		this.emulators = emulators;
	}

	/** A Redis in a container: the local image CI builds, or {@code redis:7}. */
	static GenericContainer<?> redis() {
		return new GenericContainer<>(
				DockerImageName.parse(System.getenv().getOrDefault("SNAPGATE_REDIS_IMAGE", "redis:7"))
					.asCompatibleSubstituteFor("redis"))
			.withExposedPorts(6379);
	}

	/**
	 * Starts the three replicas.
	 * @param settings more of their settings, as {@code name=value}
	 * @return their ports
	 */
	List<Integer> start(String... settings) {
		List<String> properties = new ArrayList<>(List.of("server.port=0", "management.server.port=",
				"spring.data.redis.host=" + this.redis.getHost(),
				"spring.data.redis.port=" + this.redis.getMappedPort(6379), "spring.data.redis.timeout=500ms",
				"snapgate.resilience.shared-budget-retry=PT1S", "snapgate.providers.bcc.type=baidu",
				"snapgate.providers.bcc.endpoint=" + this.emulators.url() + "/sandbox/baidu",
				"snapgate.providers.bcc.access-key-id=sandboxak0000000000000000000baidu",
				"snapgate.providers.bcc.secret-access-key=sandbox-sk-not-a-secret-anywhere-else",
				"snapgate.providers.bcc.resilience.retry-attempts=1", "snapgate.security.api-keys[0].owner=replicas",
				"snapgate.security.api-keys[0].sha256=" + ApiKeyHashes.sha256Hex(KEY),
				"snapgate.security.api-keys[0].scopes=snapshots:read,snapshots:write,actuator:read"));
		properties.addAll(List.of(settings));
		List<Integer> ports = new ArrayList<>();
		for (int i = 0; i < COUNT; i++) {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(SnapGateApplication.class)
				.properties(properties.toArray(String[]::new))
				.run();
			this.replicas.add(context);
			ports.add(((WebServerApplicationContext) context).getWebServer().getPort());
		}
		return ports;
	}

	/** Stops the replicas, and leaves Redis answering and empty for the next test. */
	void stop() throws Exception {
		this.replicas.forEach(ConfigurableApplicationContext::close);
		this.replicas.clear();
		this.emulators.journal().clear();
		if (Boolean.TRUE.equals(this.redis.getCurrentContainerInfo().getState().getPaused())) {
			this.redis.getDockerClient().unpauseContainerCmd(this.redis.getContainerId()).exec();
		}
		this.redis.execInContainer("redis-cli", "FLUSHALL");
	}

	/** Redis stops answering, as a network that drops its packets would. */
	void pauseRedis() {
		this.redis.getDockerClient().pauseContainerCmd(this.redis.getContainerId()).exec();
	}

	void unpauseRedis() {
		this.redis.getDockerClient().unpauseContainerCmd(this.redis.getContainerId()).exec();
	}

	HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(request(port, path).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	CompletableFuture<HttpResponse<String>> getAsync(int port, String path) {
		return this.http.sendAsync(request(port, path).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A JSON merge patch. */
	HttpResponse<String> patch(int port, String path, String body) throws Exception {
		return this.http.send(request(port, path).header("Content-Type", "application/merge-patch+json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	String scrape(int port) throws Exception {
		return get(port, "/actuator/prometheus").body();
	}

	private HttpRequest.Builder request(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("X-API-Key", KEY)
			.timeout(Duration.ofSeconds(30));
	}

}
