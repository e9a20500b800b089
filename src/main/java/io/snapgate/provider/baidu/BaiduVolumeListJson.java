package io.snapgate.provider.baidu;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One page of {@code GET /v2/volume}, paged like the snapshots.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record BaiduVolumeListJson(@Nullable String marker, @JsonProperty("isTruncated") boolean truncated,
		@Nullable String nextMarker, @Nullable Integer maxKeys, @Nullable List<BaiduVolumeJson> volumes) {

	List<BaiduVolumeJson> volumesOrEmpty() {
		return (this.volumes != null) ? this.volumes : List.of();
	}

}
