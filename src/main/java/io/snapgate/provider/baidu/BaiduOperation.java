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

	ROLL_BACK_CDS_VOLUME("roll back a CDS disk", ErrorCode.SNAPSHOT_NOT_FOUND, ErrorCode.VOLUME_BUSY),

	ROLL_BACK_SYSTEM_DISK("roll back a system disk", ErrorCode.SNAPSHOT_NOT_FOUND, ErrorCode.INSTANCE_BUSY),

	GET_VOLUME("read volume", ErrorCode.VOLUME_NOT_FOUND, null),

	GET_INSTANCE("read instance", ErrorCode.INSTANCE_NOT_FOUND, null);

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

	boolean forbiddenMeansBusy() {
		return this == DELETE_SNAPSHOT;
	}

}
