package io.snapgate.provider.baidu;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One page of {@code POST /v2/snapshot/insnap/list}, paged by marker like the disk
 * snapshots.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record BaiduInstanceSnapshotListJson(@Nullable String marker, @JsonProperty("isTruncated") boolean truncated,
		@Nullable String nextMarker, @Nullable Integer maxKeys,
		@Nullable List<BaiduInstanceSnapshotJson> instanceSnapshots) {

	List<BaiduInstanceSnapshotJson> instanceSnapshotsOrEmpty() {
		return (this.instanceSnapshots != null) ? this.instanceSnapshots : List.of();
	}

}
