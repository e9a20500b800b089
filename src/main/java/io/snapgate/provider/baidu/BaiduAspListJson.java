package io.snapgate.provider.baidu;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One page of {@code GET /v2/asp}: {@code marker} is where it began, {@code nextMarker}
 * where the next begins while {@code isTruncated}. BCC spells the list
 * {@code autoSnapshotPolicys}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record BaiduAspListJson(@Nullable String marker, @JsonProperty("isTruncated") boolean truncated,
		@Nullable String nextMarker, @Nullable Integer maxKeys,
		@JsonProperty("autoSnapshotPolicys") @Nullable List<BaiduAspJson> policies) {

	List<BaiduAspJson> policiesOrEmpty() {
		return (this.policies != null) ? this.policies : List.of();
	}

}
