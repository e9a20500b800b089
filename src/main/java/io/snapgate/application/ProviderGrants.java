package io.snapgate.application;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.snapgate.domain.ProviderId;
import org.jspecify.annotations.Nullable;

/**
 * Which providers a caller reaches with each of its scopes. A scope reaches a provider
 * when one of its globs matches the provider's id; a scope granted nowhere reaches
 * nothing. The caller sees a provider when any of its scopes reaches it.
 */
public final class ProviderGrants {

	/** Every scope on every provider: a caller with no restriction configured. */
	public static final ProviderGrants UNRESTRICTED = new ProviderGrants(null);

	/** No provider at all. */
	public static final ProviderGrants NONE = new ProviderGrants(Map.of());

	/** By scope, the globs of the providers it reaches; {@code null} for every one. */
	private final @Nullable Map<ProviderScope, List<ProviderGlob>> reach;

	private ProviderGrants(@Nullable Map<ProviderScope, List<ProviderGlob>> reach) {
		this.reach = reach;
	}

	/**
	 * @param reach by scope, the globs of the providers it reaches; a scope left out
	 * reaches none
	 */
	public static ProviderGrants of(Map<ProviderScope, ? extends Collection<ProviderGlob>> reach) {
		Map<ProviderScope, List<ProviderGlob>> copy = new EnumMap<>(ProviderScope.class);
		reach.forEach((scope, globs) -> {
			if (!globs.isEmpty()) {
				copy.put(scope, List.copyOf(globs));
			}
		});
		return new ProviderGrants(Map.copyOf(copy));
	}

	public boolean allows(ProviderScope scope, ProviderId provider) {
		if (this.reach == null) {
			return true;
		}
		List<ProviderGlob> globs = this.reach.get(scope);
		return globs != null && globs.stream().anyMatch((glob) -> glob.matches(provider));
	}

	public boolean sees(ProviderId provider) {
		if (this.reach == null) {
			return true;
		}
		return this.reach.values().stream().flatMap(List::stream).anyMatch((glob) -> glob.matches(provider));
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof ProviderGrants that && Objects.equals(this.reach, that.reach);
	}

	@Override
	public int hashCode() {
		return Objects.hashCode(this.reach);
	}

	@Override
	public String toString() {
		return (this.reach == null) ? "ProviderGrants[unrestricted]" : "ProviderGrants" + new EnumMap<>(this.reach);
	}

}
