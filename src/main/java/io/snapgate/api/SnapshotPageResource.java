package io.snapgate.api;

import java.util.List;

import io.snapgate.application.ProviderFailure;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One page of the merged listing.
 */
@Schema(name = "SnapshotPage")
public record SnapshotPageResource(@ArraySchema(maxItems = Patterns.MAX_PAGE_SIZE) List<SnapshotResource> items,
		@Schema(description = "Opaque; pass it back as pageToken for the next page. null on the last page",
				maxLength = PageTokenCodec.MAX_TOKEN_LENGTH) @Nullable String nextPageToken,
		@Schema(description = "True when some provider could not answer; see providerErrors") boolean partial,
		List<ProviderErrorResource> providerErrors) {

	/**
	 * A provider that could not answer its part.
	 */
	@Schema(name = "ProviderError")
	public record ProviderErrorResource(
			@Schema(example = "baidu-bj", maxLength = Patterns.PROVIDER_ID_MAX_LENGTH) String provider,
			@Schema(example = "UPSTREAM_UNAVAILABLE") String code, String detail) {

		static ProviderErrorResource of(ProviderFailure failure) {
			return new ProviderErrorResource(failure.provider().value(), failure.code().name(), failure.detail());
		}

	}

}
