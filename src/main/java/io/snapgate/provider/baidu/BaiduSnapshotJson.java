package io.snapgate.provider.baidu;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot as BCC answers it ({@code GET /v2/snapshot[/{id}]}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record BaiduSnapshotJson(@Nullable String id, @Nullable String name,
		@JsonProperty("sizeInGB") @Nullable Integer sizeInGb, @Nullable String createTime, @Nullable String status,
		@Nullable String createMethod, @Nullable String volumeId, @Nullable String desc, @Nullable String expireTime,
		@Nullable Boolean encrypted, @Nullable String progress, @Nullable String templateId,
		@Nullable String insnapId) {
}
