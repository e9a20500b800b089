package io.snapgate.provider.vergeos;

import io.snapgate.domain.ErrorCode;

/**
 * What a request to VergeOS was for, which decides what its 404 and 409 mean.
 */
enum VergeosCall {

	READ(ErrorCode.NOT_FOUND, "VergeOS has no such row", ErrorCode.SNAPSHOT_BUSY),
	READ_SNAPSHOT(ErrorCode.SNAPSHOT_NOT_FOUND, "No such snapshot", ErrorCode.SNAPSHOT_BUSY),
	READ_MEMBER(ErrorCode.RESTORE_NOT_FOUND, "The restore's VM or tenant is no longer in the snapshot",
			ErrorCode.SNAPSHOT_BUSY),
	CREATE(ErrorCode.NOT_FOUND, "VergeOS has no cloud snapshot table", ErrorCode.NAME_TAKEN),
	DELETE(ErrorCode.SNAPSHOT_NOT_FOUND, "No such snapshot", ErrorCode.SNAPSHOT_BUSY),
	RECOVER(ErrorCode.MEMBER_NOT_FOUND, "The snapshot no longer contains that VM or tenant", ErrorCode.NAME_TAKEN);

	private final ErrorCode notFound;

	private final String notFoundMessage;

	private final ErrorCode conflict;

	VergeosCall(ErrorCode notFound, String notFoundMessage, ErrorCode conflict) {
		this.notFound = notFound;
		this.notFoundMessage = notFoundMessage;
		this.conflict = conflict;
	}

	ErrorCode notFound() {
		return this.notFound;
	}

	String notFoundMessage() {
		return this.notFoundMessage;
	}

	ErrorCode conflict() {
		return this.conflict;
	}

}
