package io.snapgate.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /snapshots/{id}/copies}.
 */
@Schema(name = "CopyRequest")
public record CopyRequest(
		@Schema(description = "The provider to copy to: one of the source provider's copyTargets in /providers",
				example = "baidu-gz", maxLength = Patterns.PROVIDER_ID_MAX_LENGTH,
				requiredMode = Schema.RequiredMode.REQUIRED) @NotBlank @Pattern(regexp = Patterns.PROVIDER_ID,
						message = "must be a provider id") @Nullable String targetProvider,
		@Schema(description = "How long the target keeps the copy (ISO-8601), in whole units of the target's "
				+ "snapshots.retentionUnit; without it, the backend's default", example = "P30D",
				type = "string") @Pattern(regexp = Patterns.ISO_DURATION,
						message = "must be an ISO-8601 duration such as P7D or PT12H") @Nullable String retention) {
}
