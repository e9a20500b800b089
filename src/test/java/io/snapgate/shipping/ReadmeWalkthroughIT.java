package io.snapgate.shipping;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's walk-through, run as written against a fresh sandbox: its {@code bash}
 * blocks as one script that must succeed, each answer the one its comment states, and
 * every exchange handed over to the contract check.
 */
class ReadmeWalkthroughIT {

	private static DocRun run;

	@BeforeAll
	static void runTheReadme() {
		DocRun.assumeTheExamplesCanRun();
		run = DocRun.of(DocPage.read(Path.of("README.md")));
	}

	@Test
	void theWalkthroughRunsAsWritten() {
		assertThat(run.exitCode()).as("the walk-through failed; its output:%n%s", run.output()).isZero();
	}

	@Test
	void theRefusalsAreTheProblemsTheirCommentsName() {
		assertThat(DocScript.of(run.page()).expectations().values()).as("the README shows what is refused, and how")
			.anySatisfy((expected) -> assertThat(expected.status()).isBetween(400, 499));
		run.assertRanAsWritten();
	}

	@Test
	void itsExchangesAreHandedOverToTheContractCheck() {
		run.handOver();
	}

}
