package io.snapgate.provider.vergeos;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.jspecify.annotations.Nullable;

/**
 * A row of {@code snapshot_profiles}: a named set of schedule periods. Names are unique;
 * the description carries SnapGate's idempotency marker on the profiles it made.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record VergeosProfileRow(
		@JsonProperty("$key") @JsonDeserialize(using = VergeosKeyDeserializer.class) @Nullable String key,
		@Nullable String name, @Nullable String description) {

	static final String FIELDS = "$key,name,description";

}
