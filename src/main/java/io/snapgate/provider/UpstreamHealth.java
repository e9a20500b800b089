package io.snapgate.provider;

import io.snapgate.domain.ProviderHealth;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.SnapGateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider's health from one cheap read: up when it answers, down when it fails.
 */
public final class UpstreamHealth {

	private static final Logger logger = LoggerFactory.getLogger(UpstreamHealth.class);

	private UpstreamHealth() {
	}

	public static ProviderHealth probe(ProviderId provider, Runnable read) {
		try {
			read.run();
			return ProviderHealth.UP;
		}
		catch (SnapGateException ex) {
			logger.debug("Provider {} is down: {}", provider, ex.getMessage());
			return ProviderHealth.DOWN;
		}
	}

}
