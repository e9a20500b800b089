package io.snapgate.shipping;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples of every page of the documentation but the README (which
 * {@link ReadmeWalkthroughIT} runs), run as written, each page against a fresh sandbox of
 * its own: the page's {@code bash} blocks as one script that must succeed, each answer
 * the one its comment states, and every exchange handed over to the contract check.
 */
class DocsExamplesIT {

	static Stream<DocPage> pages() {
		List<String> only = List.of(System.getProperty("docs.page", "").split(","))
			.stream()
			.filter((page) -> !page.isBlank())
			.toList();
		return DocPage.all()
			.stream()
			.filter((page) -> !page.path().equals(Path.of("README.md")))
			.filter((page) -> !page.runnable().isEmpty())
			.filter((page) -> only.isEmpty() || only.contains(page.name()));
	}

	@BeforeAll
	static void needsBashCurlAndJq() {
		DocRun.assumeTheExamplesCanRun();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pages")
	void theExamplesRunAsWrittenAgainstAFreshSandbox(DocPage page) {
		DocRun run = DocRun.of(page);

		run.assertRanAsWritten();
		run.handOver();
	}

}
