package io.snapgate.security;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.snapgate.application.ProviderGlob;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code snapgate.security}: API keys, the grants JWT callers carry, CORS, and whether
 * the gateway runs open (the sandbox only). JWT callers are otherwise configured with
 * Spring Boot's own {@code spring.security.oauth2.resourceserver.jwt.*} properties.
 *
 * @param open let every request through unauthenticated; refused outside the
 * {@code sandbox} profile
 * @param apiKeys the API keys, stored as SHA-256 hashes
 * @param jwt where a JWT caller's grants come from
 * @param cors cross-origin access; off unless origins are listed
 */
@Validated
@ConfigurationProperties("snapgate.security")
public record SecuritySettings(@DefaultValue("false") boolean open, @DefaultValue List<@Valid ApiKey> apiKeys,
		@DefaultValue @Valid Jwt jwt, @DefaultValue @Valid Cors cors) {

	static final String PROVIDER_SCOPES = "snapshots:read|snapshots:write|restores:write|policies:read|policies:write";

	public SecuritySettings {
		apiKeys = List.copyOf(apiKeys);
	}

	/**
	 * One API key; the prefix names the list element's pattern for the configuration
	 * metadata, as this record is bound with its parent, never as a bean.
	 *
	 * @param owner who holds the key; named in the audit log as the caller and its tenant
	 * @param sha256 the lower-case hex SHA-256 of the key (never the key itself)
	 * @param scopes what the key may do
	 * @param revoked a revoked key is refused like an unknown one
	 * @param providers the providers, by id or glob ({@code baidu-*}), that every scope
	 * of the key is limited to; left out, every provider
	 * @param grants finer limits for some scopes: a scope named in any of them reaches
	 * only the providers of the grants that name it
	 */
	@ConfigurationProperties("snapgate.security.api-keys[]")
	public record ApiKey(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]+") String owner,
			@NotBlank @Pattern(regexp = "[0-9a-f]{64}",
					message = "must be the 64 lower-case hex digits of a SHA-256") String sha256,
			@NotEmpty Set<@Pattern(regexp = PROVIDER_SCOPES + "|actuator:read") String> scopes,
			@DefaultValue("false") boolean revoked,
			@Nullable @Size(min = 1,
					message = "must name at least one provider; leave it out for every provider") List<@Pattern(
							regexp = ProviderGlob.SYNTAX,
							message = "must be a provider id, or one with * for any characters") String> providers,
			@DefaultValue List<@Valid Grant> grants) {

		public ApiKey {
			grants = List.copyOf(grants);
		}

		@AssertTrue(message = "grants may name only scopes that the key has")
		boolean isGrantsOfItsOwnScopes() {
			// the binder leaves out what is missing, which the other constraints report
			return this.grants.stream()
				.allMatch((grant) -> grant.scopes() == null
						|| (this.scopes != null && this.scopes.containsAll(grant.scopes())));
		}

		@Override
		public String toString() {
			return "ApiKey[owner=" + this.owner + ", scopes=" + this.scopes + ", revoked=" + this.revoked
					+ ", providers=" + this.providers + ", grants=" + this.grants + "]";
		}

	}

	/**
	 * Some of a key's scopes, limited to some providers; the prefix names the list
	 * element's pattern for the configuration metadata.
	 *
	 * @param scopes the scopes limited, among the key's own
	 * @param providers the providers, by id or glob, that they reach
	 */
	@ConfigurationProperties("snapgate.security.api-keys[].grants[]")
	public record Grant(
			@NotEmpty Set<@Pattern(regexp = PROVIDER_SCOPES,
					message = "must be a scope that acts on providers: " + PROVIDER_SCOPES) String> scopes,
			@NotEmpty List<@Pattern(regexp = ProviderGlob.SYNTAX,
					message = "must be a provider id, or one with * for any characters") String> providers) {

	}

	/**
	 * @param grantsClaim the claim that lists a token's grants as {@code scope@provider}
	 * entries; a token without it reaches every provider, unless grants are required
	 * @param requireGrants whether a token without the claim reaches no provider at all
	 */
	public record Jwt(@DefaultValue("snapgate_grants") @NotBlank @Size(max = 128) String grantsClaim,
			@DefaultValue("false") boolean requireGrants) {
	}

	/**
	 * @param allowedOrigins origins allowed to call from a browser; none by default
	 */
	public record Cors(@DefaultValue List<String> allowedOrigins) {
	}

}
