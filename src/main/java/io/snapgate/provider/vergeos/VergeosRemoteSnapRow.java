package io.snapgate.provider.vergeos;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A row of {@code site_syncs_outgoing_remote_snaps}: a cloud snapshot the remote site
 * holds, {@code remote_key} its key there.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record VergeosRemoteSnapRow(
		@JsonProperty("$key") @JsonDeserialize(using = VergeosKeyDeserializer.class) @Nullable String key,
		@Nullable String name, @Nullable String status,
		@JsonProperty("remote_key") @JsonDeserialize(using = VergeosKeyDeserializer.class) @Nullable String remoteKey,
		@Nullable Long created) {

	static final String FIELDS = "$key,name,status,remote_key,created";

}
