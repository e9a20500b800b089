package io.snapgate.application;

import io.snapgate.domain.ProviderId;
import io.snapgate.domain.Restore;

/**
 * A restore and the provider carrying it out.
 */
public record StartedRestore(ProviderId provider, Restore restore) {
}
