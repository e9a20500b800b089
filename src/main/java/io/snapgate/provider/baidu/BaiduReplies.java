package io.snapgate.provider.baidu;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The small envelopes BCC wraps its objects in, and the bodies SnapGate sends.
 */
final class BaiduReplies {

	private BaiduReplies() {
	}

	/** {@code GET /v2/snapshot/{id}}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record SnapshotReply(@Nullable BaiduSnapshotJson snapshot) {
	}

	/** {@code GET /v2/volume/{id}}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record VolumeReply(@Nullable BaiduVolumeJson volume) {
	}

	/** {@code GET /v2/instance/{id}}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record InstanceReply(@Nullable BaiduInstanceJson instance) {
	}

	/** {@code POST /v2/snapshot}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record CreatedSnapshot(@Nullable String snapshotId) {
	}

	/**
	 * The body of {@code POST /v2/snapshot}; {@code volumeId} is an instance id for a
	 * system disk.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CreateSnapshotBody(String volumeId, String snapshotName, @Nullable String desc) {
	}

	/** The body of {@code PUT /v2/volume/{id}?rollback}. */
	record RollbackBody(String snapshotId) {
	}

}
