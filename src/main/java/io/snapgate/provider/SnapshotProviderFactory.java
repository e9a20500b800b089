package io.snapgate.provider;

import java.util.Optional;

import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderType;
import io.snapgate.domain.SnapshotProvider;

/**
 * Builds the adapters of one provider type from their configuration. One bean per type:
 * adding a provider type is a new package with a factory bean, and nothing else changes.
 *
 * @param <S> the validated settings record bound from {@code snapgate.providers.<id>}
 */
public interface SnapshotProviderFactory<S> {

	/** The value of {@code snapgate.providers.<id>.type} this factory answers to. */
	ProviderType type();

	/**
	 * The record that {@code snapgate.providers.<id>} binds to; Bean Validation
	 * annotations apply. Annotated with
	 * {@code @ConfigurationProperties("snapgate.providers.<type-id>")}, its type in place
	 * of {@code type}, so that the configuration metadata describes its settings; it is
	 * never a bean of its own.
	 */
	Class<S> settingsType();

	SnapshotProvider create(ProviderId id, S settings);

	/**
	 * The request limit the provider type documents for one account, which sizes its
	 * budget unless the operator sets one; none when it documents none.
	 */
	default Optional<UpstreamRateLimit> documentedRateLimit() {
		return Optional.empty();
	}

}
