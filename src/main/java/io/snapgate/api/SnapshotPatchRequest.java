package io.snapgate.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PATCH /snapshots/{id}}, a JSON merge patch: each field given is
 * changed, each left out stays. It documents the body; {@link SnapshotPatches} reads it,
 * since a merge patch tells a field sent as {@code null} from one left out. Only the
 * fields that take {@code null} are declared nullable; the others are left out or given.
 */
@Schema(name = "SnapshotPatch",
		description = "A JSON merge patch (application/merge-patch+json, or application/json): each field given is "
				+ "changed, each left out stays. What the provider cannot change is a 400 UNSUPPORTED_FIELD naming "
				+ "it; /providers lists what each provider can change (snapshots.changeable).")
@JsonInclude(JsonInclude.Include.NON_NULL)
// @formatter:off (it would drop the space before the body: a component annotation has an array)
public record SnapshotPatchRequest(
		@Schema(description = "A new name, 1-128 printable characters (Baidu: 1-65 letters, digits, underscores). "
				+ "VergeOS keeps a snapshot's name for good. null is refused: a snapshot keeps a name",
				example = "kept_for_audit", minLength = 1, maxLength = SnapshotPatches.MAX_NAME,
				pattern = Patterns.PRINTABLE) @Nullable String name,
		@Schema(description = "A new description, at most 1024 characters; null or empty clears it",
				example = "kept for the 2026 audit", types = { "string", "null" },
				maxLength = SnapshotPatches.MAX_DESCRIPTION,
				pattern = Patterns.PRINTABLE_MULTILINE) @Nullable String description,
		@Schema(description = "How long to keep the snapshot, counted from when it was taken (ISO-8601), a whole "
				+ "number of the provider's snapshots.retentionUnit; one that has already run out is refused. An "
				+ "immutable VergeOS snapshot that is locked or unlocking only ever expires later (409 SNAPSHOT_LOCKED "
				+ "otherwise). null is refused: send neverExpire", example = "P30D", type = "string",
				pattern = Patterns.ISO_DURATION) @Nullable String retention,
		@Schema(description = "true: keep it until it is deleted (VergeOS; refused on Baidu, where this is "
				+ "unconfirmed); false and null ask for nothing",
				types = { "boolean", "null" }) @Nullable Boolean neverExpire) {
// @formatter:on
}
