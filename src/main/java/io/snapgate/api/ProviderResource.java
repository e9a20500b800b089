package io.snapgate.api;

import java.util.List;

import io.snapgate.application.ProviderSummary;
import io.snapgate.domain.Capability;
import io.snapgate.domain.CircuitState;
import io.snapgate.domain.ProviderHealth;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A configured provider.
 */
@Schema(name = "Provider")
public record ProviderResource(@Schema(example = "vergeos-prod") String id, @Schema(example = "vergeos") String type,
		List<Capability> capabilities, ProviderHealth health,
		@Schema(description = "The circuit breaker in front of the provider") CircuitState circuitBreaker) {

	static ProviderResource of(ProviderSummary summary) {
		return new ProviderResource(summary.id().value(), summary.type().value(),
				summary.capabilities().stream().sorted().toList(), summary.health(), summary.circuitState());
	}

}
