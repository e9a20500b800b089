package io.snapgate.api;

import java.util.List;

import io.snapgate.api.SnapshotPageResource.ProviderErrorResource;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One page of the merged policy listing.
 */
@Schema(name = "PolicyPage")
public record PolicyPageResource(@ArraySchema(maxItems = Patterns.MAX_PAGE_SIZE) List<PolicyResource> items,
		@Schema(description = "Opaque; pass it back as pageToken for the next page. null on the last page",
				maxLength = PageTokenCodec.MAX_TOKEN_LENGTH) @Nullable String nextPageToken,
		@Schema(description = "True when some provider could not answer; see providerErrors") boolean partial,
		List<ProviderErrorResource> providerErrors) {
}
