package io.snapgate.shipping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.snapgate.SnapGateApplication;
import io.snapgate.testing.GatewayHttp;
import io.snapgate.testing.OpenApiContract;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs a page's examples as written, as one bash script, against a sandbox of its own
 * started for them and stopped after: what one page does never shows on another.
 *
 * @param page the page
 * @param exitCode the script's exit status; 0 when every example succeeded
 * @param output what the script printed, standard error included
 * @param exchanges what the examples sent and were answered, in order
 * @param unmet each answer that is not the one its comment states
 * @param apiDocs the OpenAPI document the sandbox served, which its answers must meet
 */
record DocRun(DocPage page, int exitCode, String output, List<DocExchange> exchanges, List<String> unmet,
		String apiDocs) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Skips the test where bash, curl or jq is missing, and fails it so on CI. */
	static void assumeTheExamplesCanRun() {
		for (String tool : List.of("bash", "curl", "jq")) {
			boolean present = Files.isExecutable(Path.of("/usr/bin", tool));
			if (System.getenv("CI") != null) {
				assertThat(present).as(tool + " is installed by .ci/run").isTrue();
			}
			assumeTrue(present, "Skipped: no /usr/bin/" + tool + " (apt-get install curl jq; .ci/run does)");
		}
	}

	static DocRun of(DocPage page) {
		DocScript script = DocScript.of(page);
		try (ConfigurableApplicationContext sandbox = new SpringApplicationBuilder(SnapGateApplication.class,
				DocExchangeRecorder.class)
			.profiles("sandbox")
			.properties("server.port=0", "management.server.port=", "spring.main.banner-mode=off")
			.run()) {
			int port = Integer.parseInt(String.valueOf(sandbox.getEnvironment().getProperty("local.server.port")));
			Path log = Files.createTempFile("doc-examples", ".log");
			Process process = new ProcessBuilder("bash", "-c", script.on(port)).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			boolean ended = process.waitFor(5, TimeUnit.MINUTES);
			if (!ended) {
				process.destroyForcibly().waitFor();
			}
			String output = Files.readString(log, StandardCharsets.UTF_8);
			Files.delete(log);
			List<DocExchange> exchanges = sandbox.getBean(DocExchangeRecorder.class).exchanges();
			String apiDocs = new GatewayHttp(port).get("/v3/api-docs").body();
			return new DocRun(page, ended ? process.exitValue() : -1, ended ? output : output + "\n(timed out)",
					exchanges, unmet(page, script, exchanges), apiDocs);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run the examples of " + page, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running the examples of " + page, ex);
		}
	}

	/** Hands this run's exchanges over to be checked against the API's contract. */
	void handOver() {
		DocExchanges.handOver(this.page.name(), this.exchanges, OpenApiContract.load(this.apiDocs));
	}

	/**
	 * Fails, with the script's output, unless every example succeeded as its comment
	 * says.
	 */
	void assertRanAsWritten() {
		assertThat(this.exitCode).as("the examples of %s failed; their output:%n%s", this.page, this.output).isZero();
		assertThat(this.unmet).as("answers of %s that are not what their comments say", this.page)
			.withFailMessage(() -> String.join("\n", this.unmet))
			.isEmpty();
	}

	private static List<String> unmet(DocPage page, DocScript script, List<DocExchange> exchanges) {
		List<String> unmet = new ArrayList<>();
		script.expectations().values().forEach((expected) -> {
			List<DocExchange> answered = exchanges.stream()
				.filter((exchange) -> exchange.page().equals(page.name()) && exchange.line() == expected.line())
				.toList();
			if (answered.isEmpty()) {
				unmet.add(page + ":" + expected.line() + " expects " + expected + ", but no request was sent under it");
			}
			answered.stream()
				.filter((exchange) -> exchange.status() != expected.status()
						|| (expected.code() != null && !expected.code().equals(code(exchange))))
				.forEach((exchange) -> unmet.add(page + ":" + expected.line() + " expects " + expected + ", but "
						+ exchange + " answered " + exchange.body()));
		});
		return unmet;
	}

	private static String code(DocExchange exchange) {
		try {
			return JSON.readTree(exchange.body()).path("code").asString("");
		}
		catch (JacksonException ex) {
			return "";
		}
	}

}
