package io.snapgate.application;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.FieldError;
import io.snapgate.domain.ForbiddenException;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.domain.SnapshotProvider;

/**
 * The configured providers as the current caller may use them: the one place where grants
 * are enforced. A provider that none of the caller's scopes reaches is, to that caller,
 * not configured: it is left out of every listing, and its ids are answered as an
 * unconfigured provider's are, before anything is asked of it. A provider the caller sees
 * but may not use for the operation at hand is refused with a {@link ForbiddenException}
 * that names the missing grant.
 */
public final class ProviderAccess {

	private final ProviderRegistry registry;

	private final CallerIdentity caller;

	public ProviderAccess(ProviderRegistry registry, CallerIdentity caller) {
		this.registry = registry;
		this.caller = caller;
	}

	/** Every configured provider, for every caller. */
	public static ProviderAccess unrestricted(ProviderRegistry registry) {
		return new ProviderAccess(registry, CallerIdentity.ANONYMOUS);
	}

	/**
	 * The provider to use with a scope.
	 * @return empty when no such provider is configured or the caller does not see it
	 * @throws ForbiddenException when the caller sees it but the scope does not reach it
	 */
	public Optional<SnapshotProvider> find(ProviderId id, ProviderScope scope) {
		ProviderGrants grants = grants();
		Optional<SnapshotProvider> provider = this.registry.find(id).filter((found) -> grants.sees(found.id()));
		if (provider.isPresent() && !grants.allows(scope, id)) {
			throw missing(scope, id);
		}
		return provider;
	}

	/** The providers the scope reaches, in the order of their ids. */
	public List<SnapshotProvider> reachable(ProviderScope scope) {
		ProviderGrants grants = grants();
		return this.registry.all().stream().filter((provider) -> grants.allows(scope, provider.id())).toList();
	}

	/** The providers the caller sees, in the order of their ids. */
	public List<SnapshotProvider> visible() {
		ProviderGrants grants = grants();
		return this.registry.all().stream().filter((provider) -> grants.sees(provider.id())).toList();
	}

	/**
	 * The providers a listing asks: those named, or every one the scope reaches when none
	 * is named.
	 * @throws InvalidRequestException with {@link ErrorCode#UNKNOWN_PROVIDER} naming each
	 * named provider that is not configured or that the caller does not see
	 * @throws ForbiddenException when the scope does not reach a named provider that the
	 * caller sees
	 */
	public List<SnapshotProvider> select(Set<ProviderId> named, ProviderScope scope) {
		if (named.isEmpty()) {
			return reachable(scope);
		}
		ProviderGrants grants = grants();
		List<SnapshotProvider> seen = this.registry.all()
			.stream()
			.filter((provider) -> named.contains(provider.id()) && grants.sees(provider.id()))
			.toList();
		List<FieldError> unknown = named.stream()
			.filter((id) -> seen.stream().noneMatch((provider) -> provider.id().equals(id)))
			.sorted()
			.map((id) -> new FieldError("provider", "no provider '" + id + "' is configured"))
			.toList();
		if (!unknown.isEmpty()) {
			throw new InvalidRequestException(ErrorCode.UNKNOWN_PROVIDER, "Unknown provider", unknown);
		}
		seen.stream().filter((provider) -> !grants.allows(scope, provider.id())).findFirst().ifPresent((provider) -> {
			throw missing(scope, provider.id());
		});
		return seen;
	}

	private static ForbiddenException missing(ProviderScope scope, ProviderId provider) {
		return new ForbiddenException("Missing grant: " + scope + " on " + provider);
	}

	private ProviderGrants grants() {
		return this.caller.current().grants();
	}

}
