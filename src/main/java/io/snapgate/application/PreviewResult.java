package io.snapgate.application;

import io.snapgate.domain.Preview;
import io.snapgate.domain.ProviderId;

/**
 * A preview and the provider it was made for.
 */
public record PreviewResult(ProviderId provider, Preview preview) {
}
