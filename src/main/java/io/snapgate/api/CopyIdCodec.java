package io.snapgate.api;

import io.snapgate.domain.CopyHandle;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.FieldError;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.ProviderId;

/**
 * The public copy id: the source provider and the adapter's handle, sealed. It describes
 * the copy well enough that any replica can answer for it from the upstreams alone.
 */
public final class CopyIdCodec {

	static final int MAX_ID_LENGTH = SealedIds.MAX_ID_LENGTH;

	private final SealedIds ids;

	public CopyIdCodec(TokenSigner signer) {
		this.ids = new SealedIds(signer, "c1", CopyHandle.MAX_LENGTH);
	}

	public String encode(ProviderId provider, CopyHandle handle) {
		return this.ids.seal(provider, handle.value());
	}

	public Decoded decode(String id) {
		return this.ids.open(id)
			.map((opened) -> new Decoded(opened.provider(), new CopyHandle(opened.handle())))
			.orElseThrow(() -> new InvalidRequestException(ErrorCode.INVALID_COPY_ID,
					"Not a copy id this gateway issued", FieldError.of("id", "not a copy id")));
	}

	/**
	 * What a copy id holds.
	 */
	public record Decoded(ProviderId provider, CopyHandle handle) {
	}

}
