package io.snapgate.provider.vergeos;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import io.snapgate.domain.ProviderId;
import io.snapgate.provider.UpstreamUrls;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import static io.snapgate.provider.SettingsChecks.allPositive;
import static io.snapgate.provider.SettingsChecks.hasText;
import static io.snapgate.provider.SettingsChecks.masked;
import static io.snapgate.provider.SettingsChecks.require;

/**
 * The settings of one VergeOS provider, bound by its factory from
 * {@code snapgate.providers.<id>} when its {@code type} is {@code vergeos}; the prefix
 * names that pattern for the configuration metadata, as this record is never a bean.
 *
 * @param baseUrl the VergeOS UI/API address, such as {@code https://vergeos.example.com};
 * the adapter appends {@code /api/v4}. Plain {@code http://} is refused except for
 * loopback addresses and hosts under the reserved {@code .invalid} domain (the embedded
 * sandbox), since Basic credentials would travel in clear text
 * @param username user for HTTP Basic authentication, together with {@code password}
 * @param password password for HTTP Basic authentication
 * @param apiKey a VergeOS API key, sent as {@code Authorization: Bearer <key>}; instead
 * of username and password
 * @param verifyTls whether the server's certificate is verified; {@code false} trusts any
 * certificate and host name and is logged loudly at start-up
 * @param caBundle a PEM file of CA or self-signed certificates trusted in addition to the
 * JDK's own trust store
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer
 * @param minSnapshots {@code min_snapshots} sent with every create
 * @param defaultRetention how long a new snapshot is kept when the request names no
 * retention
 * @param policyTimeZone the zone in which the system reads the times of its snapshot
 * profile periods. No VergeOS source names it (presumably the system's local time), so it
 * is configured: policies are moved into it, and a caller's zone that does not keep one
 * offset to it all year is refused
 * @param copySyncs the providers this one copies its cloud snapshots to, each the VergeOS
 * at the other end of an outgoing Site Sync, by provider id, with the sync's name:
 * {@code copy-syncs.vergeos-dr=to-dr-site}
 */
@Validated
@ConfigurationProperties("snapgate.providers.<vergeos-id>")
public record VergeosSettings(@NotNull @Nullable URI baseUrl, @Nullable String username, @Nullable String password,
		@Nullable String apiKey, @DefaultValue("true") boolean verifyTls, @Nullable Path caBundle,
		@NotNull @DefaultValue("PT5S") Duration connectTimeout, @NotNull @DefaultValue("PT30S") Duration readTimeout,
		@Min(1) @Max(1000) @DefaultValue("1") int minSnapshots, @NotNull @DefaultValue("P3D") Duration defaultRetention,
		@NotNull @DefaultValue("UTC") ZoneId policyTimeZone, @DefaultValue Map<String, String> copySyncs) {

	public VergeosSettings {
		copySyncs = Map.copyOf(copySyncs);
	}

	/** The base URL, once validation has passed. */
	URI requireBaseUrl() {
		return require(this.baseUrl, "base-url");
	}

	boolean usesApiKey() {
		return hasText(this.apiKey);
	}

	@AssertTrue(message = "base-url must be an absolute https:// URL without user info, query or fragment "
			+ "(http:// is accepted only for loopback addresses and .invalid sandbox hosts)")
	boolean isBaseUrlAcceptable() {
		return UpstreamUrls.isAcceptable(this.baseUrl);
	}

	@AssertTrue(message = "give either username and password (HTTP Basic) or api-key (Bearer), exactly one of the two")
	boolean isOneAuthenticationMode() {
		boolean basic = hasText(this.username) && hasText(this.password);
		boolean partialBasic = hasText(this.username) || hasText(this.password);
		return (basic && !hasText(this.apiKey)) || (!partialBasic && hasText(this.apiKey));
	}

	@AssertTrue(message = "ca-bundle must be a readable PEM file, and cannot be combined with verify-tls: false")
	boolean isCaBundleUsable() {
		return this.caBundle == null || (this.verifyTls && Files.isReadable(this.caBundle));
	}

	@AssertTrue(message = "copy-syncs must map provider ids to the names of outgoing syncs")
	boolean isCopySyncsWellFormed() {
		return this.copySyncs.entrySet()
			.stream()
			.allMatch((entry) -> ProviderId.isValid(entry.getKey()) && hasText(entry.getValue()));
	}

	@AssertTrue(message = "connect-timeout, read-timeout and default-retention must be positive")
	boolean isDurationsPositive() {
		return allPositive(this.connectTimeout, this.readTimeout, this.defaultRetention);
	}

	@Override
	public String toString() {
		return "VergeosSettings[baseUrl=" + this.baseUrl + ", username=" + this.username + ", password="
				+ masked(this.password) + ", apiKey=" + masked(this.apiKey) + ", verifyTls=" + this.verifyTls
				+ ", caBundle=" + this.caBundle + ", connectTimeout=" + this.connectTimeout + ", readTimeout="
				+ this.readTimeout + ", minSnapshots=" + this.minSnapshots + ", defaultRetention="
				+ this.defaultRetention + ", policyTimeZone=" + this.policyTimeZone + ", copySyncs=" + this.copySyncs
				+ "]";
	}

}
