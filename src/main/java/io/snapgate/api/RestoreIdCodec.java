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

	static final int MAX_ID_LENGTH = SealedIds.MAX_ID_LENGTH;

	private final SealedIds ids;

	public RestoreIdCodec(TokenSigner signer) {
		this.ids = new SealedIds(signer, "r1", RestoreHandle.MAX_LENGTH);
	}

	public String encode(ProviderId provider, RestoreHandle handle) {
		return this.ids.seal(provider, handle.value());
	}

	public Decoded decode(String id) {
		return this.ids.open(id)
			.map((opened) -> new Decoded(opened.provider(), new RestoreHandle(opened.handle())))
			.orElseThrow(() -> new InvalidRequestException(ErrorCode.INVALID_RESTORE_ID,
					"Not a restore id this gateway issued", FieldError.of("id", "not a restore id")));
	}

	/**
	 * What a restore id holds.
	 */
	public record Decoded(ProviderId provider, RestoreHandle handle) {
	}

}
