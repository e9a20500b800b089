package io.snapgate.sandbox.vergeos;

/**
 * A refusal of the emulated VergeOS API, answered as {@code {"err": "..."}} with its
 * status.
 */
class VergeosSandboxException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	VergeosSandboxException(int status, String message) {
		super(message);
		this.status = status;
	}

	int status() {
		return this.status;
	}

	static VergeosSandboxException badRequest(String message) {
		return new VergeosSandboxException(400, message);
	}

	static VergeosSandboxException notFound() {
		return new VergeosSandboxException(404, "Row not found");
	}

	static VergeosSandboxException invalid(String field, String why) {
		return new VergeosSandboxException(422, "Validation error on field: '" + field + "' - '" + why + "'");
	}

}
