package io.snapgate.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.snapgate.application.RestoreTargetType;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /restores}.
 */
@Schema(name = "RestoreRequest")
public record RestoreRequest(
		@Schema(example = "vergeos-prod:12",
				requiredMode = Schema.RequiredMode.REQUIRED) @NotBlank @Size(max = 200) @Nullable String snapshotId,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @Valid @Nullable Target target,
		@Schema(description = "For a copy (a VM or tenant of a system snapshot, or a MACHINE restored beside the "
				+ "original): the name to give it",
				example = "web-01-restored") @Size(min = 1, max = 128) @Pattern(regexp = Patterns.PRINTABLE,
						message = "must not contain control characters") @Nullable String newName,
		@Schema(description = "Must be true for an in-place restore (a VOLUME rolled back, a MACHINE reverted), which "
				+ "destroys the current data") @Nullable Boolean confirmInPlace,
		@Schema(description = "For an in-place rollback: snapshot the disk's current state first, so that the "
				+ "rollback can be undone (default true); false rolls back without a way back") @Nullable Boolean safetySnapshot) {

	/**
	 * What to restore.
	 */
	@Schema(name = "RestoreTarget")
	public record Target(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @Nullable RestoreTargetType type,
			@Schema(description = "VM or TENANT: the member name or member id", example = "web-01",
					maxLength = Patterns.MEMBER_MAX_LENGTH) @Pattern(regexp = Patterns.MEMBER,
							message = "must be 1-256 printable characters") @Nullable String member) {
	}

}
