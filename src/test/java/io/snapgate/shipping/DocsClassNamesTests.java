package io.snapgate.shipping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages that say where the code is, the architecture and the contributors' guide,
 * name only classes that exist: a class renamed or removed fails here rather than leaving
 * the map wrong.
 */
class DocsClassNamesTests {

	private static final List<Path> PAGES = List.of(Path.of("docs/architecture.md"));

	private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");

	/**
	 * A Java type name of two words or more, such as {@code VergeosFilter}; not an
	 * annotation, which may be the framework's.
	 */
	private static final Pattern CLASS = Pattern.compile("(?<!@)\\b[A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+\\b");

	@Test
	void everyClassThePagesNameExists() throws IOException {
		Set<String> classes = classes();
		List<String> missing = new ArrayList<>();
		for (Path page : PAGES) {
			List<String> lines = Files.readAllLines(page);
			for (int i = 0; i < lines.size(); i++) {
				Matcher span = CODE_SPAN.matcher(lines.get(i));
				while (span.find()) {
					if (span.group(1).startsWith("/")) {
						continue; // a path on a machine, such as
									// /Library/Java/JavaVirtualMachines
					}
					Matcher name = CLASS.matcher(span.group(1));
					while (name.find()) {
						if (!classes.contains(name.group())) {
							missing
								.add(page + ":" + (i + 1) + " names " + name.group() + ", which is no class of ours");
						}
					}
				}
			}
		}
		assertThat(missing).withFailMessage(() -> String.join("\n", missing)).isEmpty();
	}

	/** The simple names of the main and test classes, nested ones included. */
	private static Set<String> classes() throws IOException {
		Set<String> classes = new TreeSet<>();
		Pattern declared = Pattern.compile("\\b(?:class|interface|record|enum|@interface)\\s+([A-Z]\\w*)");
		for (String root : List.of("src/main/java", "src/test/java")) {
			try (Stream<Path> files = Files.walk(Path.of(root))) {
				for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
					Matcher declaration = declared.matcher(Files.readString(file));
					while (declaration.find()) {
						classes.add(declaration.group(1));
					}
				}
			}
		}
		return classes;
	}

}
