package io.snapgate.provider.vergeos;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.jspecify.annotations.Nullable;

/**
 * A row of {@code vms}: a VM, or the VM of a VM snapshot ({@code is_snapshot}).
 * {@code machine} is the key of its machine, which holds its drives, its power state and
 * its snapshot profile: {@code running} and {@code status} are the machine's
 * ({@code machine#status#running}, {@code machine#status#status}), and so is
 * {@code snapshot_profile} ({@code machine#snapshot_profile}, as PSVergeOS reads it).
 * {@code guest_agent} says whether the VM has the guest agent enabled.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record VergeosVmRow(@JsonProperty("$key") @JsonDeserialize(using = VergeosKeyDeserializer.class) @Nullable String key,
		@Nullable String name, @JsonDeserialize(using = VergeosKeyDeserializer.class) @Nullable String machine,
		@JsonProperty("is_snapshot") @Nullable Boolean snapshot, @Nullable Boolean running, @Nullable String status,
		@JsonProperty("snapshot_profile") @JsonDeserialize(
				using = VergeosKeyDeserializer.class) @Nullable String snapshotProfile,
		@JsonProperty("guest_agent") @Nullable Boolean guestAgent) {

	/** The fields asked for on every read of this table. */
	static final String FIELDS = "$key,name,machine,is_snapshot,guest_agent,machine#status#running as running,"
			+ "machine#status#status as status,machine#snapshot_profile as snapshot_profile";

	boolean isSnapshot() {
		return Boolean.TRUE.equals(this.snapshot);
	}

	boolean isRunning() {
		return Boolean.TRUE.equals(this.running) || "running".equals(this.status);
	}

	/** Its name, or its key when VergeOS gave none. */
	String label() {
		return (this.name != null) ? this.name : String.valueOf(this.key);
	}

}
