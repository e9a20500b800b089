package io.snapgate.testing;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks HTTP answers against the OpenAPI document the gateway serves, as a strict client
 * generated from it would read them:
 *
 * <pre>{@code
 * OpenApiContract contract = OpenApiContract.load(http.get("/v3/api-docs").body());
 * HttpResponse<String> answer = http.get("/snapshots/sandbox-vergeos:1");
 * assertThat(contract.violations(Exchange.of("GET", "/snapshots/sandbox-vergeos:1", answer))).isEmpty();
 * }</pre>
 *
 * An answer is a violation when no operation of the document has its method and path
 * (path templates such as {@code /snapshots/{id}} are matched segment by segment), when
 * that operation declares no answer with its status (nor its {@code 4XX} range, nor a
 * {@code default}), when it has a body where none is declared or none where one is, when
 * its content type is not among those declared, or when its body does not validate
 * against the declared schema. Schemas are read as OpenAPI 3.1 reads them, JSON Schema
 * 2020-12 with {@code $ref}s resolved in the document, formats such as {@code date-time}
 * asserted, and one rule of the contract's own: an object may carry no member its schema
 * does not declare, so that the document stays complete.
 * <p>
 * Thread-safe; load it once per document.
 */
public final class OpenApiContract {

	/** The name the document is registered under; nothing is fetched from it. */
	private static final String DOCUMENT = "https://snapgate.invalid/v3/api-docs";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JsonNode document;

	private final SchemaRegistry registry;

	private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

	private OpenApiContract(JsonNode document) {
		this.document = document;
		SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
		this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
				(builder) -> builder.schemaRegistryConfig(config).schemas(Map.of(DOCUMENT, document.toString())));
	}

	/**
	 * @param apiDocsJson the document as {@code /v3/api-docs} serves it
	 */
	public static OpenApiContract load(String apiDocsJson) {
		JsonNode document = JSON.readTree(apiDocsJson);
		if (!document.path("openapi").asString("").startsWith("3.1")) {
			throw new IllegalArgumentException("Not an OpenAPI 3.1 document: openapi is " + document.path("openapi"));
		}
		closeObjects(document);
		return new OpenApiContract(document);
	}

	/**
	 * What is wrong with one answer, each as a sentence naming the exchange; empty when
	 * the document declares it as it is.
	 */
	public List<String> violations(Exchange exchange) {
		String method = exchange.method().toLowerCase(Locale.ROOT);
		String path = exchange.path().split("[?#]", 2)[0];
		String name = exchange.method().toUpperCase(Locale.ROOT) + " " + exchange.path() + " -> " + exchange.status();
		Optional<String> template = template(method, path);
		if (template.isEmpty()) {
			return List.of(name + ": the document has no operation " + method.toUpperCase(Locale.ROOT) + " " + path);
		}
		String operation = "/paths/" + escape(template.get()) + "/" + method;
		String response = response(operation, exchange.status());
		if (response == null) {
			return List.of(name + ": " + exchange.status() + " is not declared for " + method.toUpperCase(Locale.ROOT)
					+ " " + template.get() + ", which declares " + fieldNames(at(operation + "/responses")));
		}
		JsonNode content = at(response + "/content");
		boolean hasBody = !exchange.body().isBlank();
		if (content.isMissingNode() || content.isEmpty()) {
			return hasBody ? List.of(name + ": answers a body where the document declares none") : List.of();
		}
		if (!hasBody) {
			return List.of(name + ": answers no body where the document declares " + fieldNames(content));
		}
		String mediaType = mediaType(exchange.contentType(), content);
		if (mediaType == null) {
			return List.of(name + ": answers " + exchange.contentType() + " where the document declares "
					+ fieldNames(content));
		}
		String schema = response + "/content/" + escape(mediaType) + "/schema";
		if (at(schema).isMissingNode()) {
			return List.of();
		}
		List<Error> errors = this.schemas.computeIfAbsent(schema, this::schemaAt)
			.validate(exchange.body(), InputFormat.JSON);
		List<String> violations = new ArrayList<>();
		for (Error error : errors) {
			violations.add(name + ": " + error);
		}
		return violations;
	}

	/** The template of the operation for the path, the one with most literal segments. */
	private Optional<String> template(String method, String path) {
		String[] segments = path.split("/", -1);
		return this.document.path("paths")
			.propertyNames()
			.stream()
			.filter((template) -> this.document.path("paths").path(template).has(method))
			.filter((template) -> matches(template.split("/", -1), segments))
			.max(Comparator.comparingLong((template) -> literals(template.split("/", -1))));
	}

	private static boolean matches(String[] template, String[] segments) {
		if (template.length != segments.length) {
			return false;
		}
		for (int i = 0; i < template.length; i++) {
			boolean variable = template[i].startsWith("{") && template[i].endsWith("}");
			if (variable ? segments[i].isEmpty() : !template[i].equals(segments[i])) {
				return false;
			}
		}
		return true;
	}

	private static long literals(String[] template) {
		return Arrays.stream(template).filter((segment) -> !segment.startsWith("{")).count();
	}

	/**
	 * The pointer to the declared answer, with a {@code $ref} to a shared one followed.
	 */
	private @Nullable String response(String operation, int status) {
		JsonNode responses = at(operation + "/responses");
		for (String key : List.of(String.valueOf(status), (status / 100) + "XX", "default")) {
			if (responses.has(key)) {
				String pointer = operation + "/responses/" + escape(key);
				String ref = at(pointer).path("$ref").asString(null);
				return (ref != null) ? local(ref) : pointer;
			}
		}
		return null;
	}

	private static @Nullable String mediaType(@Nullable String contentType, JsonNode content) {
		if (contentType == null) {
			return null;
		}
		String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
		if (content.has(type)) {
			return type;
		}
		String range = type.substring(0, type.indexOf('/') + 1) + "*";
		return content.has(range) ? range : (content.has("*/*") ? "*/*" : null);
	}

	private Schema schemaAt(String pointer) {
		Schema schema = this.registry.getSchema(SchemaLocation.of(DOCUMENT + "#" + pointer));
		schema.initializeValidators();
		return schema;
	}

	private JsonNode at(String pointer) {
		return this.document.at(pointer);
	}

	private static String local(String ref) {
		if (!ref.startsWith("#/")) {
			throw new IllegalArgumentException("Only references within the document are followed: " + ref);
		}
		return ref.substring(1);
	}

	private static String escape(String token) {
		return token.replace("~", "~0").replace("/", "~1");
	}

	private static List<String> fieldNames(JsonNode node) {
		return new ArrayList<>(node.propertyNames());
	}

	/**
	 * Declares every object schema closed ({@code additionalProperties: false}) unless it
	 * says what else it takes; examples are left as they are.
	 */
	private static void closeObjects(JsonNode node) {
		if (node instanceof ObjectNode object) {
			if (object.path("properties").isObject() && !object.has("additionalProperties")
					&& !object.has("unevaluatedProperties")) {
				object.put("additionalProperties", false);
			}
			for (String field : object.propertyNames()) {
				if (!field.equals("example") && !field.equals("examples")) {
					closeObjects(object.get(field));
				}
			}
		}
		else if (node.isArray()) {
			node.forEach(OpenApiContract::closeObjects);
		}
	}

	/**
	 * One answer to one request.
	 *
	 * @param method the HTTP method
	 * @param path the path as requested, with its query if any
	 * @param status the status answered
	 * @param contentType the {@code Content-Type} answered, or {@code null} for none
	 * @param body the body answered, empty for none
	 */
	public record Exchange(String method, String path, int status, @Nullable String contentType, String body) {

		public static Exchange of(String method, String path, HttpResponse<String> response) {
			return new Exchange(method, path, response.statusCode(),
					response.headers().firstValue("Content-Type").orElse(null), response.body());
		}

	}

}
