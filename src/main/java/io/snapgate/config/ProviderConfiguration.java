package io.snapgate.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.snapgate.domain.ProviderRegistry;
import io.snapgate.provider.SnapshotProviderFactory;
import io.snapgate.guard.ResilienceDecorator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Wires the provider registry from {@code snapgate.providers}, or from the default
 * declarations (the sandbox's) when the operator configured none.
 */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(ProviderConfiguration.class);

	@Bean
	ProviderFactories providerFactories(List<SnapshotProviderFactory<?>> factories) {
		return new ProviderFactories(factories);
	}

	/**
	 * Each provider's settings as its type's record, bound and validated here. Published
	 * as a {@code @ConfigurationProperties} bean so that {@code /actuator/configprops}
	 * lists them, secrets masked, beside Boot's own; Boot's binder finds nothing to bind
	 * in it (a record has no setters).
	 */
	@Bean
	@ConfigurationProperties(ProviderSettingsBinder.PREFIX)
	ConfiguredProviders configuredProviders(SnapGateProperties properties, Environment environment,
			ProviderFactories factories, jakarta.validation.Validator validator,
			ObjectProvider<DefaultProviderDeclaration> defaults) {
		ProviderSettingsBinder binder = new ProviderSettingsBinder(factories, new SpringValidatorAdapter(validator));
		if (properties.providers().isEmpty()) {
			return binder.bindDefaults(defaults.orderedStream().toList());
		}
		Map<String, String> declared = new LinkedHashMap<>();
		properties.providers().forEach((id, declaration) -> declared.put(id, declaration.type()));
		return binder.bind(declared, Binder.get(environment));
	}

	@Bean
	ProviderRegistry providerRegistry(ConfiguredProviders configured, ProviderFactories factories,
			ResilienceDecorator resilience, Environment environment) {
		ProviderRegistry registry = new ProviderRegistryFactory(factories, resilience::decorate).create(configured);
		Binder settings = Binder.get(environment);
		registry.all().forEach((provider) -> ResilienceSurface.check(settings, provider.id()));
		if (registry.isEmpty()) {
			logger.warn("No providers are configured: every listing is empty. Configure snapgate.providers "
					+ "or run with the 'sandbox' profile.");
		}
		registry.all()
			.forEach((provider) -> logger.info("Provider '{}' of type '{}' with capabilities {}", provider.id(),
					provider.type(), provider.capabilities()));
		return registry;
	}

}
