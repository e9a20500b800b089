package io.snapgate.provider.baidu;

import java.time.Clock;

import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderType;
import io.snapgate.domain.RestoreSettings;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.provider.SnapshotProviderFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds the Baidu Cloud BCC adapters, for {@code snapgate.providers.<id>.type: baidu}.
 */
@Component
class BaiduSnapshotProviderFactory implements SnapshotProviderFactory<BaiduSettings> {

	private final WebClient.Builder webClients;

	private final Clock clock;

	private final RestoreSettings restores;

	BaiduSnapshotProviderFactory(WebClient.Builder webClients, ObjectProvider<Clock> clock,
			ObjectProvider<RestoreSettings> restores) {
		this.webClients = webClients;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.restores = restores.getIfAvailable(() -> RestoreSettings.DEFAULTS);
	}

	@Override
	public ProviderType type() {
		return BaiduSnapshotProvider.TYPE;
	}

	@Override
	public Class<BaiduSettings> settingsType() {
		return BaiduSettings.class;
	}

	@Override
	public SnapshotProvider create(ProviderId id, BaiduSettings settings) {
		return new BaiduSnapshotProvider(id, BaiduClient.create(this.webClients, settings, id, this.clock), this.clock,
				settings.policyTimeZone(), settings.snapshotQuotaPerDisk(), this.restores, settings.copyRegions());
	}

}
