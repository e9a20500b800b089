package io.snapgate.api;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.FieldError;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds problem details with SnapGate's stable {@code type} and {@code code}, for every
 * part of the HTTP edge that answers errors.
 */
public final class Problems {

	private static final Map<Integer, ErrorCode> FALLBACK_CODES = Map.of(400, ErrorCode.MALFORMED_REQUEST, 401,
			ErrorCode.UNAUTHENTICATED, 403, ErrorCode.FORBIDDEN, 404, ErrorCode.NOT_FOUND, 405,
			ErrorCode.METHOD_NOT_ALLOWED, 406, ErrorCode.NOT_ACCEPTABLE, 413, ErrorCode.PAYLOAD_TOO_LARGE, 415,
			ErrorCode.UNSUPPORTED_MEDIA_TYPE);

	/** Made once: every refusal answers one, some of them many times a second. */
	private static final Map<ErrorCode, URI> TYPES = new EnumMap<>(ErrorCode.class);

	private static final Map<ErrorCode, String> TITLES = new EnumMap<>(ErrorCode.class);

	static {
		for (ErrorCode code : ErrorCode.values()) {
			TYPES.put(code, typeOf(code));
			TITLES.put(code, titleOf(code));
		}
	}

	private Problems() {
	}

	public static ProblemDetail of(HttpStatusCode status, ErrorCode code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(code));
		problem.setTitle(title(code));
		problem.setProperty("code", code.name());
		return problem;
	}

	static ProblemDetail withErrors(ProblemDetail problem, List<FieldError> errors) {
		if (!errors.isEmpty()) {
			problem.setProperty("errors",
					errors.stream().map((e) -> Map.of("field", e.field(), "message", e.message())).toList());
		}
		return problem;
	}

	public static ErrorCode fallbackCode(HttpStatusCode status) {
		ErrorCode code = FALLBACK_CODES.get(status.value());
		if (code != null) {
			return code;
		}
		return status.is4xxClientError() ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL_ERROR;
	}

	public static URI type(ErrorCode code) {
		return Objects.requireNonNull(TYPES.get(code));
	}

	public static String title(ErrorCode code) {
		return Objects.requireNonNull(TITLES.get(code));
	}

	private static URI typeOf(ErrorCode code) {
		return URI.create("urn:snapgate:problem:" + code.name().toLowerCase(Locale.ROOT).replace('_', '-'));
	}

	private static String titleOf(ErrorCode code) {
		String words = code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
