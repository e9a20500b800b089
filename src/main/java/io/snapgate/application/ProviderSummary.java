package io.snapgate.application;

import java.util.Set;

import io.snapgate.domain.Capability;
import io.snapgate.domain.CircuitState;
import io.snapgate.domain.PolicyFeatures;
import io.snapgate.domain.ProviderHealth;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderType;
import org.jspecify.annotations.Nullable;

/**
 * A configured provider as the {@code /providers} endpoint shows it.
 *
 * @param policies what its scheduler can express; {@code null} when it runs no policies
 */
public record ProviderSummary(ProviderId id, ProviderType type, Set<Capability> capabilities, ProviderHealth health,
		CircuitState circuitState, @Nullable PolicyFeatures policies) {
}
