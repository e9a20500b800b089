package io.snapgate.provider.vergeos;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderType;
import io.snapgate.domain.RestoreSettings;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.provider.SnapshotProviderFactory;
import io.snapgate.provider.UpstreamRateLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds the VergeOS adapters, for {@code snapgate.providers.<id>.type: vergeos}.
 */
@Component
class VergeosSnapshotProviderFactory implements SnapshotProviderFactory<VergeosSettings> {

	private static final Logger logger = LoggerFactory.getLogger(VergeosSnapshotProviderFactory.class);

	private final WebClient.Builder webClients;

	private final Clock clock;

	private final RestoreSettings restores;

	VergeosSnapshotProviderFactory(WebClient.Builder webClients, ObjectProvider<Clock> clock,
			ObjectProvider<RestoreSettings> restores) {
		this.webClients = webClients;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.restores = restores.getIfAvailable(() -> RestoreSettings.DEFAULTS);
	}

	@Override
	public ProviderType type() {
		return VergeosSnapshotProvider.TYPE;
	}

	@Override
	public Class<VergeosSettings> settingsType() {
		return VergeosSettings.class;
	}

	/** VergeOS's API guide allows about 1,000 requests an hour for each API key. */
	@Override
	public Optional<UpstreamRateLimit> documentedRateLimit() {
		return Optional.of(new UpstreamRateLimit(1000, Duration.ofHours(1)));
	}

	@Override
	public SnapshotProvider create(ProviderId id, VergeosSettings settings) {
		String property = "snapgate.providers." + id;
		if (!settings.verifyTls()) {
			logger.warn("*** VergeOS provider '{}': TLS certificate and host name verification is OFF ({}.verify-tls: "
					+ "false). Anyone on the path to {} can read its credentials. Trust the certificate through "
					+ "{}.ca-bundle instead. ***", id, property, settings.baseUrl(), property);
		}
		VergeosClient client = VergeosClient.create(this.webClients, settings, this.clock, property);
		return new VergeosSnapshotProvider(id, client, this.clock, settings.minSnapshots(), settings.defaultRetention(),
				settings.policyTimeZone(), this.restores, settings.copySyncs());
	}

}
