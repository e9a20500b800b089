package io.snapgate.api;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Declares each component of the API's records as it is written, in OpenAPI 3.1's terms
 * (JSON Schema 2020-12): one that is never null is {@code required}; one marked
 * {@code @Nullable} is {@code "null"}-typed (one of it and {@code null}, if it has an
 * enum) where it is written as {@code null}, and left optional where {@code @JsonInclude}
 * omits it instead. A component that a request must carry (its schema lists it as
 * required) is never declared nullable: the request is refused without it.
 * <p>
 * Request records mark every component {@code @Nullable}, since validation sees them
 * before they are refused; so only answers get {@code required} from this.
 */
class RecordComponentSchemas implements ModelConverter {

	private static final String NULL = "null";

	@Override
	public @Nullable Schema<?> resolve(AnnotatedType type, ModelConverterContext context,
			Iterator<ModelConverter> chain) {
		if (!chain.hasNext()) {
			return null;
		}
		Schema<?> resolved = chain.next().resolve(type, context, chain);
		Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
		if (resolved == null || !raw.isRecord() || !raw.getPackageName().startsWith("io.snapgate.")) {
			return resolved;
		}
		Schema<?> model = model(resolved, raw, context);
		if (model != null && model.getProperties() != null) {
			declare(raw, model);
		}
		return resolved;
	}

	private static @Nullable Schema<?> model(Schema<?> resolved, Class<?> raw, ModelConverterContext context) {
		if (resolved.get$ref() != null) {
			return context.getDefinedModels()
				.get(resolved.get$ref().substring(Components.COMPONENTS_SCHEMAS_REF.length()));
		}
		if (resolved.getProperties() != null) {
			return resolved;
		}
		io.swagger.v3.oas.annotations.media.Schema named = raw
			.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
		return (named != null) ? context.getDefinedModels().get(named.name()) : null;
	}

	@SuppressWarnings("rawtypes") // as swagger-core declares its properties
	private static void declare(Class<?> record, Schema<?> model) {
		Map<String, Schema> properties = model.getProperties();
		for (RecordComponent component : record.getRecordComponents()) {
			String name = jsonName(component);
			Schema<?> property = properties.get(name);
			if (property == null) {
				continue;
			}
			boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
			boolean required = model.getRequired() != null && model.getRequired().contains(name);
			if (!nullable) {
				if (alwaysWritten(record, component) && !required) {
					model.addRequiredItem(name);
				}
			}
			else if (!required && !omittedWhenNull(record, component)) {
				properties.put(name, nullable(property));
			}
		}
	}

	private static String jsonName(RecordComponent component) {
		JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
		return (renamed != null && !renamed.value().isEmpty()) ? renamed.value() : component.getName();
	}

	private static boolean alwaysWritten(Class<?> record, RecordComponent component) {
		JsonInclude.Include include = inclusion(record, component);
		return include == JsonInclude.Include.ALWAYS || include == JsonInclude.Include.NON_NULL
				|| include == JsonInclude.Include.USE_DEFAULTS;
	}

	private static boolean omittedWhenNull(Class<?> record, RecordComponent component) {
		JsonInclude.Include include = inclusion(record, component);
		return include != JsonInclude.Include.ALWAYS && include != JsonInclude.Include.USE_DEFAULTS;
	}

	private static JsonInclude.Include inclusion(Class<?> record, RecordComponent component) {
		JsonInclude own = component.getAccessor().getAnnotation(JsonInclude.class);
		if (own != null && own.value() != JsonInclude.Include.USE_DEFAULTS) {
			return own.value();
		}
		JsonInclude declared = record.getAnnotation(JsonInclude.class);
		return (declared != null) ? declared.value() : JsonInclude.Include.USE_DEFAULTS;
	}

	/**
	 * The property with {@code "null"} among its types; one without a type of its own (a
	 * reference, which takes no sibling type, or a composition) or with an enum becomes
	 * one of a {@code oneOf} with {@code null}.
	 */
	private static Schema<?> nullable(Schema<?> property) {
		Set<String> types = new LinkedHashSet<>();
		if (property.getTypes() != null) {
			types.addAll(property.getTypes());
		}
		else if (property.getType() != null) {
			types.add(property.getType());
		}
		// an enum lists every value allowed, so one that may be null is one of the two
		if (!types.isEmpty() && property.getEnum() == null) {
			types.add(NULL);
			property.setTypes(types);
			return property;
		}
		Schema<Object> either = new JsonSchema();
		either.setDescription(property.getDescription());
		property.setDescription(null);
		either.setOneOf(new ArrayList<>(List.of(property, new JsonSchema().types(Set.of(NULL)))));
		return either;
	}

}
