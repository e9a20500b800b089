package io.snapgate.provider.vergeos;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A row of {@code site_syncs_outgoing_queue}: one cloud snapshot queued to be sent.
 * {@code status} is {@code queue}, {@code paused}, {@code initializing}, {@code syncing},
 * {@code retry}, {@code complete}, {@code error} or {@code skip_retention};
 * {@code retention} is in seconds and {@code timestamp} in epoch seconds.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record VergeosSyncQueueRow(
		@JsonProperty("$key") @JsonDeserialize(using = VergeosKeyDeserializer.class) @Nullable String key,
		@JsonProperty("cloud_snapshot") @JsonDeserialize(
				using = VergeosKeyDeserializer.class) @Nullable String cloudSnapshot,
		@Nullable String status, @Nullable Long retention, @Nullable Long timestamp) {

	static final String FIELDS = "$key,cloud_snapshot,status,retention,timestamp";

}
