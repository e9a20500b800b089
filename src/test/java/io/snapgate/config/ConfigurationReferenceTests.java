package io.snapgate.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.snapgate.config.ConfigurationMetadata.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration reference, {@code docs/configuration.md}, says what the configuration
 * metadata says: every property of the metadata is documented there, once, and every
 * documented property is in the metadata, with its type, default and description. The
 * other pages link to it rather than repeat it; a setting they name in passing is one the
 * metadata has.
 */
class ConfigurationReferenceTests {

	private static final Path REFERENCE = Path.of("docs/configuration.md");

	/**
	 * The names in code spans that are not settings: the audit logger, the upstream
	 * metric and the dashboard's file.
	 */
	private static final Set<String> NOT_SETTINGS = Set.of("snapgate.audit", "snapgate.upstream.requests",
			"snapgate.json");

	/** A setting named in a code span, such as {@code `snapgate.providers.<id>.type`}. */
	private static final Pattern SETTING = Pattern.compile("`(snapgate\\.[a-z0-9.<>\\[\\]_-]+)");

	/** A table cell boundary: a pipe that Markdown does not escape. */
	private static final Pattern CELL = Pattern.compile("(?<!\\\\)\\|");

	private final ConfigurationMetadata metadata = ConfigurationMetadata.load();

	@Test
	void everyPropertyOfTheMetadataIsInTheReference() throws IOException {
		Map<String, Row> documented = referenceRows();
		List<String> missing = new ArrayList<>();
		this.metadata.properties().values().forEach((property) -> {
			if (!documented.containsKey(property.name())) {
				missing.add(property.name() + " (from " + property.sourceType() + ") is missing from " + REFERENCE
						+ "; add the row\n    " + expectedRow(property));
			}
		});
		assertThat(missing).withFailMessage(() -> String.join("\n", missing)).isEmpty();
	}

	@Test
	void everyPropertyOfTheReferenceIsInTheMetadata() throws IOException {
		List<String> unknown = new ArrayList<>();
		referenceRows().values().forEach((row) -> {
			if (this.metadata.find(row.name()).isEmpty()) {
				unknown.add(REFERENCE + ":" + row.line() + " documents " + row.name()
						+ ", which the metadata does not have (no settings record declares it)");
			}
		});
		assertThat(unknown).withFailMessage(() -> String.join("\n", unknown)).isEmpty();
	}

	@Test
	void theReferenceGivesEachPropertyTheTypeDefaultAndDescriptionOfTheMetadata() throws IOException {
		List<String> different = new ArrayList<>();
		referenceRows().values().forEach((row) -> this.metadata.find(row.name()).ifPresent((property) -> {
			String where = REFERENCE + ":" + row.line() + " " + row.name() + ": ";
			compare(different, where + "type", row.cells().get(1), "`" + property.simpleType() + "`");
			compare(different, where + "default", row.cells().get(2), code(property.defaultValue()));
			compare(different, where + "description", row.cells().get(3), property.markdownDescription());
		}));
		assertThat(different).withFailMessage(() -> String.join("\n", different)).isEmpty();
	}

	@Test
	void everySettingThePagesNameIsOneOfTheMetadata() throws IOException {
		List<String> unknown = new ArrayList<>();
		for (Path page : pages()) {
			List<String> lines = Files.readAllLines(page);
			for (int i = 0; i < lines.size(); i++) {
				Matcher setting = SETTING.matcher(lines.get(i));
				while (setting.find()) {
					String name = setting.group(1).replaceAll("(\\[]|\\.)$", "");
					if (!NOT_SETTINGS.contains(name) && !this.metadata.names(name)) {
						unknown.add(page + ":" + (i + 1) + " names " + setting.group(1)
								+ ", which no settings record declares; the settings are in " + REFERENCE);
					}
				}
			}
		}
		assertThat(unknown).withFailMessage(() -> String.join("\n", unknown)).isEmpty();
	}

	private static void compare(List<String> different, String what, String documented, String expected) {
		if (!documented.equals(expected)) {
			different.add(what + " is\n    " + documented + "\n  where the metadata says\n    " + expected);
		}
	}

	private static String code(String value) {
		return (value != null) ? "`" + value + "`" : "";
	}

	private static String expectedRow(Property property) {
		return "| `" + property.name() + "` | `" + property.simpleType() + "` | " + code(property.defaultValue())
				+ " | " + property.markdownDescription() + " |";
	}

	/** The rows of the reference's tables, by property, each documented once. */
	private static Map<String, Row> referenceRows() throws IOException {
		Map<String, Row> rows = new LinkedHashMap<>();
		List<String> lines = Files.readAllLines(REFERENCE);
		for (int i = 0; i < lines.size(); i++) {
			List<String> cells = cells(lines.get(i));
			if (cells.size() == 4 && cells.get(0).matches("`snapgate\\.[^`]+`")) {
				Row row = new Row(cells.get(0).substring(1, cells.get(0).length() - 1), cells, i + 1);
				Row earlier = rows.putIfAbsent(row.name(), row);
				assertThat(earlier)
					.withFailMessage("%s documents %s twice, at lines %s and %s", REFERENCE, row.name(),
							(earlier != null) ? earlier.line() : 0, row.line())
					.isNull();
			}
		}
		return rows;
	}

	/** Every page but the reference: the README, the files beside it, and docs/. */
	private static List<Path> pages() throws IOException {
		List<Path> pages = new ArrayList<>(List.of(Path.of("README.md"), Path.of("CONTRIBUTING.md")));
		try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md") && !path.equals(REFERENCE))
				.sorted()
				.forEach(pages::add);
		}
		return pages;
	}

	private static List<String> cells(String line) {
		String trimmed = line.trim();
		if (!trimmed.startsWith("|") || !trimmed.endsWith("|")) {
			return List.of();
		}
		String[] parts = CELL.split(trimmed.substring(1, trimmed.length() - 1), -1);
		List<String> cells = new ArrayList<>();
		for (String part : parts) {
			cells.add(part.trim());
		}
		return cells;
	}

	/**
	 * A documented table row.
	 *
	 * @param name the property it documents
	 * @param cells its cells, the name's first
	 * @param line its line, from 1
	 */
	record Row(String name, List<String> cells, int line) {
	}

}
