package io.snapgate.application;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.snapgate.application.FanOut.Outcome;
import io.snapgate.domain.CopyProvider;
import io.snapgate.domain.PolicyProvider;
import io.snapgate.domain.ProviderCircuits;
import io.snapgate.domain.ProviderHealth;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.SnapshotProvider;
import org.jspecify.annotations.Nullable;

/**
 * The configured providers the caller sees, with what they can do and how they are doing,
 * asked in parallel.
 */
public class ProviderCatalog {

	private final ProviderAccess access;

	private final ProviderCircuits circuits;

	private final FanOut fanOut;

	private final Duration timeout;

	public ProviderCatalog(ProviderAccess access, ProviderCircuits circuits, FanOut fanOut, Duration timeout) {
		this.access = access;
		this.circuits = circuits;
		this.fanOut = fanOut;
		this.timeout = timeout;
	}

	public List<ProviderSummary> providers() {
		List<SnapshotProvider> visible = this.access.visible();
		Map<ProviderId, Callable<ProviderHealth>> checks = new LinkedHashMap<>();
		visible.forEach((provider) -> checks.put(provider.id(), provider::health));
		Map<ProviderId, Outcome<ProviderHealth>> health = this.fanOut.run(checks, this.timeout);
		return visible.stream().map((provider) -> summary(provider, health.get(provider.id()))).toList();
	}

	private ProviderSummary summary(SnapshotProvider provider, @Nullable Outcome<ProviderHealth> health) {
		ProviderHealth state = switch (health) {
			case Outcome.Success<ProviderHealth> success -> success.value();
			case Outcome.Failure<ProviderHealth> failure -> ProviderHealth.DOWN;
			case null -> ProviderHealth.DOWN;
		};
		return new ProviderSummary(provider.id(), provider.type(), provider.capabilities(), state,
				this.circuits.stateOf(provider.id()), provider.policies().map(PolicyProvider::features).orElse(null),
				provider.snapshotFeatures(), provider.copies().map(CopyProvider::targets).orElse(List.of()),
				provider.budgetSharing().orElse(null));
	}

}
