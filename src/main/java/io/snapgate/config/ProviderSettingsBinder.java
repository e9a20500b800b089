package io.snapgate.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.snapgate.domain.ProviderId;
import io.snapgate.provider.SnapshotProviderFactory;
import io.snapgate.guard.ResilienceSettings;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.Validator;

/**
 * Binds each {@code snapgate.providers.<id>} to the settings record of its type, and its
 * {@code resilience}, and validates both. Boot's binder cannot choose a map value's type
 * by the value's own {@code type}, so the factory of that type names the record.
 */
final class ProviderSettingsBinder {

	static final String PREFIX = "snapgate.providers";

	private final ProviderFactories factories;

	private final Validator validator;

	ProviderSettingsBinder(ProviderFactories factories, Validator validator) {
		this.factories = factories;
		this.validator = validator;
	}

	/**
	 * @param declared the ids and types the operator configured
	 * @param binder the binder over the configuration those providers come from
	 */
	ConfiguredProviders bind(Map<String, String> declared, Binder binder) {
		Map<String, ConfiguredProvider> providers = new LinkedHashMap<>();
		declared.forEach((id, type) -> providers.put(id, bind(id, type, binder)));
		return new ConfiguredProviders(providers);
	}

	ConfiguredProviders bindDefaults(List<DefaultProviderDeclaration> defaults) {
		Map<String, String> flat = new LinkedHashMap<>();
		Map<String, String> declared = new LinkedHashMap<>();
		for (DefaultProviderDeclaration declaration : defaults) {
			declaration.settings()
				.forEach((key, value) -> flat.put(PREFIX + "." + declaration.id() + "." + key, value));
			declared.put(declaration.id(), declaration.settings().getOrDefault("type", ""));
		}
		return bind(declared, new Binder(new MapConfigurationPropertySource(flat)));
	}

	private ConfiguredProvider bind(String id, String type, Binder binder) {
		String prefix = PREFIX + "." + id;
		if (!ProviderId.isValid(id)) {
			throw new InvalidConfigurationException(prefix,
					"a provider id is 1 to 63 lower-case letters, digits and dashes, starting with a letter or digit");
		}
		SnapshotProviderFactory<?> factory = this.factories.forType(prefix, type);
		Object settings = binder.bindOrCreate(prefix, Bindable.of(factory.settingsType()),
				new ValidationBindHandler(this.validator));
		ResilienceSettings resilience = binder.bindOrCreate(prefix + ".resilience",
				Bindable.of(ResilienceSettings.class), new ValidationBindHandler(this.validator));
		return new ConfiguredProvider(type, settings, resilience);
	}

}
