package io.snapgate.provider.vergeos;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST vm_actions}: {@code {"vm":<key>,"action":"clone","params":
 * {"name":"..."}}} makes a new VM of a VM (a snapshot's VM included);
 * {@code {"vm":<snapshot VM key>,"action":"restore"}} reverts the VM a snapshot was taken
 * of to it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VergeosVmAction(long vm, String action, @Nullable Params params) {

	static VergeosVmAction cloneAs(long vm, String name) {
		return new VergeosVmAction(vm, "clone", new Params(name));
	}

	static VergeosVmAction restore(long snapshotVm) {
		return new VergeosVmAction(snapshotVm, "restore", null);
	}

	record Params(String name) {
	}

}
