package io.snapgate.provider.vergeos;

import io.snapgate.domain.MemberType;

/**
 * The two tables of what a cloud snapshot contains, each with its own table of recover
 * actions.
 *
 * @param type what its rows are
 * @param table the rows
 * @param actionTable where actions on the rows are posted
 * @param copyTable where a recovery makes its copy
 * @param rowType the wire record of a row
 * @param <R> the wire record of a row
 */
record VergeosMemberTable<R extends VergeosMemberRow>(MemberType type, String table, String actionTable,
		String copyTable, Class<R> rowType) {

	static final VergeosMemberTable<VergeosSnapshotVmRow> VMS = new VergeosMemberTable<>(MemberType.VM,
			"cloud_snapshot_vms", "cloud_snapshot_vm_actions", "vms", VergeosSnapshotVmRow.class);

	static final VergeosMemberTable<VergeosSnapshotTenantRow> TENANTS = new VergeosMemberTable<>(MemberType.TENANT,
			"cloud_snapshot_tenants", "cloud_snapshot_tenant_actions", "tenants", VergeosSnapshotTenantRow.class);

	static VergeosMemberTable<?> of(MemberType type) {
		return switch (type) {
			case VM -> VMS;
			case TENANT -> TENANTS;
		};
	}

}
