package io.snapgate.provider.vergeos;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A row of {@code site_syncs_outgoing_profile_periods}: a profile period whose snapshots
 * VergeOS sends on an outgoing sync by itself, each kept {@code retention} seconds at the
 * remote site.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record VergeosSyncLinkRow(
		@JsonProperty("$key") @JsonDeserialize(using = VergeosKeyDeserializer.class) @Nullable String key,
		@JsonProperty("site_syncs_outgoing") @JsonDeserialize(
				using = VergeosKeyDeserializer.class) @Nullable String sync,
		@JsonProperty("profile_period") @JsonDeserialize(using = VergeosKeyDeserializer.class) @Nullable String period,
		@Nullable Long retention, @JsonProperty("do_not_expire") @Nullable Boolean doNotExpire) {

	static final String FIELDS = "$key,site_syncs_outgoing,profile_period,retention,do_not_expire";

}
