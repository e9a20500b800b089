package io.snapgate.shipping;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules the documentation's examples follow, so that none goes unchecked: a
 * {@code bash} block that does not run says why, and the README keeps its two-command
 * quick start (CI runs the second) and stays short.
 */
class DocsBlocksTests {

	private static final DocPage README = DocPage.read(Path.of("README.md"));

	@Test
	void everyBlockThatDoesNotRunSaysWhy() {
		List<String> silent = new ArrayList<>();
		for (DocPage page : DocPage.all()) {
			page.blocks()
				.stream()
				.filter((block) -> block.notRun() != null && block.notRun().isBlank())
				.forEach((block) -> silent.add(page + ":" + (block.firstLine() - 1)));
		}
		assertThat(silent).as("<!-- not run: ... --> markers that give no reason").isEmpty();
	}

	@Test
	void theQuickStartIsTwoCommandsAndCiRunsTheSecond() {
		List<String> commands = README.blocks()
			.stream()
			.filter((block) -> block.language().equals("bash") && !block.runs())
			.flatMap((block) -> block.lines().stream())
			.filter((line) -> line.startsWith("./mvnw "))
			.map((line) -> line.replaceAll("\\s+#.*$", ""))
			.toList();

		assertThat(commands).containsExactly("./mvnw spring-boot:run -Dspring-boot.run.profiles=sandbox",
				"./mvnw verify");
	}

	@Test
	void theReadmeHasARunnableWalkthroughAndStaysShort() {
		assertThat(README.runnable()).isNotEmpty();
		assertThat(README.lines()).as("README.md: the manual is in docs/").hasSizeLessThanOrEqualTo(250);
	}

	@Test
	void commentsThatStateAnAnswerAreReadAsSuch() {
		DocPage page = new DocPage(Path.of("example.md"), List.of(),
				List.of(new DocPage.Block("bash", 2, List.of("# 404 MEMBER_NOT_FOUND: no such VM", "curl -s x",
						"# 204: deleted", "curl -s y", "# 201, Location: not a statement", "curl -s z"), null)));

		assertThat(DocScript.of(page).expectations().values()).extracting(DocScript.Expectation::toString)
			.containsExactly("404 MEMBER_NOT_FOUND", "204");
		assertThat(DocScript.of(page).expectations()).containsOnlyKeys(2, 4);
	}

}
