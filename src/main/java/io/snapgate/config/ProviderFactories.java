package io.snapgate.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.snapgate.domain.ProviderType;
import io.snapgate.provider.SnapshotProviderFactory;

/**
 * The provider factories by the type each answers to: the one place that chooses by
 * provider type.
 */
final class ProviderFactories {

	private final Map<ProviderType, SnapshotProviderFactory<?>> byType;

	ProviderFactories(List<SnapshotProviderFactory<?>> factories) {
		this.byType = factories.stream()
			.collect(Collectors.toMap(SnapshotProviderFactory::type, Function.identity(), (a, b) -> {
				throw new IllegalStateException("Two provider factories claim type '" + a.type() + "'");
			}, LinkedHashMap::new));
	}

	/**
	 * @param prefix where the provider is configured, {@code snapgate.providers.<id>}
	 * @throws InvalidConfigurationException naming {@code <prefix>.type} when no factory
	 * answers to the type
	 */
	SnapshotProviderFactory<?> forType(String prefix, String type) {
		SnapshotProviderFactory<?> factory = null;
		try {
			factory = this.byType.get(new ProviderType(type));
		}
		catch (IllegalArgumentException ex) {
			// fall through to the message below
		}
		if (factory == null) {
			String known = this.byType.keySet()
				.stream()
				.map(ProviderType::value)
				.sorted()
				.collect(Collectors.joining(", "));
			throw new InvalidConfigurationException(prefix + ".type",
					"unknown provider type '" + type + "'; known types: " + (known.isEmpty() ? "none" : known));
		}
		return factory;
	}

}
