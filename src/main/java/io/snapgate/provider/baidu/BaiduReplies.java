package io.snapgate.provider.baidu;

import java.util.List;

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
	 *
	 * @param retentionInDays how many days BCC keeps it; {@code null} keeps it until it
	 * is deleted
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CreateSnapshotBody(String volumeId, String snapshotName, @Nullable String desc,
			@Nullable Integer retentionInDays) {
	}

	/**
	 * The body of {@code PUT /v2/snapshot/{id}?modifyAttribute}: only the fields given
	 * are sent.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ModifySnapshotBody(@Nullable String snapshotName, @Nullable String desc, @Nullable Integer retentionInDays) {
	}

	/** The body of {@code PUT /v2/volume/{id}?rollback}. */
	record RollbackBody(String snapshotId) {
	}

	/** {@code POST /v2/snapshot/insnap/create}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record CreatedInstanceSnapshot(@Nullable String inSnapshotId, @Nullable List<String> snapshotIds) {
	}

	/**
	 * The body of {@code POST /v2/snapshot/insnap/create}. {@code volumes} is never sent:
	 * BCC then takes the system disk and every attached CDS disk, which is what a
	 * snapshot of the machine is.
	 *
	 * @param retentionInDays how many days BCC keeps it; {@code -1} until it is deleted
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CreateInstanceSnapshotBody(String instanceId, String name, @Nullable String desc, int retentionInDays) {
	}

	/**
	 * The body of {@code POST /v2/snapshot/insnap/list}: only the fields given are sent.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ListInstanceSnapshotsBody(@Nullable String marker, int maxKeys, @Nullable List<String> instanceIds,
			@Nullable List<String> instanceSnapshotIds) {
	}

	/** The body of {@code POST /v2/snapshot/insnap/delete}. */
	record DeleteInstanceSnapshotsBody(List<String> deleteInsnapIds) {
	}

	/** {@code GET /v2/asp/{aspId}}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record AspReply(@Nullable BaiduAspJson autoSnapshotPolicy) {
	}

	/** {@code POST /v2/asp}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record CreatedAsp(@Nullable String aspId) {
	}

	/**
	 * The body of {@code POST /v2/asp}: hours, weekdays and retention as digit strings,
	 * as BCC documents them.
	 */
	record CreateAspBody(String name, List<String> timePoints, List<String> repeatWeekdays, String retentionDays) {
	}

	/**
	 * The body of {@code PUT /v2/asp/update}: every field, since BCC documents them all
	 * as required.
	 */
	record UpdateAspBody(String aspId, String name, List<String> timePoints, List<String> repeatWeekdays,
			String retentionDays) {
	}

	/** The body of {@code PUT /v2/asp/{aspId}?attach} and {@code ?detach}. */
	record AspVolumesBody(List<String> volumeIds) {
	}

	/**
	 * The body of {@code PUT /v2/snapshot/remote_copy/{id}}: one copy per region, each
	 * with the name it gets there.
	 */
	record RemoteCopyBody(List<DestRegion> destRegionInfos) {
	}

	record DestRegion(String name, String destRegion) {
	}

	/** {@code PUT /v2/snapshot/remote_copy/{id}}: the copy's id in each region. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record RemoteCopyReply(@Nullable List<RemoteCopyResult> result) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record RemoteCopyResult(@Nullable String region, @Nullable String snapshotId) {
	}

}
