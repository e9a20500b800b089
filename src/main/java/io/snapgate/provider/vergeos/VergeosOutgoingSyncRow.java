package io.snapgate.provider.vergeos;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A row of {@code site_syncs_outgoing}: a Site Sync that sends cloud snapshots to a
 * remote VergeOS. {@code status} is {@code offline}, {@code initializing},
 * {@code syncing} or {@code error}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record VergeosOutgoingSyncRow(
		@JsonProperty("$key") @JsonDeserialize(using = VergeosKeyDeserializer.class) @Nullable String key,
		@Nullable String name, @Nullable Boolean enabled, @Nullable String status, @Nullable String state) {

	static final String FIELDS = "$key,name,enabled,status,state";

}
