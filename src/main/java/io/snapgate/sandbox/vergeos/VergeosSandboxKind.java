package io.snapgate.sandbox.vergeos;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * VMs or tenants, each with its table of machines, of snapshot members and of member
 * actions.
 */
enum VergeosSandboxKind {

	VM("vms", "vm_members", "cloud_snapshot_vm_actions"),
	TENANT("tenants", "tenant_members", "cloud_snapshot_tenant_actions");

	private final String machineTable;

	private final String memberTable;

	private final String actionTable;

	VergeosSandboxKind(String machineTable, String memberTable, String actionTable) {
		this.machineTable = machineTable;
		this.memberTable = memberTable;
		this.actionTable = actionTable;
	}

	String machineTable() {
		return this.machineTable;
	}

	String memberTable() {
		return this.memberTable;
	}

	String actionTable() {
		return this.actionTable;
	}

	/** The sizes every emulated VM or tenant has. */
	void putHardware(Map<String, @Nullable Object> row) {
		if (this == VM) {
			row.put("cpu_cores", 2);
			row.put("ram", 4096);
			row.put("os_family", "linux");
		}
		else {
			row.put("nodes", 2);
			row.put("cpu_cores", 8);
			row.put("ram", 16384);
		}
	}

}
