package io.snapgate.api;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.snapgate.testing.GatewayHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The served OpenAPI document, linted as a new user would lint it: Spectral with its
 * standard {@code spectral:oas} ruleset, against the sandbox, which shows both kinds of
 * provider. No finding may be an error; the warnings are printed. The document and
 * Spectral's findings are left under {@code target/openapi/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("sandbox")
class OpenApiLintIT {

	/** Spectral, pinned in package.json and package-lock.json there. */
	private static final Path SPECTRAL_HOME = Path.of("src", "test", "spectral");

	private static final Path SPECTRAL = SPECTRAL_HOME.resolve("node_modules/.bin/spectral");

	private static final Path OUTPUT = Path.of("target", "openapi");

	/** Spectral's severities, by the number its JSON gives them. */
	private static final List<String> SEVERITIES = List.of("error", "warning", "information", "hint");

	@LocalServerPort
	int port;

	@BeforeAll
	static void needsSpectral() {
		boolean present = Files.isExecutable(SPECTRAL);
		if (System.getenv("CI") != null) {
			assertThat(present).as(SPECTRAL + " is installed by .ci/run").isTrue();
		}
		assumeTrue(present, "Skipped: no " + SPECTRAL + " (cd " + SPECTRAL_HOME + " && npm ci; .ci/run does)");
	}

	@Test
	void theDocumentHasNoSpectralError() throws Exception {
		Path document = OUTPUT.resolve("api-docs.json");
		Path report = OUTPUT.resolve("spectral.json");
		Files.createDirectories(OUTPUT);
		Files.deleteIfExists(report);
		Files.writeString(document, new GatewayHttp(this.port).get("/v3/api-docs").body());

		Process spectral = new ProcessBuilder(SPECTRAL.toAbsolutePath().toString(), "lint", "--ruleset",
				SPECTRAL_HOME.resolve(".spectral.yaml").toString(), "--format", "json", "--output", report.toString(),
				"--quiet", document.toString())
			.redirectErrorStream(true)
			.start();
		boolean ended = spectral.waitFor(3, TimeUnit.MINUTES);
		String output = new String(spectral.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!ended) {
			spectral.destroyForcibly();
		}
		assertThat(ended).as("Spectral did not end; its output:%n%s", output).isTrue();
		assertThat(report).as("Spectral wrote no report; its output:%n%s", output).exists();

		List<String> errors = new ArrayList<>();
		List<String> others = new ArrayList<>();
		for (JsonNode finding : JsonMapper.builder().build().readTree(report.toFile())) {
			String line = describe(finding);
			(finding.path("severity").asInt() == 0 ? errors : others).add(line);
		}
		others.forEach((line) -> System.out.println("Spectral: " + line));
		assertThat(errors).as("Spectral's errors in the OpenAPI document (all findings: %s)", report).isEmpty();
	}

	private static String describe(JsonNode finding) {
		List<String> path = new ArrayList<>();
		finding.path("path").forEach((segment) -> path.add(segment.asString()));
		int severity = finding.path("severity").asInt();
		return SEVERITIES.get(Math.min(severity, SEVERITIES.size() - 1)) + " " + finding.path("code").asString()
				+ " at " + String.join(".", path) + ": " + finding.path("message").asString();
	}

}
