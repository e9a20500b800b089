package io.snapgate.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /policies/{id}/targets}: what to add to what a policy protects.
 *
 * @param targets one or more targets
 */
@Schema(name = "TargetsRequest")
public record TargetsRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Size(min = 1,
		max = 100) @Nullable List<PolicyRequest.@Valid @Nullable TargetRequest> targets) {
}
