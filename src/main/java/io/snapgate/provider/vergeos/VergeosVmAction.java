package io.snapgate.provider.vergeos;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST vm_actions}: {@code {"vm":<key>,"action":"clone","params":
 * {"name":"..."}}} makes a new VM of a VM (a snapshot's VM included); {@code {"vm":<VM
 * key>,"action":"restore","params":{"snapshot":<VM snapshot key>}}} reverts a powered-off
 * VM to one of its snapshots.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VergeosVmAction(long vm, String action, @Nullable Params params) {

	static VergeosVmAction cloneAs(long vm, String name) {
		return new VergeosVmAction(vm, "clone", new Params(name, null));
	}

	static VergeosVmAction revert(long vm, long snapshot) {
		return new VergeosVmAction(vm, "restore", new Params(null, snapshot));
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Params(@Nullable String name, @Nullable Long snapshot) {
	}

}
