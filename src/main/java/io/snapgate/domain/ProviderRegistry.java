package io.snapgate.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured providers by id, in the order of their ids.
 */
public final class ProviderRegistry {

	private final Map<ProviderId, SnapshotProvider> providers;

	public ProviderRegistry(Collection<SnapshotProvider> providers) {
		List<SnapshotProvider> sorted = new ArrayList<>(providers);
		sorted.sort((a, b) -> a.id().compareTo(b.id()));
		Map<ProviderId, SnapshotProvider> byId = new LinkedHashMap<>();
		for (SnapshotProvider provider : sorted) {
			if (byId.putIfAbsent(provider.id(), provider) != null) {
				throw new IllegalArgumentException("Provider '" + provider.id() + "' is configured twice");
			}
		}
		this.providers = Collections.unmodifiableMap(byId);
	}

	public List<SnapshotProvider> all() {
		return List.copyOf(this.providers.values());
	}

	public Optional<SnapshotProvider> find(ProviderId id) {
		return Optional.ofNullable(this.providers.get(id));
	}

	/**
	 * @throws NotFoundException with {@link ErrorCode#PROVIDER_NOT_FOUND} when no such
	 * provider is configured
	 */
	public SnapshotProvider require(ProviderId id) {
		return find(id).orElseThrow(
				() -> new NotFoundException(ErrorCode.PROVIDER_NOT_FOUND, "No provider '" + id + "' is configured"));
	}

	public boolean isEmpty() {
		return this.providers.isEmpty();
	}

}
