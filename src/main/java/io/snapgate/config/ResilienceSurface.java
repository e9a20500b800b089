package io.snapgate.config;

import java.util.List;

import io.snapgate.domain.ProviderId;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * Keeps per-provider resilience in one place. Each provider's guards are Resilience4j
 * instances named after it, built from {@code resilience4j.*.configs.default} and
 * {@code snapgate.providers.<id>.resilience}; Resilience4j's own {@code instances.<name>}
 * for the same names would be created first and silently win, without the failure
 * classification the guards need, so start-up refuses them.
 */
final class ResilienceSurface {

	private static final List<String> GUARDS = List.of("circuitbreaker", "bulkhead", "retry", "timelimiter",
			"ratelimiter");

	/**
	 * What the guards of one provider are named: its id, and its create and restore
	 * retries.
	 */
	private static final List<String> SUFFIXES = List.of("", "-create", "-restore");

	private ResilienceSurface() {
	}

	/**
	 * @throws InvalidConfigurationException naming the Resilience4j instance to move
	 */
	static void check(Binder binder, ProviderId provider) {
		for (String guard : GUARDS) {
			for (String suffix : SUFFIXES) {
				String property = "resilience4j." + guard + ".instances." + provider + suffix;
				if (binder.bind(property, Bindable.mapOf(String.class, Object.class)).isBound()) {
					throw new InvalidConfigurationException(property,
							"the guards of provider '" + provider + "' are configured under "
									+ ProviderSettingsBinder.PREFIX + "." + provider
									+ ".resilience (defaults under resilience4j." + guard + ".configs.default)");
				}
			}
		}
	}

}
