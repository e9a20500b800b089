package io.snapgate.shipping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * A page of the documentation as its tests read it: its fenced code blocks, each with the
 * line it starts on. Every {@code bash} block is an example that runs against a fresh
 * sandbox, unless the line before it says why not: {@code <!-- not run: needs a
 * Kubernetes cluster -->}.
 *
 * @param path the page, relative to the project
 * @param lines its lines
 * @param blocks its fenced code blocks, in order
 */
record DocPage(Path path, List<String> lines, List<Block> blocks) {

	/** The pages: the README, the other Markdown files beside it, and {@code docs/}. */
	static final List<Path> ROOTS = List.of(Path.of("README.md"), Path.of("CONTRIBUTING.md"), Path.of("CHANGELOG.md"));

	static final Path DOCS = Path.of("docs");

	private static final Pattern FENCE = Pattern.compile("^```(\\S*).*$");

	private static final Pattern NOT_RUN = Pattern.compile("^<!-- not run: (.+?) -->$");

	/** Every page, the README first. */
	static List<DocPage> all() {
		List<Path> paths = new ArrayList<>(ROOTS);
		try (Stream<Path> docs = Files.walk(DOCS)) {
			docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(paths::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return paths.stream().map(DocPage::read).toList();
	}

	static DocPage read(Path path) {
		try {
			List<String> lines = Files.readAllLines(path);
			return new DocPage(path, lines, blocks(lines));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The page's name as its examples' exchanges are labelled: its path. */
	String name() {
		return this.path.toString();
	}

	/** The blocks that run against the sandbox. */
	List<Block> runnable() {
		return this.blocks.stream().filter(Block::runs).toList();
	}

	@Override
	public String toString() {
		return name();
	}

	private static List<Block> blocks(List<String> lines) {
		List<Block> blocks = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher fence = FENCE.matcher(lines.get(i));
			if (!fence.matches()) {
				continue;
			}
			int end = i + 1;
			while (end < lines.size() && !lines.get(end).startsWith("```")) {
				end++;
			}
			blocks.add(new Block(fence.group(1), i + 2, lines.subList(i + 1, Math.min(end, lines.size())),
					notRun(lines, i)));
			i = end;
		}
		return blocks;
	}

	/** The reason given on the nearest line above the fence that is not blank. */
	private static @Nullable String notRun(List<String> lines, int fence) {
		for (int i = fence - 1; i >= 0; i--) {
			String line = lines.get(i).trim();
			if (line.isEmpty()) {
				continue;
			}
			Matcher notRun = NOT_RUN.matcher(line);
			return notRun.matches() ? notRun.group(1) : (line.startsWith("<!-- not run") ? "" : null);
		}
		return null;
	}

	/**
	 * A fenced code block.
	 *
	 * @param language the fence's info string, such as {@code bash}
	 * @param firstLine the line of its first content line, from 1
	 * @param lines its content
	 * @param notRun why it does not run, when the page says so; empty when the marker
	 * gives no reason
	 */
	record Block(String language, int firstLine, List<String> lines, @Nullable String notRun) {

		boolean runs() {
			return this.language.equals("bash") && this.notRun == null;
		}

	}

}
