package io.snapgate.domain;

import org.jspecify.annotations.Nullable;

/**
 * What the upstream said about an error, when it said anything: its own code and request
 * id. Its message is for logs only and never reaches a caller.
 */
public record UpstreamDetails(@Nullable String code, @Nullable String requestId, @Nullable String message) {

	public static final UpstreamDetails NONE = new UpstreamDetails(null, null, null);

}
