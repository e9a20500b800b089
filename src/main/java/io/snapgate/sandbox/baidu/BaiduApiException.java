package io.snapgate.sandbox.baidu;

/**
 * A refusal as BCC answers it: an HTTP status and {@code {"requestId", "code", "message"}}.
 */
final class BaiduApiException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final String code;

	BaiduApiException(int status, String code, String message) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
	}

	static BaiduApiException notFound(String what) {
		return new BaiduApiException(404, "NoSuchObject", "The specified " + what + " does not exist");
	}

	static BaiduApiException invalid(String message) {
		return new BaiduApiException(400, "InvalidParameter", message);
	}

	int status() {
		return this.status;
	}

	String code() {
		return this.code;
	}

}
