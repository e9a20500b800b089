package io.snapgate.provider.vergeos;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.jspecify.annotations.Nullable;

/**
 * A row of {@code cloud_snapshots}: one system snapshot. Times are epoch seconds;
 * {@code expires} {@code 0} means never. {@code task} is the task working on the row, if
 * any. {@code snapshot_profile} and {@code snapshot_period} name the profile and period
 * that took it; a snapshot taken by hand has neither.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record VergeosCloudSnapshotRow(
		@JsonProperty("$key") @JsonDeserialize(using = VergeosKeyDeserializer.class) @Nullable String key,
		@Nullable String name, @Nullable String description, @Nullable Long created, @Nullable Long expires,
		@JsonProperty("snapshot_profile") @JsonDeserialize(
				using = VergeosKeyDeserializer.class) @Nullable String snapshotProfile,
		@JsonProperty("snapshot_period") @JsonDeserialize(
				using = VergeosKeyDeserializer.class) @Nullable String snapshotPeriod,
		@JsonProperty("private") @Nullable Boolean privateSnapshot,
		@JsonProperty("remote_sync") @Nullable Boolean remoteSync, @Nullable Boolean immutable,
		@JsonProperty("immutable_status") @Nullable String immutableStatus,
		@JsonProperty("immutable_lock_expires") @Nullable Long immutableLockExpires, @Nullable String status,
		@JsonProperty("status_info") @Nullable String statusInfo,
		@JsonDeserialize(using = VergeosKeyDeserializer.class) @Nullable String task) {

	/**
	 * The fields asked for on every read of this table: the server's default is only a
	 * summary.
	 */
	static final String FIELDS = "$key,name,description,created,expires,snapshot_profile,snapshot_period,private,"
			+ "remote_sync,immutable,immutable_status,immutable_lock_expires,status,status_info,task";

	/** The fields that tell which schedule took a snapshot, and when. */
	static final String PROVENANCE_FIELDS = "$key,created,snapshot_profile,snapshot_period";

}
