package io.snapgate.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * Documents the problem-detail answers of the caller's own making; those of the upstreams
 * and of the HTTP edge are added to every operation by {@link SharedProblemResponses}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "400", description = "Invalid input (code names the problem, errors the fields)",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemSchema.class)))
@ApiResponse(responseCode = "401", description = "No valid credentials (UNAUTHENTICATED)",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemSchema.class)))
@ApiResponse(responseCode = "403",
		description = "The caller lacks the scope, or a grant of it on the provider (FORBIDDEN)",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemSchema.class)))
@ApiResponse(responseCode = "404", description = "Not found",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemSchema.class)))
@ApiResponse(responseCode = "409", description = "The target's state does not allow it",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemSchema.class)))
@ApiResponse(responseCode = "422", description = "Idempotency-Key reused with another request",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemSchema.class)))
@interface ProblemResponses {

}
