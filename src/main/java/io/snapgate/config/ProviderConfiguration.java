package io.snapgate.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.snapgate.domain.ProviderRegistry;
import io.snapgate.provider.SnapshotProviderFactory;
import io.snapgate.provider.resilience.ResilienceDecorator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
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
	ProviderRegistry providerRegistry(SnapGateProperties properties, Environment environment,
			List<SnapshotProviderFactory<?>> factories, jakarta.validation.Validator validator,
			ObjectProvider<DefaultProviderDeclaration> defaults, ResilienceDecorator resilience) {
		ProviderRegistryFactory registryFactory = new ProviderRegistryFactory(factories,
				new SpringValidatorAdapter(validator), resilience::decorate);
		ProviderRegistry registry;
		if (properties.providers().isEmpty()) {
			registry = registryFactory.createDefaults(defaults.orderedStream().toList());
		}
		else {
			Map<String, String> declared = new LinkedHashMap<>();
			properties.providers().forEach((id, declaration) -> declared.put(id, declaration.type()));
			registry = registryFactory.create(declared, Binder.get(environment));
		}
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
