package io.snapgate.provider.vergeos;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.jspecify.annotations.Nullable;

/**
 * A row of {@code tasks}; its {@code status} is {@code idle} or {@code running} (some
 * systems also say {@code error}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record VergeosTaskRow(@JsonProperty("$key") @JsonDeserialize(using = VergeosKeyDeserializer.class) @Nullable String key,
		@Nullable String status) {

	static final String FIELDS = "$key,status";

}
