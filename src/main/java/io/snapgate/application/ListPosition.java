package io.snapgate.application;

import java.util.Map;

import io.snapgate.domain.ProviderId;

/**
 * Where a merged listing stands in each provider's listing. Page tokens carry it, so that
 * no replica needs to remember anything between pages.
 */
public record ListPosition(Map<ProviderId, ProviderPosition> positions) {

	public ListPosition {
		positions = Map.copyOf(positions);
	}

	public boolean isExhausted() {
		return this.positions.values().stream().allMatch(ProviderPosition::exhausted);
	}

	public ProviderPosition of(ProviderId provider) {
		return this.positions.getOrDefault(provider, ProviderPosition.START);
	}

}
