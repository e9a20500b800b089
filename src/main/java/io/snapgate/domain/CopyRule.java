package io.snapgate.domain;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A policy's rule to copy each snapshot it takes to another provider.
 *
 * @param target the provider to copy to, one of the policy's provider's copy targets
 * @param retention how long the target keeps each copy; {@code null} for the backend's
 * default
 */
public record CopyRule(ProviderId target, @Nullable Duration retention) {
}
