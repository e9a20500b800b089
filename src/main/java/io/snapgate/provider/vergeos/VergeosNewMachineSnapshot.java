package io.snapgate.provider.vergeos;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST machine_snapshots}, as VergeOS's clients send it:
 * {@code machine} is the VM's machine key; {@code expires} is absolute epoch seconds,
 * left out for a snapshot that never expires; {@code created_manually} is always true.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VergeosNewMachineSnapshot(long machine, String name, @Nullable String description, @Nullable Long expires,
		boolean quiesce, @JsonProperty("created_manually") boolean createdManually) {

	static VergeosNewMachineSnapshot of(long machine, String name, @Nullable String description, @Nullable Long expires,
			boolean quiesce) {
		return new VergeosNewMachineSnapshot(machine, name, description, expires, quiesce, true);
	}

}
