package io.snapgate.shipping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The README's walk-through, run as written against a fresh sandbox: the block marked
 * {@code <!-- walkthrough -->} as one bash script that must succeed, and each example of
 * the block after it, which must be refused with the status and code its comment says.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("sandbox")
class ReadmeWalkthroughIT {

	private static final Path README = Path.of("README.md");

	private static final Pattern REFUSAL = Pattern.compile("^# (\\d{3}) ([A-Z_]+):.*$");

	@LocalServerPort
	int port;

	@BeforeAll
	static void needsCurlAndJq() {
		for (String tool : List.of("bash", "curl", "jq")) {
			boolean present = Files.isExecutable(Path.of("/usr/bin", tool));
			if (System.getenv("CI") != null) {
				assertThat(present).as(tool + " is installed by .ci/run").isTrue();
			}
			assumeTrue(present, "Skipped: no /usr/bin/" + tool + " (apt-get install curl jq; .ci/run does)");
		}
	}

	@Test
	void theWalkthroughRunsAsWritten() throws Exception {
		List<String> blocks = blocksAfterMarker();

		Result result = bash(blocks.get(0));

		assertThat(result.exitCode()).as("the walk-through failed; its output:%n%s", result.output()).isZero();
	}

	@Test
	void theRefusalsAreTheProblemsTheirCommentsName() throws Exception {
		List<Example> examples = refusals(blocksAfterMarker().get(1));
		assertThat(examples).hasSizeGreaterThanOrEqualTo(4);

		for (Example example : examples) {
			Result result = bash(example.command());

			assertThat(result.output()).as(example.command())
				.contains("\"status\":" + example.status())
				.contains("\"code\":\"" + example.code() + "\"");
		}
	}

	private Result bash(String script) throws IOException, InterruptedException {
		String pointed = script.replace("B=localhost:8080", "B=localhost:" + this.port);
		Process process = new ProcessBuilder("bash", "-euo", "pipefail", "-c",
				(pointed.contains("B=localhost:") ? "" : "B=localhost:" + this.port + "\n") + pointed)
			.redirectErrorStream(true)
			.start();
		boolean ended = process.waitFor(3, TimeUnit.MINUTES);
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!ended) {
			process.destroyForcibly();
			return new Result(-1, output + "\n(timed out)");
		}
		return new Result(process.exitValue(), output);
	}

	/** The marked block and the one after it. */
	private static List<String> blocksAfterMarker() throws IOException {
		String readme = Files.readString(README);
		int marker = readme.indexOf("<!-- walkthrough -->");
		assertThat(marker).as("README.md marks its walk-through").isNotNegative();
		List<String> blocks = new ArrayList<>();
		int from = marker;
		while (blocks.size() < 2) {
			int start = readme.indexOf("```bash\n", from);
			int end = readme.indexOf("\n```", start + 8);
			assertThat(start).isNotNegative();
			blocks.add(readme.substring(start + 8, end + 1));
			from = end + 4;
		}
		return blocks;
	}

	/** Each {@code # <status> <CODE>: ...} comment with the command under it. */
	private static List<Example> refusals(String block) {
		List<Example> examples = new ArrayList<>();
		List<String> lines = block.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			Matcher refusal = REFUSAL.matcher(lines.get(i));
			if (!refusal.matches()) {
				continue;
			}
			StringBuilder command = new StringBuilder();
			int next = i + 1;
			while (next < lines.size() && !lines.get(next).startsWith("#")) {
				command.append(lines.get(next)).append('\n');
				next++;
			}
			examples.add(new Example(Integer.parseInt(refusal.group(1)), refusal.group(2), command.toString()));
		}
		return examples;
	}

	private record Result(int exitCode, String output) {
	}

	private record Example(int status, String code, String command) {
	}

}
