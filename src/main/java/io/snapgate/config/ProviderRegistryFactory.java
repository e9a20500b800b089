package io.snapgate.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.provider.SnapshotProviderFactory;
import io.snapgate.guard.ResilienceSettings;

/**
 * Builds the {@link ProviderRegistry}: each configured provider's adapter, by the factory
 * of its type, behind its resilience guards.
 */
final class ProviderRegistryFactory {

	private final ProviderFactories factories;

	private final BiFunction<SnapshotProvider, ResilienceSettings, SnapshotProvider> decorator;

	ProviderRegistryFactory(ProviderFactories factories,
			BiFunction<SnapshotProvider, ResilienceSettings, SnapshotProvider> decorator) {
		this.factories = factories;
		this.decorator = decorator;
	}

	ProviderRegistry create(ConfiguredProviders configured) {
		List<SnapshotProvider> providers = new ArrayList<>();
		configured.byId().forEach((id, provider) -> providers.add(build(id, provider)));
		return new ProviderRegistry(providers);
	}

	private SnapshotProvider build(String id, ConfiguredProvider provider) {
		SnapshotProviderFactory<?> factory = this.factories.forType(ProviderSettingsBinder.PREFIX + "." + id,
				provider.type());
		ResilienceSettings resilience = factory.documentedRateLimit()
			.map(provider.resilience()::withBudgetOf)
			.orElse(provider.resilience());
		return this.decorator.apply(create(factory, new ProviderId(id), provider.settings()), resilience);
	}

	private static <S> SnapshotProvider create(SnapshotProviderFactory<S> factory, ProviderId id, Object settings) {
		return factory.create(id, factory.settingsType().cast(settings));
	}

}
