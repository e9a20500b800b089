package io.snapgate.startup;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The jar as built, processed by Spring AOT and started as the image starts it
 * ({@code java -Dspring.aot.enabled=true -jar}), with each setting that Spring Boot would
 * otherwise decide when the jar is built: the {@code sandbox} profile, a JWT issuer, OTLP
 * export, and a separate management port, which it refuses. Skipped when the jar has not
 * been built with its AOT classes ({@code ./mvnw verify} builds it).
 */
class AotJarIT {

	private static final Duration READY_WITHIN = Duration.ofMinutes(3);

	private static final String API_KEY = "aot-jar-it-key-0123456789abcdef";

	private static @Nullable Path jar;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<Process> processes = new ArrayList<>();

	private final List<HttpServer> servers = new ArrayList<>();

	@TempDir
	Path logs;

	@BeforeAll
	static void findTheJar() throws IOException {
		Path found = null;
		Path target = Path.of("target");
		if (Files.isDirectory(target)) {
			try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "snapgate-*.jar")) {
				for (Path candidate : jars) {
					found = candidate;
				}
			}
		}
		boolean aot = false;
		if (found != null) {
			try (ZipFile zip = new ZipFile(found.toFile())) {
				aot = zip.getEntry(
						"BOOT-INF/classes/io/snapgate/SnapGateApplication__ApplicationContextInitializer.class") != null;
			}
		}
		Assumptions.assumeTrue(aot, "No jar processed by Spring AOT in target/: run ./mvnw package (process-aot) "
				+ "to build it; skipping the AOT jar tests");
		jar = found;
	}

	@AfterEach
	void stop() throws InterruptedException {
		for (Process process : this.processes) {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		this.servers.forEach((server) -> server.stop(0));
	}

	@Test
	void theSandboxProfileChosenAtStartServesItsEmulatedProviders() throws Exception {
		String base = start("sandbox", "--spring.profiles.active=sandbox");

		JsonNode providers = this.json.readTree(get(base + "/providers", null).body());
		List<String> up = new ArrayList<>();
		providers.forEach((provider) -> {
			if ("UP".equals(provider.get("health").asString())) {
				up.add(provider.get("id").asString());
			}
		});
		assertThat(up).contains("sandbox-baidu", "sandbox-baidu-gz", "sandbox-vergeos");
	}

	@Test
	void aJwtIssuerConfiguredAtStartSignsCallersIn() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("aot-it").generate();
		HttpServer issuer = server();
		String issuerUri = "http://127.0.0.1:" + issuer.getAddress().getPort();
		issuer.createContext("/.well-known/openid-configuration", (exchange) -> respond(exchange,
				"{\"issuer\":\"" + issuerUri + "\",\"jwks_uri\":\"" + issuerUri + "/jwks.json\"}"));
		issuer.createContext("/jwks.json", (exchange) -> respond(exchange, new JWKSet(key.toPublicJWK()).toString()));
		issuer.start();

		String base = start("jwt", "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuerUri);

		assertThat(get(base + "/providers", "Bearer " + token(key, issuerUri)).statusCode()).isEqualTo(200);
		assertThat(get(base + "/providers", "Bearer " + token(key, "http://elsewhere.invalid")).statusCode())
			.isEqualTo(401);
		assertThat(get(base + "/providers", null).statusCode()).isEqualTo(401);
	}

	@Test
	void withoutTheProfileOrAnIssuerNoEmulatorOrBearerAnswersAndSpansGoToTheOtlpEndpointConfiguredAtStart()
			throws Exception {
		List<String> traces = new CopyOnWriteArrayList<>();
		HttpServer collector = server();
		collector.createContext("/v1/traces", (exchange) -> {
			try (InputStream body = exchange.getRequestBody()) {
				traces.add(exchange.getRequestMethod() + " " + body.readAllBytes().length);
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		collector.start();
		String endpoint = "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces";

		String base = start("otlp", "--snapgate.security.api-keys[0].owner=aot-it",
				"--snapgate.security.api-keys[0].sha256=" + sha256(API_KEY),
				"--snapgate.security.api-keys[0].scopes=snapshots:read",
				"--management.opentelemetry.tracing.export.otlp.endpoint=" + endpoint,
				"--management.tracing.sampling.probability=1.0",
				"--management.opentelemetry.tracing.export.schedule-delay=200ms");

		RSAKey key = new RSAKeyGenerator(2048).keyID("aot-it").generate();
		assertThat(get(base + "/providers", "Bearer " + token(key, "http://issuer.invalid")).statusCode())
			.as("no issuer is configured: a bearer token signs nobody in")
			.isEqualTo(401);
		HttpResponse<String> providers = withKey(base + "/providers");
		assertThat(providers.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(providers.body()).isEmpty()).as("no sandbox provider outside the profile")
			.isTrue();
		assertThat(withKey(base + "/sandbox/vergeos/api/v4/cloud_snapshots").statusCode())
			.as("no emulator answers outside the profile")
			.isEqualTo(404);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(traces).isNotEmpty());
		assertThat(traces.get(0)).startsWith("POST ");
	}

	@Test
	void aSeparateManagementPortIsRefusedRatherThanIgnored() throws Exception {
		Path log = this.logs.resolve("management.log");
		Process process = launch(log, "--spring.profiles.active=sandbox", "--server.port=" + freePort(),
				"--management.server.port=" + freePort());
		assertThat(process.waitFor(READY_WITHIN.toSeconds(), TimeUnit.SECONDS)).as("it stops by itself").isTrue();
		assertThat(process.exitValue()).isEqualTo(1);
		assertThat(Files.readString(log)).contains("APPLICATION FAILED TO START")
			.contains("management.server.port")
			.contains("-Dspring.aot.enabled=true");
	}

	/** Starts the AOT jar on a free port and waits until it is ready; its base URL. */
	private String start(String name, String... arguments) throws Exception {
		int port = freePort();
		List<String> all = new ArrayList<>(List.of("--server.port=" + port));
		all.addAll(List.of(arguments));
		Path log = this.logs.resolve(name + ".log");
		Process process = launch(log, all.toArray(String[]::new));
		String base = "http://127.0.0.1:" + port;
		try {
			await().atMost(READY_WITHIN).pollInterval(Duration.ofMillis(250)).until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException("the gateway stopped:\n" + Files.readString(log));
				}
				try {
					return get(base + "/readyz", null).statusCode() == 200;
				}
				catch (IOException ex) {
					return false;
				}
			});
		}
		catch (RuntimeException ex) {
			throw new AssertionError("not ready; its log:\n" + Files.readString(log), ex);
		}
		return base;
	}

	private Process launch(Path log, String... arguments) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
						"-Dspring.aot.enabled=true", "-jar", String.valueOf(jar), "--server.address=127.0.0.1"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		this.processes.add(process);
		return process;
	}

	private HttpResponse<String> get(String url, @Nullable String authorization)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> withKey(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", API_KEY).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpServer server() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.servers.add(server);
		return server;
	}

	private static void respond(HttpExchange exchange, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private static String token(RSAKey key, String issuer) throws JOSEException {
		Instant now = Instant.now();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				new JWTClaimsSet.Builder().issuer(issuer)
					.subject("aot-it")
					.claim("scope", "snapshots:read")
					.issueTime(Date.from(now.minusSeconds(60)))
					.expirationTime(Date.from(now.plusSeconds(600)))
					.build());
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private static String sha256(String key) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
