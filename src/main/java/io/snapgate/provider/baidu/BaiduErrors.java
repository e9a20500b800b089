package io.snapgate.provider.baidu;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import io.snapgate.domain.ConflictException;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.UpstreamAuthException;
import io.snapgate.domain.UpstreamDetails;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.domain.UpstreamThrottledException;
import io.snapgate.domain.UpstreamUnavailableException;
import org.jspecify.annotations.Nullable;

/**
 * What BCC's refusals mean, as domain errors. By the error code first and the HTTP status
 * second: BCC reports some codes under more than one status.
 */
final class BaiduErrors {

	static final String REQUEST_EXPIRED = "RequestExpired";

	static final String PARAMETER_MISMATCH = "IdempotentParameterMismatch";

	private static final Set<String> CREDENTIAL_CODES = Set.of("SignatureDoesNotMatch", "InvalidAccessKeyId",
			"AccessDenied", "InvalidHTTPAuthHeader");

	private BaiduErrors() {
	}

	/**
	 * An answer other than 2xx.
	 * @param error the error body, when it could be read
	 * @param requestId the {@code x-bce-request-id} header, if any
	 */
	static SnapGateException refusal(ProviderId provider, BaiduOperation operation, int status,
			@Nullable BaiduErrorJson error, @Nullable String requestId, @Nullable Duration retryAfter) {
		String code = (error != null) ? error.code() : null;
		String bodyRequestId = (error != null) ? error.requestId() : null;
		UpstreamDetails details = new UpstreamDetails(code, (bodyRequestId != null) ? bodyRequestId : requestId,
				(error != null) ? error.message() : null);
		String said = "HTTP " + status + ((code != null) ? " " + code : "");
		return classify(provider, operation, status, (code != null) ? code : "", retryAfter, said)
			.withUpstream(details);
	}

	private static SnapGateException classify(ProviderId provider, BaiduOperation operation, int status, String code,
			@Nullable Duration retryAfter, String said) {
		String lower = code.toLowerCase(Locale.ROOT);
		if (code.equals(PARAMETER_MISMATCH)) {
			return new IdempotencyKeyReusedException();
		}
		if (code.equals(REQUEST_EXPIRED)) {
			return new UpstreamAuthException(ErrorCode.UPSTREAM_AUTH_FAILED,
					"Baidu refused the request of provider " + provider + " as expired even when signed afresh (" + said
							+ "); check this host's clock, which must be within minutes of UTC");
		}
		if (CREDENTIAL_CODES.contains(code) || status == 401
				|| (status == 403 && code.isEmpty() && !operation.forbiddenMeansBusy())) {
			return new UpstreamAuthException(ErrorCode.UPSTREAM_AUTH_FAILED,
					"Baidu refused the credentials of provider " + provider + " (" + said
							+ "); check its access-key-id and secret-access-key (snapgate.providers." + provider
							+ ".*) and the key's permissions");
		}
		if (status == 429 || lower.contains("throttl")) {
			return new UpstreamThrottledException(ErrorCode.UPSTREAM_THROTTLED,
					"Baidu asks provider " + provider + " to slow down (" + said + ")", retryAfter, null);
		}
		if (status >= 400 && status < 500
				&& (lower.contains("quota") || lower.contains("limit") || lower.contains("exceed"))) {
			return new ConflictException(ErrorCode.QUOTA_EXCEEDED,
					"Baidu refused to " + operation.description() + ": a quota is reached (" + said + ")");
		}
		if (status == 404 && operation == BaiduOperation.LIST_INSTANCE_SNAPSHOTS) {
			// a filtered listing finds nothing with an empty page, never a 404: the path,
			// taken from Baidu's SDK and unconfirmed, is not BCC's
			return new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
					"Baidu answered 404 to POST /v2/snapshot/insnap/list, the listing of instance snapshots, whose path "
							+ "SnapGate has not seen confirmed (" + said + ")");
		}
		if (status == 404 || code.startsWith("NoSuch")) {
			return new NotFoundException(operation.notFound(),
					"Baidu found nothing to " + operation.description() + " (" + said + ")");
		}
		ErrorCode conflict = operation.conflict();
		String reason = operation.conflictReason(code);
		if (conflict != null && reason != null) {
			return new ConflictException(conflict,
					"Baidu refused to " + operation.description() + ": " + reason + " (" + said + ")");
		}
		if (conflict != null && (status == 409 || (status == 403 && operation.forbiddenMeansBusy()))) {
			return new ConflictException(conflict,
					"Baidu refused to " + operation.description() + " in its current state (" + said + ")");
		}
		if (status >= 500) {
			return new UpstreamUnavailableException(ErrorCode.UPSTREAM_UNAVAILABLE,
					"Baidu failed to " + operation.description() + " (" + said + ")", retryAfter, null);
		}
		if (status >= 400) {
			return new InvalidRequestException(ErrorCode.UPSTREAM_REJECTED_REQUEST,
					"Baidu rejected the request to " + operation.description() + " (" + said + ")");
		}
		return new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
				"Baidu answered the request to " + operation.description() + " unexpectedly (" + said + ")");
	}

	/**
	 * A 2xx answer with a field SnapGate cannot read.
	 * @param field where in the answer, such as {@code autoSnapshotPolicy.timePoints[0]}
	 */
	static SnapGateException unreadable(BaiduOperation operation, @Nullable String requestId, String field) {
		return new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR, "Baidu's answer to " + operation.description()
				+ " could not be read: " + field + " is not of a shape BCC documents")
			.withUpstream(new UpstreamDetails(null, requestId, null));
	}

	/** A 2xx answer whose body is not what BCC sends. */
	static SnapGateException unreadable(BaiduOperation operation, @Nullable String requestId) {
		return new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
				"Baidu's answer to " + operation.description() + " could not be read")
			.withUpstream(new UpstreamDetails(null, requestId, null));
	}

}
