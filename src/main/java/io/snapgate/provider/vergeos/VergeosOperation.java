package io.snapgate.provider.vergeos;

import io.snapgate.domain.ErrorCode;

/**
 * What a request to VergeOS was for, which decides what its 404 and 409 mean.
 */
enum VergeosOperation {

	READ("read", ErrorCode.NOT_FOUND, "VergeOS has no such row", ErrorCode.SNAPSHOT_BUSY,
			"VergeOS refused: the snapshot is busy (HTTP 409)"),
	CREATE("create a snapshot", ErrorCode.NOT_FOUND, "VergeOS has no cloud snapshot table", ErrorCode.NAME_TAKEN,
			"VergeOS already has one by that name"),
	UPDATE("change a snapshot", ErrorCode.SNAPSHOT_NOT_FOUND, "No such snapshot", ErrorCode.SNAPSHOT_BUSY,
			"VergeOS refused: the snapshot is busy (HTTP 409)"),
	DELETE("delete a snapshot", ErrorCode.SNAPSHOT_NOT_FOUND, "No such snapshot", ErrorCode.SNAPSHOT_BUSY,
			"VergeOS refused: the snapshot is busy (HTTP 409)"),
	RECOVER("recover a copy", ErrorCode.MEMBER_NOT_FOUND, "The snapshot no longer contains that VM or tenant",
			ErrorCode.NAME_TAKEN, "VergeOS already has one by that name"),
	MACHINE_SNAPSHOT("take a VM snapshot", ErrorCode.MACHINE_NOT_FOUND, "VergeOS has no such VM", ErrorCode.NAME_TAKEN,
			"VergeOS already has a VM snapshot by that name"),
	MACHINE_SNAPSHOT_DELETE("delete a VM snapshot", ErrorCode.SNAPSHOT_NOT_FOUND, "No such snapshot",
			ErrorCode.SNAPSHOT_BUSY, "VergeOS refused: the snapshot is busy (HTTP 409)"),
	CLONE("restore a VM snapshot as a new VM", ErrorCode.SNAPSHOT_NOT_FOUND,
			"VergeOS no longer has the VM snapshot's own VM", ErrorCode.NAME_TAKEN,
			"VergeOS already has a VM by that name"),
	REVERT("revert a VM to its snapshot", ErrorCode.SNAPSHOT_NOT_FOUND,
			"VergeOS no longer has the VM snapshot's own VM", ErrorCode.MACHINE_RUNNING,
			"VergeOS refused to revert the VM: it is running (HTTP 409); power it off first"),
	VM_CHANGE("give a VM a snapshot profile", ErrorCode.MACHINE_NOT_FOUND, "VergeOS has no such VM",
			ErrorCode.MACHINE_BUSY, "VergeOS refused to change the VM: it is busy (HTTP 409)"),
	POLICY_CREATE("create a snapshot profile", ErrorCode.NOT_FOUND, "VergeOS has no snapshot profile table",
			ErrorCode.NAME_TAKEN, "VergeOS already has a snapshot profile by that name"),
	POLICY_CHANGE("change a snapshot profile", ErrorCode.NOT_FOUND, "VergeOS has no such snapshot profile",
			ErrorCode.NAME_TAKEN, "VergeOS already has a snapshot profile by that name"),
	PERIOD_WRITE("write a snapshot profile period", ErrorCode.NOT_FOUND,
			"VergeOS has no such snapshot profile or period", ErrorCode.NAME_TAKEN,
			"The snapshot profile already has a period by that name"),
	SYNC("send a cloud snapshot to a remote site", ErrorCode.SNAPSHOT_NOT_FOUND,
			"VergeOS has no such cloud snapshot or outgoing sync", ErrorCode.SNAPSHOT_BUSY,
			"VergeOS refused to queue the snapshot (HTTP 409)"),
	SYNC_LINK("send a profile period's snapshots on an outgoing sync", ErrorCode.NOT_FOUND,
			"VergeOS has no such outgoing sync, profile period or link", ErrorCode.NAME_TAKEN,
			"VergeOS refused: the profile period is sent on that sync already (HTTP 409)"),
	POLICY_DELETE("delete a snapshot profile", ErrorCode.NOT_FOUND, "VergeOS has no such snapshot profile",
			ErrorCode.SNAPSHOT_BUSY,
			"VergeOS refused to delete the snapshot profile: it is in use (by the system's snapshots, a VM or a "
					+ "volume); give those another profile in VergeOS first");

	private final String action;

	private final ErrorCode notFound;

	private final String notFoundMessage;

	private final ErrorCode conflict;

	private final String conflictMessage;

	VergeosOperation(String action, ErrorCode notFound, String notFoundMessage, ErrorCode conflict,
			String conflictMessage) {
		this.action = action;
		this.notFound = notFound;
		this.notFoundMessage = notFoundMessage;
		this.conflict = conflict;
		this.conflictMessage = conflictMessage;
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

	String conflictMessage() {
		return this.conflictMessage;
	}

}
