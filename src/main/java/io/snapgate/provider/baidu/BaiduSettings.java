package io.snapgate.provider.baidu;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import io.snapgate.domain.ProviderId;
import io.snapgate.provider.UpstreamUrls;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import static io.snapgate.provider.SettingsChecks.allPositive;
import static io.snapgate.provider.SettingsChecks.masked;
import static io.snapgate.provider.SettingsChecks.require;

/**
 * The settings of one Baidu Cloud BCC provider, bound by its factory from
 * {@code snapgate.providers.<id>} when its {@code type} is {@code baidu}; the prefix
 * names that pattern for the configuration metadata, as this record is never a bean.
 *
 * @param endpoint the regional BCC endpoint, such as {@code https://bcc.bj.baidubce.com};
 * the adapter appends {@code /v2/...}. Plain {@code http://} is refused except for
 * loopback addresses and hosts under the reserved {@code .invalid} domain (the embedded
 * sandbox)
 * @param accessKeyId the access key id (AK)
 * @param secretAccessKey the secret access key (SK); never logged
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer
 * @param expirationSeconds how long a signature stays valid, in seconds
 * @param policyTimeZone the zone BCC reads the hours of its automatic snapshot policies
 * in. No Baidu source names it; Beijing time is the likely one for the China regions, so
 * this is a setting to correct once a live account shows otherwise
 * @param snapshotQuotaPerDisk how many manual snapshots BCC lets one disk hold, when the
 * account's quota is known (BCC has no call that tells it): a rollback whose safety
 * snapshot would not fit is then refused before anything is sent. Unset, BCC's own
 * refusal of the safety snapshot stops the rollback
 * @param copyRegions the providers this one copies its snapshots to, each a Baidu
 * provider of the same account in another region, by provider id, with the region BCC
 * names ({@code gz}, {@code su}, ...): {@code copy-regions.baidu-gz=gz}
 */
@Validated
@ConfigurationProperties("snapgate.providers.<baidu-id>")
public record BaiduSettings(@NotNull @Nullable URI endpoint, @NotBlank @Nullable String accessKeyId,
		@NotBlank @Nullable String secretAccessKey, @NotNull @DefaultValue("PT5S") Duration connectTimeout,
		@NotNull @DefaultValue("PT30S") Duration readTimeout,
		@Min(60) @Max(86_400) @DefaultValue("1800") int expirationSeconds,
		@NotNull @DefaultValue("Asia/Shanghai") ZoneId policyTimeZone, @Min(1) @Nullable Integer snapshotQuotaPerDisk,
		@DefaultValue Map<String, String> copyRegions) {

	private static final Pattern REGION = Pattern.compile("[a-z][a-z0-9-]{0,31}");

	public BaiduSettings {
		copyRegions = Map.copyOf(copyRegions);
	}

	/** The endpoint without a trailing slash, once validation has passed. */
	String baseUrl() {
		String url = require(this.endpoint, "endpoint").toString();
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	BceV1Signer signer(Clock clock) {
		return new BceV1Signer(require(this.accessKeyId, "access-key-id"),
				require(this.secretAccessKey, "secret-access-key"), this.expirationSeconds, clock);
	}

	@AssertTrue(message = "endpoint must be an absolute https:// URL without user info, query or fragment "
			+ "(http:// is accepted only for loopback addresses and .invalid sandbox hosts)")
	boolean isEndpointAcceptable() {
		return UpstreamUrls.isAcceptable(this.endpoint);
	}

	@AssertTrue(message = "copy-regions must map provider ids to BCC region names such as gz")
	boolean isCopyRegionsWellFormed() {
		return this.copyRegions.entrySet()
			.stream()
			.allMatch((entry) -> ProviderId.isValid(entry.getKey()) && REGION.matcher(entry.getValue()).matches());
	}

	@AssertTrue(message = "connect-timeout and read-timeout must be positive")
	boolean isTimeoutsPositive() {
		return allPositive(this.connectTimeout, this.readTimeout);
	}

	@Override
	public String toString() {
		return "BaiduSettings[endpoint=" + this.endpoint + ", accessKeyId=" + this.accessKeyId + ", secretAccessKey="
				+ masked(this.secretAccessKey) + ", connectTimeout=" + this.connectTimeout + ", readTimeout="
				+ this.readTimeout + ", expirationSeconds=" + this.expirationSeconds + ", policyTimeZone="
				+ this.policyTimeZone + ", snapshotQuotaPerDisk=" + this.snapshotQuotaPerDisk + ", copyRegions="
				+ this.copyRegions + "]";
	}

}
