package io.snapgate.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a bad provider configuration into a start-up report that names the property.
 */
class ProviderConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<ProviderConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ProviderConfigurationException cause) {
		return new FailureAnalysis("Invalid provider configuration: " + cause.getMessage(),
				"Correct '" + cause.property() + "' (see the configuration reference in README.md).", cause);
	}

}
