package io.snapgate.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code snapgate.*} properties of the configuration metadata that the build writes,
 * the hand-written additional metadata merged in by the processor.
 */
final class ConfigurationMetadata {

	static final Path GENERATED = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

	static final Path ADDITIONAL = Path.of("src/main/resources/META-INF/additional-spring-configuration-metadata.json");

	private final Map<String, Property> properties;

	private ConfigurationMetadata(List<Property> properties) {
		this.properties = properties.stream().collect(Collectors.toMap(Property::name, Function.identity(), (a, b) -> {
			throw new IllegalStateException("Two metadata entries for " + a.name());
		}, java.util.TreeMap::new));
	}

	static ConfigurationMetadata load() {
		if (!Files.isRegularFile(GENERATED)) {
			throw new IllegalStateException(GENERATED + " is missing: compile first (./mvnw compile)");
		}
		List<Property> properties = new ArrayList<>(read(GENERATED));
		if (Files.isRegularFile(ADDITIONAL)) {
			List<String> generated = properties.stream().map(Property::name).toList();
			read(ADDITIONAL).stream().filter((p) -> !generated.contains(p.name())).forEach(properties::add);
		}
		return new ConfigurationMetadata(properties);
	}

	private static List<Property> read(Path file) {
		JsonNode root = JsonMapper.shared().readTree(file.toFile());
		List<Property> properties = new ArrayList<>();
		for (JsonNode node : root.path("properties")) {
			String name = node.get("name").asString();
			if (name.startsWith("snapgate.")) {
				JsonNode defaultValue = node.get("defaultValue");
				properties.add(new Property(name, node.get("type").asString(),
						(defaultValue != null) ? defaultValue.asString() : null, text(node, "description"),
						text(node, "sourceType")));
			}
		}
		return properties;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null) ? value.asString() : "";
	}

	Map<String, Property> properties() {
		return this.properties;
	}

	Optional<Property> find(String name) {
		return Optional.ofNullable(this.properties.get(name));
	}

	/**
	 * Whether a name is a property, or a group of them such as
	 * {@code snapgate.providers.<id>.resilience}.
	 */
	boolean names(String name) {
		return this.properties.containsKey(name) || this.properties.keySet()
			.stream()
			.anyMatch((property) -> property.startsWith(name + ".") || property.startsWith(name + "[]"));
	}

	/**
	 * One property as the metadata describes it.
	 *
	 * @param name its name, with {@code <id>} for a map key and {@code []} for a list
	 * element
	 * @param type the Java type, generics included
	 * @param defaultValue the default as written, or {@code null} for none
	 * @param description the description, from the Javadoc of the record
	 * @param sourceType the record it comes from
	 */
	record Property(String name, String type, String defaultValue, String description, String sourceType) {

		/** The type without packages or enclosing classes: {@code List<ApiKey>}. */
		String simpleType() {
			return this.type.replaceAll("[a-z][a-z0-9_]*\\.", "").replaceAll("[A-Za-z0-9_]+\\$", "").replace(",", ", ");
		}

		/** The description as Markdown: {@code {@code x}} becomes a code span. */
		String markdownDescription() {
			return this.description.replaceAll("\\{@code ([^}]*)}", "`$1`").replace("|", "\\|");
		}

	}

}
