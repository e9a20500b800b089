package io.snapgate.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.domain.ProviderType;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.provider.SnapshotProviderFactory;
import io.snapgate.provider.resilience.ResilienceSettings;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.Validator;

/**
 * Builds the {@link ProviderRegistry}: for each {@code snapgate.providers.<id>}, the
 * factory of its {@code type} binds and validates that provider's settings and builds its
 * adapter. This is the one place that chooses by provider type.
 */
class ProviderRegistryFactory {

	static final String PREFIX = "snapgate.providers";

	private final Map<ProviderType, SnapshotProviderFactory<?>> factories;

	private final Validator validator;

	private final BiFunction<SnapshotProvider, ResilienceSettings, SnapshotProvider> decorator;

	ProviderRegistryFactory(List<SnapshotProviderFactory<?>> factories, Validator validator,
			BiFunction<SnapshotProvider, ResilienceSettings, SnapshotProvider> decorator) {
		this.factories = factories.stream()
			.collect(Collectors.toMap(SnapshotProviderFactory::type, Function.identity(), (a, b) -> {
				throw new IllegalStateException("Two provider factories claim type '" + a.type() + "'");
			}, LinkedHashMap::new));
		this.validator = validator;
		this.decorator = decorator;
	}

	/**
	 * @param declared the ids and types the operator configured
	 * @param binder the binder over the configuration those providers come from
	 */
	ProviderRegistry create(Map<String, String> declared, Binder binder) {
		List<SnapshotProvider> providers = new ArrayList<>();
		declared.forEach((id, type) -> providers.add(createProvider(id, type, binder)));
		return new ProviderRegistry(providers);
	}

	ProviderRegistry createDefaults(List<DefaultProviderDeclaration> defaults) {
		Map<String, String> flat = new LinkedHashMap<>();
		Map<String, String> declared = new LinkedHashMap<>();
		for (DefaultProviderDeclaration declaration : defaults) {
			declaration.settings()
				.forEach((key, value) -> flat.put(PREFIX + "." + declaration.id() + "." + key, value));
			declared.put(declaration.id(), declaration.settings().getOrDefault("type", ""));
		}
		return create(declared, new Binder(new MapConfigurationPropertySource(flat)));
	}

	private SnapshotProvider createProvider(String id, String type, Binder binder) {
		String prefix = PREFIX + "." + id;
		if (!ProviderId.isValid(id)) {
			throw new InvalidConfigurationException(prefix,
					"a provider id is 1 to 63 lower-case letters, digits and dashes, starting with a letter or digit");
		}
		SnapshotProviderFactory<?> factory = findFactory(prefix, type);
		return build(factory, new ProviderId(id), prefix, binder);
	}

	private SnapshotProviderFactory<?> findFactory(String prefix, String type) {
		SnapshotProviderFactory<?> factory = null;
		try {
			factory = this.factories.get(new ProviderType(type));
		}
		catch (IllegalArgumentException ex) {
			// fall through to the message below
		}
		if (factory == null) {
			String known = this.factories.keySet()
				.stream()
				.map(ProviderType::value)
				.sorted()
				.collect(Collectors.joining(", "));
			throw new InvalidConfigurationException(prefix + ".type",
					"unknown provider type '" + type + "'; known types: " + (known.isEmpty() ? "none" : known));
		}
		return factory;
	}

	private <S> SnapshotProvider build(SnapshotProviderFactory<S> factory, ProviderId id, String prefix,
			Binder binder) {
		S settings = binder.bindOrCreate(prefix, Bindable.of(factory.settingsType()),
				new ValidationBindHandler(this.validator));
		ResilienceSettings resilience = binder.bindOrCreate(prefix + ".resilience",
				Bindable.of(ResilienceSettings.class), new ValidationBindHandler(this.validator));
		ResilienceSettings withBudget = factory.documentedRateLimit().map(resilience::withBudgetOf).orElse(resilience);
		return this.decorator.apply(factory.create(id, settings), withBudget);
	}

}
