package io.snapgate.provider.vergeos;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.jspecify.annotations.Nullable;

/**
 * A row of {@code cloud_snapshot_vms}: a VM as captured in a cloud snapshot; its key is
 * what a recover names.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record VergeosSnapshotVmRow(
		@JsonProperty("$key") @JsonDeserialize(using = VergeosKeyDeserializer.class) @Nullable String key,
		@JsonProperty("cloud_snapshot") @JsonDeserialize(
				using = VergeosKeyDeserializer.class) @Nullable String cloudSnapshot,
		@Nullable String name, @Nullable String status,
		@JsonProperty("status_info") @Nullable String statusInfo) implements VergeosMemberRow {
}
