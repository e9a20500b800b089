package io.snapgate.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says plainly what to configure when the gateway refuses to start without
 * authentication.
 */
class InsecureConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InsecureConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InsecureConfigurationException cause) {
		return new FailureAnalysis("SnapGate refuses to start without authentication: " + cause.getMessage(),
				"Configure API keys under 'snapgate.security.api-keys' (owner, sha256, scopes), or JWT callers with "
						+ "'spring.security.oauth2.resourceserver.jwt.issuer-uri' or '...jwt.jwk-set-uri' (and "
						+ "'...jwt.audiences'). Only the 'sandbox' profile may run open.",
				cause);
	}

}
