package io.snapgate.provider.vergeos;

import io.snapgate.domain.ErrorCode;

/**
 * What a request to VergeOS was for, which decides what its 404 and 409 mean.
 */
enum VergeosOperation {

	READ("read", ErrorCode.NOT_FOUND, "VergeOS has no such row", ErrorCode.SNAPSHOT_BUSY),
	CREATE("create a snapshot", ErrorCode.NOT_FOUND, "VergeOS has no cloud snapshot table", ErrorCode.NAME_TAKEN),
	DELETE("delete a snapshot", ErrorCode.SNAPSHOT_NOT_FOUND, "No such snapshot", ErrorCode.SNAPSHOT_BUSY),
	RECOVER("recover a copy", ErrorCode.MEMBER_NOT_FOUND, "The snapshot no longer contains that VM or tenant",
			ErrorCode.NAME_TAKEN);

	private final String action;

	private final ErrorCode notFound;

	private final String notFoundMessage;

	private final ErrorCode conflict;

	VergeosOperation(String action, ErrorCode notFound, String notFoundMessage, ErrorCode conflict) {
		this.action = action;
		this.notFound = notFound;
		this.notFoundMessage = notFoundMessage;
		this.conflict = conflict;
	}

	/** What the call asks, for messages. */
	String action() {
		return this.action;
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
