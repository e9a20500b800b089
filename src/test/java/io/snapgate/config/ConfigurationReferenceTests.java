package io.snapgate.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.snapgate.config.ConfigurationMetadata.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration reference, {@code docs/configuration.md}, and the README's tables of
 * properties say what the configuration metadata says: every property of the metadata is
 * documented, every documented property is in the metadata, with its type, default and
 * description.
 */
class ConfigurationReferenceTests {

	private static final Path REFERENCE = Path.of("docs/configuration.md");

	private static final Path README = Path.of("README.md");

	/** A table cell boundary: a pipe that Markdown does not escape. */
	private static final Pattern CELL = Pattern.compile("(?<!\\\\)\\|");

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

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
	void theReadmesTablesNameOnlyPropertiesOfTheMetadataWithTheirDefaults() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Row row : readmeRows()) {
			this.metadata.find(row.name())
				.ifPresentOrElse((property) -> compareReadmeDefault(problems, row, property),
						() -> problems.add(README + ":" + row.line() + " names " + row.name()
								+ ", which the metadata does not have (no settings record declares it)"));
		}
		assertThat(problems).withFailMessage(() -> String.join("\n", problems)).isEmpty();
	}

	@Test
	void everyPropertyOfTheMetadataIsInOneOfTheReadmesTables() throws IOException {
		Set<String> named = new TreeSet<>();
		readmeRows().forEach((row) -> named.add(row.name()));
		List<String> missing = new ArrayList<>();
		this.metadata.properties().values().forEach((property) -> {
			if (!named.contains(property.name())) {
				missing.add(property.name() + " (from " + property.sourceType() + ") is in no table of " + README
						+ "; add it to the table of its section");
			}
		});
		assertThat(missing).withFailMessage(() -> String.join("\n", missing)).isEmpty();
	}

	private static void compare(List<String> different, String what, String documented, String expected) {
		if (!documented.equals(expected)) {
			different.add(what + " is\n    " + documented + "\n  where the metadata says\n    " + expected);
		}
	}

	/**
	 * A README default is either the metadata's in a code span, or words ("(required)",
	 * "random per instance", "`5s` (`resilience4j...`)") for a property the metadata
	 * gives no default.
	 */
	private static void compareReadmeDefault(List<String> problems, Row row, Property property) {
		String documented = row.cells().get(1);
		boolean literal = documented.matches("`[^`]+`");
		if (property.defaultValue() != null && !documented.equals(code(property.defaultValue()))) {
			problems.add(README + ":" + row.line() + " " + row.name() + ": the default is " + blankAsNone(documented)
					+ " where the metadata says " + code(property.defaultValue()));
		}
		else if (property.defaultValue() == null && literal) {
			problems.add(README + ":" + row.line() + " " + row.name() + ": the default is " + documented
					+ " where the metadata has none; say where the value comes from");
		}
	}

	private static String blankAsNone(String cell) {
		return cell.isEmpty() ? "(none)" : cell;
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

	/**
	 * The rows of the README's tables of properties: a table whose header starts with
	 * {@code property} or {@code setting}, its second column the default. A header may
	 * give the prefix of the names below it
	 * ({@code property (`snapgate.sandbox.baidu.`)}); a row may name several properties
	 * ({@code `username` + `password`}); a list is named with or without {@code []}.
	 */
	private static List<Row> readmeRows() throws IOException {
		List<Row> rows = new ArrayList<>();
		List<String> lines = Files.readAllLines(README);
		String prefix = null;
		for (int i = 0; i < lines.size(); i++) {
			List<String> cells = cells(lines.get(i));
			if (cells.isEmpty()) {
				prefix = null;
			}
			else if (cells.size() >= 2 && cells.get(0).matches("(property|setting)\\b.*")
					&& cells.get(1).equals("default")) {
				Matcher header = CODE.matcher(cells.get(0));
				prefix = header.find() ? header.group(1) : "";
			}
			else if (prefix != null && !cells.get(0).startsWith("---")) {
				Matcher names = CODE.matcher(cells.get(0));
				while (names.find()) {
					String name = names.group(1).startsWith("snapgate.") ? names.group(1) : prefix + names.group(1);
					rows.add(new Row(name.endsWith("[]") ? name.substring(0, name.length() - 2) : name, cells, i + 1));
				}
			}
		}
		return rows;
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
