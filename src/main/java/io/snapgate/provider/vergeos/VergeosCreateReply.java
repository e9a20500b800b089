package io.snapgate.provider.vergeos;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.jspecify.annotations.Nullable;

/**
 * What a POST that makes a row answers, such as
 * {@code {"location":"/v4/cloud_snapshots/12","dbpath":"cloud_snapshots/12","$row":1,"$key":"12"}};
 * the key comes as a string.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record VergeosCreateReply(
		@JsonProperty("$key") @JsonDeserialize(using = VergeosKeyDeserializer.class) @Nullable String key,
		@Nullable String location, @JsonDeserialize(using = VergeosKeyDeserializer.class) @Nullable String task) {
}
