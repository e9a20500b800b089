package io.snapgate.provider.baidu;

import io.snapgate.domain.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * The BCC calls the adapter makes, and what a refusal of each means: which thing a 404
 * says is missing, which conflict a 409 reports.
 */
enum BaiduOperation {

	LIST_SNAPSHOTS("list snapshots", ErrorCode.NOT_FOUND, null),

	GET_SNAPSHOT("read snapshot", ErrorCode.SNAPSHOT_NOT_FOUND, null),

	SNAPSHOT_CDS_VOLUME("snapshot a CDS disk", ErrorCode.VOLUME_NOT_FOUND, ErrorCode.VOLUME_BUSY),

	SNAPSHOT_SYSTEM_DISK("snapshot a system disk", ErrorCode.INSTANCE_NOT_FOUND, ErrorCode.INSTANCE_BUSY),

	/**
	 * BCC answers 403 for a snapshot that is not Available or CreatedFailed: busy, not
	 * forbidden.
	 */
	DELETE_SNAPSHOT("delete snapshot", ErrorCode.SNAPSHOT_NOT_FOUND, ErrorCode.SNAPSHOT_BUSY),

	MODIFY_SNAPSHOT("change snapshot", ErrorCode.SNAPSHOT_NOT_FOUND, ErrorCode.SNAPSHOT_BUSY),

	/** BCC answers 409 {@code OperationDenied} for a snapshot it cannot copy now. */
	COPY_SNAPSHOT("copy snapshot to another region", ErrorCode.SNAPSHOT_NOT_FOUND, ErrorCode.SNAPSHOT_BUSY),

	ROLL_BACK_CDS_VOLUME("roll back a CDS disk", ErrorCode.SNAPSHOT_NOT_FOUND, ErrorCode.VOLUME_BUSY),

	ROLL_BACK_SYSTEM_DISK("roll back a system disk", ErrorCode.SNAPSHOT_NOT_FOUND, ErrorCode.INSTANCE_BUSY),

	SNAPSHOT_INSTANCE("snapshot an instance", ErrorCode.INSTANCE_NOT_FOUND, ErrorCode.INSTANCE_BUSY),

	LIST_INSTANCE_SNAPSHOTS("list instance snapshots", ErrorCode.NOT_FOUND, null),

	DELETE_INSTANCE_SNAPSHOT("delete instance snapshot", ErrorCode.SNAPSHOT_NOT_FOUND, ErrorCode.SNAPSHOT_BUSY),

	LIST_INSTANCE_DISKS("list an instance's disks", ErrorCode.INSTANCE_NOT_FOUND, null),

	GET_VOLUME("read volume", ErrorCode.VOLUME_NOT_FOUND, null),

	GET_INSTANCE("read instance", ErrorCode.INSTANCE_NOT_FOUND, null),

	LIST_VOLUMES("list volumes", ErrorCode.NOT_FOUND, null),

	LIST_POLICIES("list automatic snapshot policies", ErrorCode.NOT_FOUND, null),

	GET_POLICY("read automatic snapshot policy", ErrorCode.NOT_FOUND, null),

	CREATE_POLICY("create automatic snapshot policy", ErrorCode.NOT_FOUND, null),

	UPDATE_POLICY("update automatic snapshot policy", ErrorCode.NOT_FOUND, null),

	DELETE_POLICY("delete automatic snapshot policy", ErrorCode.NOT_FOUND, null),

	/**
	 * BCC answers 400 for a disk that cannot join a policy now: a conflict with the
	 * disk's state, not a bad request.
	 */
	ATTACH_POLICY("attach disks to automatic snapshot policy", ErrorCode.NOT_FOUND, ErrorCode.VOLUME_BUSY),

	DETACH_POLICY("detach disks from automatic snapshot policy", ErrorCode.NOT_FOUND, ErrorCode.VOLUME_BUSY);

	private final String description;

	private final ErrorCode notFound;

	private final @Nullable ErrorCode conflict;

	BaiduOperation(String description, ErrorCode notFound, @Nullable ErrorCode conflict) {
		this.description = description;
		this.notFound = notFound;
		this.conflict = conflict;
	}

	String description() {
		return this.description;
	}

	ErrorCode notFound() {
		return this.notFound;
	}

	@Nullable ErrorCode conflict() {
		return this.conflict;
	}

	/**
	 * What a refusal with {@code code} tells the caller when it means a conflict for this
	 * operation; {@code null} otherwise.
	 */
	@Nullable String conflictReason(String code) {
		if (this != ATTACH_POLICY) {
			return null;
		}
		return switch (code) {
			case "Asp.VolumeStatusInvalid" ->
				"a disk joins a policy only while it is in use (attached to an instance); attach it first";
			case "Asp.VolumeTypeInvalid" -> "only CDS and system disks can join a policy";
			default -> null;
		};
	}

	boolean forbiddenMeansBusy() {
		return this == DELETE_SNAPSHOT;
	}

}
