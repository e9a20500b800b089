package io.snapgate.provider.vergeos;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST site_syncs_outgoing_profile_periods}: send each snapshot of a
 * profile period on an outgoing sync.
 *
 * @param retention seconds the remote site keeps each
 */
record VergeosSyncLinkBody(@JsonProperty("site_syncs_outgoing") long sync, @JsonProperty("profile_period") long period,
		long retention, int priority, @JsonProperty("do_not_expire") boolean doNotExpire) {

	/**
	 * How long the remote site keeps a copy when the rule does not say: VergeOS's own
	 * default for a snapshot sent now ({@code add_to_queue}). What a link defaults to
	 * when it is left out is not documented, so it is never left out.
	 */
	static final long DEFAULT_RETENTION_SECONDS = 259_200;

	static VergeosSyncLinkBody of(String sync, String period, @Nullable Long retention) {
		return new VergeosSyncLinkBody(Long.parseLong(sync), Long.parseLong(period),
				(retention != null) ? retention : DEFAULT_RETENTION_SECONDS, 0, false);
	}

}
