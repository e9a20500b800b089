package io.snapgate.security;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code snapgate.security}: API keys, CORS, and whether the gateway runs open (the
 * sandbox only). JWT callers are configured with Spring Boot's own
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties.
 *
 * @param open let every request through unauthenticated; refused outside the
 * {@code sandbox} profile
 * @param apiKeys the API keys, stored as SHA-256 hashes
 * @param cors cross-origin access; off unless origins are listed
 */
@Validated
@ConfigurationProperties("snapgate.security")
public record SecuritySettings(@DefaultValue("false") boolean open, @DefaultValue List<@Valid ApiKey> apiKeys,
		@DefaultValue @Valid Cors cors) {

	public SecuritySettings {
		apiKeys = List.copyOf(apiKeys);
	}

	/**
	 * @param owner who holds the key; named in the audit log
	 * @param sha256 the lower-case hex SHA-256 of the key (never the key itself)
	 * @param scopes what the key may do
	 * @param revoked a revoked key is refused like an unknown one
	 */
	public record ApiKey(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]+") String owner,
			@NotBlank @Pattern(regexp = "[0-9a-f]{64}",
					message = "must be the 64 lower-case hex digits of a SHA-256") String sha256,
			@NotEmpty Set<@Pattern(
					regexp = "snapshots:read|snapshots:write|restores:write|policies:read|policies:write|actuator:read") String> scopes,
			@DefaultValue("false") boolean revoked) {

		@Override
		public String toString() {
			return "ApiKey[owner=" + this.owner + ", scopes=" + this.scopes + ", revoked=" + this.revoked + "]";
		}

	}

	/**
	 * @param allowedOrigins origins allowed to call from a browser; none by default
	 */
	public record Cors(@DefaultValue List<String> allowedOrigins) {
	}

}
