package io.snapgate.application;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.snapgate.application.FanOut.Outcome;
import io.snapgate.domain.PolicyProvider;
import io.snapgate.domain.ProviderCircuits;
import io.snapgate.domain.ProviderHealth;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.domain.SnapshotProvider;
import org.jspecify.annotations.Nullable;

/**
 * The configured providers with what they can do and how they are doing, asked in
 * parallel.
 */
public class ProviderCatalog {

	private final ProviderRegistry registry;

	private final ProviderCircuits circuits;

	private final FanOut fanOut;

	private final Duration timeout;

	public ProviderCatalog(ProviderRegistry registry, ProviderCircuits circuits, FanOut fanOut, Duration timeout) {
		this.registry = registry;
		this.circuits = circuits;
		this.fanOut = fanOut;
		this.timeout = timeout;
	}

	public List<ProviderSummary> providers() {
		Map<ProviderId, Callable<ProviderHealth>> checks = new LinkedHashMap<>();
		this.registry.all().forEach((provider) -> checks.put(provider.id(), provider::health));
		Map<ProviderId, Outcome<ProviderHealth>> health = this.fanOut.run(checks, this.timeout);
		return this.registry.all().stream().map((provider) -> summary(provider, health.get(provider.id()))).toList();
	}

	private ProviderSummary summary(SnapshotProvider provider, @Nullable Outcome<ProviderHealth> health) {
		ProviderHealth state = switch (health) {
			case Outcome.Success<ProviderHealth> success -> success.value();
			case Outcome.Failure<ProviderHealth> failure -> ProviderHealth.DOWN;
			case null -> ProviderHealth.DOWN;
		};
		return new ProviderSummary(provider.id(), provider.type(), provider.capabilities(), state,
				this.circuits.stateOf(provider.id()), provider.policies().map(PolicyProvider::features).orElse(null));
	}

}
