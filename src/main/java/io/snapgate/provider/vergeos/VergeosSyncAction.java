package io.snapgate.provider.vergeos;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST site_syncs_outgoing_actions} that sends a cloud snapshot now.
 */
record VergeosSyncAction(@JsonProperty("site_syncs_outgoing") long sync, String action, Params params) {

	static VergeosSyncAction addToQueue(long sync, long cloudSnapshot, @Nullable Long retentionSeconds) {
		return new VergeosSyncAction(sync, "add_to_queue", new Params(cloudSnapshot, retentionSeconds));
	}

	/**
	 * @param retention how long the remote site keeps it, in seconds; left out, VergeOS's
	 * default (three days)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Params(@JsonProperty("cloud_snapshot") long cloudSnapshot, @Nullable Long retention) {
	}

}
