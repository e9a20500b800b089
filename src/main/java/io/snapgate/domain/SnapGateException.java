package io.snapgate.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The one hierarchy of errors that adapters and services throw. The HTTP edge turns each
 * kind into a problem detail; no upstream body is carried, only its code and request id.
 */
public abstract sealed class SnapGateException extends RuntimeException
		permits NotFoundException, ForbiddenException, ConflictException, InvalidRequestException,
		IdempotencyKeyReusedException, UpstreamThrottledException, UpstreamBudgetExhaustedException,
		UpstreamAuthException, UpstreamErrorException, UpstreamUnavailableException, UpstreamTimeoutException {

	private static final long serialVersionUID = 1L;

	private final ErrorCode code;

	private transient @Nullable ProviderId provider;

	private transient UpstreamDetails upstream = UpstreamDetails.NONE;

	protected SnapGateException(ErrorCode code, String message, @Nullable Throwable cause) {
		this(code, message, cause, true);
	}

	/**
	 * @param stackTrace whether to record where it was thrown; not worth its cost for
	 * refusals that come by the thousand and are never logged with one
	 */
	protected SnapGateException(ErrorCode code, String message, @Nullable Throwable cause, boolean stackTrace) {
		super(message, cause, false, stackTrace);
		this.code = code;
	}

	public ErrorCode code() {
		return this.code;
	}

	/** The message every constructor is given. */
	@Override
	public String getMessage() {
		return Objects.requireNonNull(super.getMessage());
	}

	public @Nullable ProviderId provider() {
		return this.provider;
	}

	public UpstreamDetails upstream() {
		return this.upstream;
	}

	/** Names the provider involved, unless one is named already. */
	public SnapGateException from(ProviderId provider) {
		if (this.provider == null) {
			this.provider = provider;
		}
		return this;
	}

	public SnapGateException withUpstream(UpstreamDetails upstream) {
		this.upstream = upstream;
		return this;
	}

	/** Field-level failures, for errors about the caller's input. */
	public List<FieldError> fieldErrors() {
		return List.of();
	}

	/** How long the caller should wait before trying again, when that is known. */
	public @Nullable Duration retryAfter() {
		return null;
	}

	/** When a lock that causes this error ends, when that is known. */
	public @Nullable Instant lockExpiresAt() {
		return null;
	}

}
