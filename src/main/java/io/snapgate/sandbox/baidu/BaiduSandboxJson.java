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

	/**
	 * @param insnapId the instance snapshot it was taken in, or empty
	 */
	record Snapshot(String id, String name, int sizeInGB, String createTime, String status, String createMethod,
			String volumeId, String desc, @Nullable String expireTime, boolean encrypted, String progress,
			String insnapId) {
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

	/** One disk's snapshot as an instance snapshot lists it. */
	record InstanceSnapshotDisk(String snapshotId, String snapshotName, int snapshotSizeInGiB, String snapshotStatus,
			String volumeId, String creationMethod, String description, String createdTime,
			@Nullable String expiredTime, boolean encrypted) {
	}

	record InstanceSnapshot(String instanceSnapshotId, String instanceSnapshotName, int instanceSnapshotSizeInGiB,
			String createdTime, String instanceSnapshotStatus, String instanceId,
			List<InstanceSnapshotDisk> snapshots) {
	}

	record InstanceSnapshotPage(String marker, @JsonProperty("isTruncated") boolean truncated,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String nextMarker, int maxKeys,
			List<InstanceSnapshot> instanceSnapshots) {
	}

	record CreatedInstanceSnapshot(String inSnapshotId, List<String> snapshotIds) {
	}

	/**
	 * The body of {@code POST /v2/snapshot/insnap/create}; {@code volumes} left out takes
	 * the system disk and every attached CDS disk.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record CreateInstanceSnapshotRequest(@Nullable String instanceId, @Nullable String name, @Nullable String desc,
			@Nullable JsonNode volumes, @Nullable JsonNode retentionInDays) {
	}

	/** The body of {@code POST /v2/snapshot/insnap/list}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ListInstanceSnapshotsRequest(@Nullable JsonNode marker, @Nullable JsonNode maxKeys,
			@Nullable List<String> instanceIds, @Nullable List<String> instanceSnapshotIds) {
	}

	/** The body of {@code POST /v2/snapshot/insnap/delete}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record DeleteInstanceSnapshotsRequest(@Nullable List<String> deleteInsnapIds) {
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

	/** The body of {@code PUT /v2/snapshot/remote_copy/{id}}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record RemoteCopyRequest(@Nullable List<@Nullable DestRegionInfo> destRegionInfos) {
	}

	/**
	 * @param name the copy's name in that region
	 * @param destRegion the region, as BCC names it ({@code gz})
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record DestRegionInfo(@Nullable String name, @Nullable String destRegion) {
	}

	/** What {@code remote_copy} answers: one copy per region named. */
	record RemoteCopyReply(List<RemoteCopyResult> result) {
	}

	record RemoteCopyResult(String region, String snapshotId) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record AspVolumesRequest(@Nullable List<String> volumeIds) {
	}

}
