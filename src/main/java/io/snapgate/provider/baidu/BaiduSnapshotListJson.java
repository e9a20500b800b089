package io.snapgate.provider.baidu;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One page of {@code GET /v2/snapshot}: {@code marker} is where it began,
 * {@code nextMarker} where the next begins while {@code isTruncated}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record BaiduSnapshotListJson(@Nullable String marker, @JsonProperty("isTruncated") boolean truncated,
		@Nullable String nextMarker, @Nullable Integer maxKeys, @Nullable List<BaiduSnapshotJson> snapshots) {

	List<BaiduSnapshotJson> snapshotsOrEmpty() {
		return (this.snapshots != null) ? this.snapshots : List.of();
	}

}
