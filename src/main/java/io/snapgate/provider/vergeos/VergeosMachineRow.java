package io.snapgate.provider.vergeos;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.jspecify.annotations.Nullable;

/**
 * A row of {@code vms} or {@code tenants}, as far as a recovery needs it: whether a name
 * is taken.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record VergeosMachineRow(
		@JsonProperty("$key") @JsonDeserialize(using = VergeosKeyDeserializer.class) @Nullable String key,
		@Nullable String name) {

	static final String FIELDS = "$key,name";

}
