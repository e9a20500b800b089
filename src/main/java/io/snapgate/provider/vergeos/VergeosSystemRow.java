package io.snapgate.provider.vergeos;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.jspecify.annotations.Nullable;

/**
 * The {@code system} row, read to check that the API answers and accepts the credentials.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record VergeosSystemRow(@JsonProperty("yb_version") @Nullable String ybVersion,
		@JsonProperty("os_version") @Nullable String osVersion,
		@JsonProperty("cloud_name") @Nullable String cloudName) {

	static final String FIELDS = "$key,yb_version,os_version,cloud_name";

}
