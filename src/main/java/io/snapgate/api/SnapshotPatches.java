package io.snapgate.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.FieldError;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.SnapshotChanges;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@link SnapshotPatchRequest} as a JSON merge patch: a field left out stays as
 * it is, {@code "description": null} clears the description, and a {@code null} that
 * would take away what a snapshot always has (a name, an expiry rule) is refused rather
 * than guessed at. An unknown field or a value of the wrong JSON type is a
 * {@code MALFORMED_REQUEST}, as in any other body; every other problem is a
 * {@code VALIDATION_FAILED}, all of them named at once.
 */
final class SnapshotPatches {

	private static final Set<String> TEXTS = Set.of("name", "description", "retention");

	private static final String NEVER_EXPIRE = "neverExpire";

	private static final Pattern PRINTABLE = Pattern.compile(Patterns.PRINTABLE);

	private static final Pattern PRINTABLE_MULTILINE = Pattern.compile(Patterns.PRINTABLE_MULTILINE);

	private static final Pattern ISO_DURATION = Pattern.compile(Patterns.ISO_DURATION);

	/** The start of the marks SnapGate keeps in descriptions for itself. */
	private static final Pattern MARK = Pattern.compile("\\[snapgate(-step)?:");

	static final int MAX_NAME = 128;

	static final int MAX_DESCRIPTION = 1024;

	private SnapshotPatches() {
	}

	static SnapshotChanges changes(JsonNode patch) {
		checkShape(patch);
		List<FieldError> errors = new ArrayList<>();
		String name = name(patch.get("name"), errors);
		String description = description(patch.get("description"), errors);
		Duration retention = retention(patch.get("retention"), errors);
		JsonNode never = patch.get(NEVER_EXPIRE);
		boolean neverExpire = never != null && never.isBoolean() && never.booleanValue();
		if (neverExpire && retention != null) {
			errors.add(new FieldError("retention", "give either retention or neverExpire, not both"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(ErrorCode.VALIDATION_FAILED,
					"Invalid " + String.join(", ", errors.stream().map(FieldError::field).distinct().toList()), errors);
		}
		return new SnapshotChanges(name, description, retention, neverExpire);
	}

	/** An object of known fields, each a string or a boolean as it should be, or null. */
	private static void checkShape(JsonNode patch) {
		if (!patch.isObject()) {
			throw new InvalidRequestException(ErrorCode.MALFORMED_REQUEST,
					"The body must be a JSON object: a merge patch of the snapshot's fields");
		}
		List<FieldError> unknown = new ArrayList<>();
		List<FieldError> wrongType = new ArrayList<>();
		for (String field : patch.propertyNames()) {
			JsonNode value = patch.get(field);
			if (!TEXTS.contains(field) && !field.equals(NEVER_EXPIRE)) {
				unknown.add(new FieldError(field, "unknown field"));
			}
			else if (!value.isNull() && (TEXTS.contains(field) ? !value.isString() : !value.isBoolean())) {
				wrongType.add(new FieldError(field, "has the wrong type or format"));
			}
		}
		if (!unknown.isEmpty()) {
			throw new InvalidRequestException(ErrorCode.MALFORMED_REQUEST,
					"Unknown field '" + unknown.getFirst().field() + "'", unknown);
		}
		if (!wrongType.isEmpty()) {
			throw new InvalidRequestException(ErrorCode.MALFORMED_REQUEST,
					"Field '" + wrongType.getFirst().field() + "' has the wrong type or format", wrongType);
		}
	}

	private static @Nullable String name(@Nullable JsonNode node, List<FieldError> errors) {
		if (node == null) {
			return null;
		}
		if (node.isNull()) {
			errors.add(new FieldError("name", "cannot be removed: a snapshot keeps a name"));
			return null;
		}
		String name = node.stringValue();
		if (name.isBlank() || name.length() > MAX_NAME || !PRINTABLE.matcher(name).matches()) {
			errors.add(new FieldError("name", "must be 1-" + MAX_NAME + " printable characters"));
			return null;
		}
		return name;
	}

	/** The new description: empty clears it, and so does {@code null}. */
	private static @Nullable String description(@Nullable JsonNode node, List<FieldError> errors) {
		if (node == null) {
			return null;
		}
		if (node.isNull()) {
			return "";
		}
		String description = node.stringValue();
		if (description.length() > MAX_DESCRIPTION || !PRINTABLE_MULTILINE.matcher(description).matches()) {
			errors.add(new FieldError("description",
					"must be at most " + MAX_DESCRIPTION + " characters, without control characters"));
			return null;
		}
		if (MARK.matcher(description).find()) {
			errors.add(new FieldError("description",
					"must not contain '[snapgate', which starts the marks SnapGate keeps in descriptions for itself"));
			return null;
		}
		return description;
	}

	private static @Nullable Duration retention(@Nullable JsonNode node, List<FieldError> errors) {
		if (node == null) {
			return null;
		}
		if (node.isNull()) {
			errors.add(new FieldError("retention",
					"cannot be removed; to keep the snapshot until it is deleted, send neverExpire: true"));
			return null;
		}
		String text = node.stringValue();
		if (!ISO_DURATION.matcher(text).matches()) {
			errors.add(new FieldError("retention", "must be an ISO-8601 duration such as P7D or PT12H"));
			return null;
		}
		Duration retention = Duration.parse(text);
		if (!retention.isPositive()) {
			errors.add(new FieldError("retention", "must be longer than zero"));
			return null;
		}
		return retention;
	}

}
