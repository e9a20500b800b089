package io.snapgate.sandbox.baidu;

/**
 * A refusal as BCC answers it: an HTTP status and {@code {"requestId", "code",
 * "message"}}.
 */
final class BaiduSandboxException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final String code;

	BaiduSandboxException(int status, String code, String message) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
	}

	static BaiduSandboxException notFound(String what) {
		return new BaiduSandboxException(404, "NoSuchObject", "The specified " + what + " does not exist");
	}

	static BaiduSandboxException invalid(String message) {
		return new BaiduSandboxException(400, "InvalidParameter", message);
	}

	int status() {
		return this.status;
	}

	String code() {
		return this.code;
	}

}
