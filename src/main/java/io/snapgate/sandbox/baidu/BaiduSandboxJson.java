package io.snapgate.sandbox.baidu;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

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

	/**
	 * @param autoSnapshotPolicy the one policy the disk is in, as BCC shows it: the whole
	 * policy, or {@code null}
	 */
	record Volume(String id, String name, int diskSizeInGB, String status, String type, String storageType,
			@JsonProperty("isSystemVolume") boolean systemVolume, String zoneName, List<Attachment> attachments,
			String sourceSnapshotId, String createTime, @Nullable Asp autoSnapshotPolicy) {
	}

	record VolumePage(String marker, @JsonProperty("isTruncated") boolean truncated,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String nextMarker, int maxKeys, List<Volume> volumes) {
	}

	/** An automatic snapshot policy as BCC's {@code AutoSnapshotPolicyModel} shows it. */
	record Asp(String id, String name, List<Integer> timePoints, List<Integer> repeatWeekdays, String status,
			int retentionDays, String createdTime, String updatedTime, String deletedTime, String lastExecuteTime,
			int volumeCount) {
	}

	record AspReply(Asp autoSnapshotPolicy) {
	}

	/** {@code nextMarker} is left out of the last page, as BCC documents. */
	record AspPage(String marker, @JsonProperty("isTruncated") boolean truncated,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String nextMarker, int maxKeys,
			@JsonProperty("autoSnapshotPolicys") List<Asp> policies) {
	}

	record CreatedAsp(String aspId) {
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
	record CreateRequest(@Nullable String volumeId, @Nullable String snapshotName, @Nullable String desc,
			@Nullable JsonNode retentionInDays) {
	}

	/** The body of {@code PUT /v2/snapshot/{id}?modifyAttribute}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ModifyRequest(@Nullable String snapshotName, @Nullable String desc, @Nullable JsonNode retentionInDays) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record RollbackRequest(@Nullable String snapshotId) {
	}

	/**
	 * The body of {@code POST /v2/asp} and of {@code PUT /v2/asp/update} ({@code aspId}
	 * only there). Numbers and digit strings are both taken, as the SDKs send both.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record AspRequest(@Nullable String aspId, @Nullable String name, @Nullable JsonNode timePoints,
			@Nullable JsonNode repeatWeekdays, @Nullable JsonNode retentionDays) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record AspVolumesRequest(@Nullable List<String> volumeIds) {
	}

}
