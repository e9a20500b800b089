package io.snapgate.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The shape of every error answer (RFC 9457), for the OpenAPI document only; answers are
 * built as Spring {@code ProblemDetail}s, which leave out the members they do not set.
 */
@Schema(name = "Problem", description = "RFC 9457 problem detail with SnapGate's extension members")
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProblemSchema(@Schema(example = "urn:snapgate:problem:snapshot-locked") String type,
		@Schema(example = "Snapshot locked") String title, @Schema(example = "409") int status,
		@Schema(example = "Snapshot vergeos-prod:12 is immutable and locked") String detail, @Nullable String instance,
		@Schema(description = "Stable, UPPER_SNAKE", example = "SNAPSHOT_LOCKED") String code,
		@Schema(description = "The provider involved", example = "vergeos-prod",
				maxLength = Patterns.PROVIDER_ID_MAX_LENGTH) @Nullable String provider,
		@Schema(description = "The provider's own error code") @Nullable String upstreamCode,
		@Schema(description = "The provider's request id") @Nullable String upstreamRequestId,
		@Nullable Instant lockExpiresAt, @Nullable List<FieldErrorSchema> errors) {

	@Schema(name = "FieldError")
	record FieldErrorSchema(@Schema(example = "name") String field,
			@Schema(example = "must not be blank") String message) {
	}

}
