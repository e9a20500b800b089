package io.snapgate.config;

import java.util.List;
import java.util.stream.Collectors;

import io.snapgate.application.ProviderGlob;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.domain.SnapshotProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.snapgate.security.SecuritySettings;

/**
 * Warns at start-up when an API key's grants name a provider, or a glob, that matches no
 * configured provider. Such a grant gives nothing here, which is safe, and is the usual
 * case for one document of keys shared by releases that configure different providers;
 * but a misspelt grant would otherwise give less than meant without a word.
 */
final class ApiKeyGrantsCheck {

	private static final Logger logger = LoggerFactory.getLogger(ApiKeyGrantsCheck.class);

	private ApiKeyGrantsCheck() {
	}

	static void check(List<SecuritySettings.ApiKey> keys, ProviderRegistry registry) {
		for (int k = 0; k < keys.size(); k++) {
			SecuritySettings.ApiKey key = keys.get(k);
			String prefix = "snapgate.security.api-keys[" + k + "]";
			List<String> providers = key.providers();
			if (providers != null) {
				check(prefix + ".providers", providers, registry);
			}
			for (int g = 0; g < key.grants().size(); g++) {
				check(prefix + ".grants[" + g + "].providers", key.grants().get(g).providers(), registry);
			}
		}
	}

	private static void check(String property, List<String> globs, ProviderRegistry registry) {
		for (int i = 0; i < globs.size(); i++) {
			ProviderGlob glob = new ProviderGlob(globs.get(i));
			if (registry.all().stream().noneMatch((provider) -> glob.matches(provider.id()))) {
				String configured = registry.all()
					.stream()
					.map(SnapshotProvider::id)
					.map(Object::toString)
					.collect(Collectors.joining(", "));
				logger.warn("{}[{}]: '{}' matches no configured provider (configured: {}), so it grants nothing here",
						property, i, glob, configured.isEmpty() ? "none" : configured);
			}
		}
	}

}
