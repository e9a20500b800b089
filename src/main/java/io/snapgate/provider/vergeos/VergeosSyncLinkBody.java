package io.snapgate.provider.vergeos;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST site_syncs_outgoing_profile_periods}: send each snapshot of a
 * profile period on an outgoing sync.
 *
 * @param retention seconds the remote site keeps each; left out, VergeOS's default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VergeosSyncLinkBody(@JsonProperty("site_syncs_outgoing") long sync, @JsonProperty("profile_period") long period,
		@Nullable Long retention, int priority, @JsonProperty("do_not_expire") boolean doNotExpire) {

	static VergeosSyncLinkBody of(String sync, String period, @Nullable Long retention) {
		return new VergeosSyncLinkBody(Long.parseLong(sync), Long.parseLong(period), retention, 0, false);
	}

}
