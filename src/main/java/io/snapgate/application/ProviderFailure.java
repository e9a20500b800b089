package io.snapgate.application;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.ProviderId;

/**
 * A provider that could not answer its part of a request that others answered.
 */
public record ProviderFailure(ProviderId provider, ErrorCode code, String detail) {
}
