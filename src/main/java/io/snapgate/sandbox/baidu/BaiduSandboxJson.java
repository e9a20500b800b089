package io.snapgate.sandbox.baidu;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * BCC's JSON shapes as the emulator writes and reads them.
 */
final class BaiduSandboxJson {

	private BaiduSandboxJson() {
	}

	record Snapshot(String id, String name, int sizeInGB, String createTime, String status, String createMethod,
			String volumeId, String desc, @Nullable String expireTime, boolean encrypted, String progress) {
	}

	record SnapshotReply(Snapshot snapshot) {
	}

	record SnapshotPage(String marker, @JsonProperty("isTruncated") boolean truncated, @Nullable String nextMarker,
			int maxKeys, List<Snapshot> snapshots) {
	}

	record Attachment(String volumeId, String instanceId, String device, String serial) {
	}

	record Volume(String id, String name, int diskSizeInGB, String status, String type, String storageType,
			@JsonProperty("isSystemVolume") boolean systemVolume, String zoneName, List<Attachment> attachments,
			String sourceSnapshotId, String createTime) {
	}

	record VolumeReply(Volume volume) {
	}

	record Instance(String id, String name, String status, String zoneName, String createTime) {
	}

	record InstanceReply(Instance instance) {
	}

	record Created(String snapshotId) {
	}

	record ErrorBody(String requestId, String code, String message) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record CreateRequest(@Nullable String volumeId, @Nullable String snapshotName, @Nullable String desc) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record RollbackRequest(@Nullable String snapshotId) {
	}

}
