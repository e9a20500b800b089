package io.snapgate.provider.vergeos;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

import io.snapgate.domain.ConflictException;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.ForbiddenException;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.UpstreamAuthException;
import io.snapgate.domain.UpstreamDetails;
import io.snapgate.domain.UpstreamBudgetExhaustedException;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.domain.UpstreamThrottledException;
import io.snapgate.domain.UpstreamTimeoutException;
import io.snapgate.domain.UpstreamUnavailableException;
import org.jspecify.annotations.Nullable;

/**
 * Turns what VergeOS answered into the domain's errors. The upstream's message goes into
 * {@link UpstreamDetails} for the logs; the messages callers see are SnapGate's own.
 */
final class VergeosErrors {

	private static final int MAX_MESSAGE = 500;

	private static final Pattern LOCKED = Pattern.compile("immutab|lock");

	/** How a refusal to revert a VM may say that it runs. */
	private static final Pattern RUNNING = Pattern.compile("running|powered on|power (it )?off");

	/** How a refusal to delete a snapshot profile may say that it is in use. */
	private static final Pattern IN_USE = Pattern.compile("in[ -]use|\\bused by|assigned");

	private VergeosErrors() {
	}

	/** VergeOS has no row of that key. */
	static NotFoundException snapshotNotFound(String nativeId) {
		return new NotFoundException(ErrorCode.SNAPSHOT_NOT_FOUND, "No VergeOS snapshot " + nativeId);
	}

	/**
	 * VergeOS has no snapshot profile of that key, or none SnapGate shows as a policy.
	 */
	static NotFoundException policyNotFound(String nativeId) {
		return new NotFoundException(ErrorCode.NOT_FOUND, "No VergeOS policy " + nativeId);
	}

	/**
	 * VergeOS answered a row without a field SnapGate needs, or with one it cannot read:
	 * nothing is guessed in its place.
	 * @param where the row, for the message
	 */
	static UpstreamErrorException unreadableField(String field, String where) {
		UpstreamErrorException error = new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
				"VergeOS did not show the " + field + " of " + where + ", which SnapGate needs");
		error.withUpstream(new UpstreamDetails(null, null, "missing or unreadable field " + field));
		return error;
	}

	/**
	 * The same error with a note on what SnapGate did about it, such as undoing a
	 * half-made create.
	 */
	static SnapGateException withNote(SnapGateException error, String note) {
		String message = error.getMessage() + "; " + note;
		SnapGateException noted = switch (error) {
			case NotFoundException ex -> new NotFoundException(ex.code(), message, ex);
			case ConflictException ex -> new ConflictException(ex.code(), message, ex.lockExpiresAt());
			case InvalidRequestException ex -> new InvalidRequestException(ex.code(), message, ex.fieldErrors());
			case IdempotencyKeyReusedException ex -> ex;
			case ForbiddenException ex -> ex;
			case UpstreamThrottledException ex ->
				new UpstreamThrottledException(ex.code(), message, ex.retryAfter(), ex);
			case UpstreamBudgetExhaustedException ex -> new UpstreamBudgetExhaustedException(message, ex.retryAfter());
			case UpstreamAuthException ex -> new UpstreamAuthException(ex.code(), message, ex);
			case UpstreamErrorException ex -> new UpstreamErrorException(ex.code(), message, ex);
			case UpstreamUnavailableException ex ->
				ex.requestSent() ? new UpstreamUnavailableException(ex.code(), message, ex.retryAfter(), ex)
						: UpstreamUnavailableException.notSent(ex.code(), message, ex.retryAfter(), ex);
			case UpstreamTimeoutException ex -> new UpstreamTimeoutException(ex.code(), message, ex);
		};
		return noted.withUpstream(error.upstream());
	}

	/**
	 * @param status the HTTP status, not 2xx
	 * @param retryAfter what the {@code Retry-After} header asked for, if anything
	 * @param message the upstream's error text, if any
	 * @param operation what was asked, which decides what 404, 409 and a lock refusal
	 * mean
	 */
	static SnapGateException fromResponse(int status, @Nullable Duration retryAfter, @Nullable String message,
			VergeosOperation operation) {
		String logged = (message != null && message.length() > MAX_MESSAGE) ? message.substring(0, MAX_MESSAGE)
				: message;
		UpstreamDetails details = new UpstreamDetails(String.valueOf(status), null, logged);
		return classify(status, retryAfter, logged, operation).withUpstream(details);
	}

	private static SnapGateException classify(int status, @Nullable Duration retryAfter, @Nullable String message,
			VergeosOperation operation) {
		if ((operation == VergeosOperation.DELETE || operation == VergeosOperation.UPDATE)
				&& (status == 403 || status == 409 || status == 422 || status == 400) && message != null
				&& LOCKED.matcher(message.toLowerCase(Locale.ROOT)).find()) {
			return new ConflictException(ErrorCode.SNAPSHOT_LOCKED,
					(operation == VergeosOperation.DELETE)
							? "The snapshot is immutable and locked: it cannot be deleted"
							: "The snapshot is immutable and locked: VergeOS refused the change");
		}
		// which status VergeOS gives a revert of a VM that runs is not known: 409, or a
		// refusal that says so
		if (operation == VergeosOperation.REVERT && (status == 400 || status == 422) && message != null
				&& RUNNING.matcher(message.toLowerCase(Locale.ROOT)).find()) {
			return new ConflictException(operation.conflict(), operation.conflictMessage());
		}
		// which status VergeOS gives a profile still in use is not known: 409, or a
		// refusal that says so
		if (operation == VergeosOperation.POLICY_DELETE && (status == 400 || status == 403 || status == 422)
				&& message != null && IN_USE.matcher(message.toLowerCase(Locale.ROOT)).find()) {
			return new ConflictException(operation.conflict(), operation.conflictMessage());
		}
		return switch (status) {
			case 401, 403 -> new UpstreamAuthException(ErrorCode.UPSTREAM_AUTH_FAILED,
					"VergeOS refused SnapGate's credentials for this provider (HTTP " + status + ")");
			case 404 -> new NotFoundException(operation.notFound(), operation.notFoundMessage());
			case 409 -> new ConflictException(operation.conflict(), operation.conflictMessage());
			case 400, 422 -> new InvalidRequestException(ErrorCode.UPSTREAM_REJECTED_REQUEST,
					"VergeOS refused the request as invalid (HTTP " + status + ")");
			case 429 -> new UpstreamThrottledException(ErrorCode.UPSTREAM_THROTTLED,
					"VergeOS asks to slow down (HTTP 429)", retryAfter, null);
			case 502, 503, 504 -> new UpstreamUnavailableException(ErrorCode.UPSTREAM_UNAVAILABLE,
					"VergeOS is unavailable (HTTP " + status + ")", retryAfter, null);
			default -> new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR, "VergeOS failed (HTTP " + status + ")");
		};
	}

}
