package io.snapgate.provider.vergeos;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.jspecify.annotations.Nullable;

/**
 * A row of {@code machine_snapshots}: a snapshot of one VM. {@code machine} is the key of
 * the VM's machine, not of the VM; {@code snap_machine} the machine of the snapshot's own
 * VM, a row of {@code vms} that is a snapshot. Times are epoch seconds; {@code expires}
 * {@code 0} or absent means never. {@code snapshot_period} names the profile period that
 * took it; one taken by hand has none. The row has no status of its own.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record VergeosMachineSnapshotRow(
		@JsonProperty("$key") @JsonDeserialize(using = VergeosKeyDeserializer.class) @Nullable String key,
		@Nullable String name, @Nullable String description, @Nullable Long created, @Nullable Long expires,
		@Nullable Boolean quiesced, @JsonProperty("created_manually") @Nullable Boolean createdManually,
		@JsonDeserialize(using = VergeosKeyDeserializer.class) @Nullable String machine,
		@JsonProperty("snap_machine") @JsonDeserialize(
				using = VergeosKeyDeserializer.class) @Nullable String snapMachine,
		@JsonProperty("snapshot_period") @JsonDeserialize(
				using = VergeosKeyDeserializer.class) @Nullable String snapshotPeriod) {

	/** The fields asked for on every read of this table. */
	static final String FIELDS = "$key,name,description,created,expires,quiesced,created_manually,machine,"
			+ "snap_machine,snapshot_period";

}
