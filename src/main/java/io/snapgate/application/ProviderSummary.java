package io.snapgate.application;

import java.util.List;
import java.util.Set;

import io.snapgate.domain.BudgetSharing;
import io.snapgate.domain.CopyTarget;
import io.snapgate.domain.Capability;
import io.snapgate.domain.CircuitState;
import io.snapgate.domain.PolicyFeatures;
import io.snapgate.domain.ProviderHealth;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderType;
import io.snapgate.domain.SnapshotFeatures;
import org.jspecify.annotations.Nullable;

/**
 * A configured provider as the {@code /providers} endpoint shows it.
 *
 * @param policies what its scheduler can express; {@code null} when it runs no policies
 * @param snapshots what its snapshots take and what can change on them
 * @param copyTargets the providers it copies its snapshots to
 * @param budget whose request budget its calls are spent from; {@code null} where they
 * are not bounded
 */
public record ProviderSummary(ProviderId id, ProviderType type, Set<Capability> capabilities, ProviderHealth health,
		CircuitState circuitState, @Nullable PolicyFeatures policies, SnapshotFeatures snapshots,
		List<CopyTarget> copyTargets, @Nullable BudgetSharing budget) {
}
