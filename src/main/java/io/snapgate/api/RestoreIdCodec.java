package io.snapgate.api;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.FieldError;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.RestoreHandle;

/**
 * The public restore id: the provider and the adapter's handle, sealed. It describes the
 * restore well enough that any replica can answer for it from the upstream alone.
 */
public final class RestoreIdCodec {

	static final int MAX_ID_LENGTH = 2048;

	private static final String VERSION = "r1";

	private final TokenSigner signer;

	public RestoreIdCodec(TokenSigner signer) {
		this.signer = signer;
	}

	public String encode(ProviderId provider, RestoreHandle handle) {
		return this.signer.seal(VERSION + "\n" + provider.value() + "\n" + handle.value());
	}

	public Decoded decode(String id) {
		if (id.length() > MAX_ID_LENGTH) {
			throw invalid();
		}
		String payload = this.signer.open(id).orElseThrow(RestoreIdCodec::invalid);
		String[] parts = payload.split("\n", 3);
		if (parts.length != 3 || !VERSION.equals(parts[0]) || !ProviderId.isValid(parts[1]) || parts[2].isEmpty()
				|| parts[2].length() > RestoreHandle.MAX_LENGTH) {
			throw invalid();
		}
		return new Decoded(new ProviderId(parts[1]), new RestoreHandle(parts[2]));
	}

	private static InvalidRequestException invalid() {
		return new InvalidRequestException(ErrorCode.INVALID_RESTORE_ID, "Not a restore id this gateway issued",
				FieldError.of("id", "not a restore id"));
	}

	/**
	 * What a restore id holds.
	 */
	public record Decoded(ProviderId provider, RestoreHandle handle) {
	}

}
