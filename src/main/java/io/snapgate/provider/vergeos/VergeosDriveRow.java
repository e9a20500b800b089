package io.snapgate.provider.vergeos;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.jspecify.annotations.Nullable;

/**
 * A row of {@code machine_drives}: one drive of a machine, its size in bytes (its
 * {@code media} {@code disk} for a disk, {@code cdrom} and others for what is no disk).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record VergeosDriveRow(
		@JsonProperty("$key") @JsonDeserialize(using = VergeosKeyDeserializer.class) @Nullable String key,
		@Nullable String name, @Nullable String media, @JsonProperty("interface") @Nullable String driveInterface,
		@JsonProperty("disksize") @Nullable Long diskSize) {

	static final String FIELDS = "$key,name,media,interface,disksize";

}
