package io.snapgate.provider.vergeos;

import org.jspecify.annotations.Nullable;

/**
 * What the rows of {@code cloud_snapshot_vms} and {@code cloud_snapshot_tenants} have in
 * common: a VM or tenant captured in a snapshot, whose {@code status} follows its
 * recovery ({@code idle}, {@code importing}, {@code complete}, {@code error}).
 */
sealed interface VergeosMemberRow permits VergeosSnapshotVmRow, VergeosSnapshotTenantRow {

	/** The fields asked for on every read of these tables. */
	String FIELDS = "$key,cloud_snapshot,name,status,status_info";

	@Nullable String key();

	@Nullable String cloudSnapshot();

	@Nullable String name();

	@Nullable String status();

	@Nullable String statusInfo();

}
