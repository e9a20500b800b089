package io.snapgate.provider.baidu;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A disk as BCC answers it ({@code GET /v2/volume[/{id}]}), with the fields SnapGate
 * needs. {@code autoSnapshotPolicy} is the one policy the disk is attached to, if any.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record BaiduVolumeJson(@Nullable String id, @Nullable String name, @Nullable String status,
		@JsonProperty("isSystemVolume") boolean systemVolume, @Nullable List<Attachment> attachments,
		@JsonProperty("diskSizeInGB") @Nullable Integer diskSizeInGb, @Nullable PolicyRef autoSnapshotPolicy,
		@Nullable String storageType) {

	/** A disk of the instance's host rather than a cloud disk: BCC snapshots none. */
	boolean isLocal() {
		String type = (this.storageType != null) ? this.storageType.toLowerCase(Locale.ROOT) : "";
		return type.startsWith("local") || type.contains("ephemeral");
	}

	/** The id of the disk's policy, or {@code null} when it is in none. */
	@Nullable String policyId() {
		String policyId = (this.autoSnapshotPolicy != null) ? this.autoSnapshotPolicy.id() : null;
		return (policyId == null || policyId.isBlank()) ? null : policyId;
	}

	/** The instance the disk is attached to, if any. */
	@Nullable String instanceId() {
		if (this.attachments == null) {
			return null;
		}
		return this.attachments.stream()
			.map(Attachment::instanceId)
			.filter((id) -> id != null && !id.isBlank())
			.findFirst()
			.orElse(null);
	}

	/** The policy a disk names: BCC sends the whole policy, of which its id is read. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record PolicyRef(@Nullable String id) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Attachment(@Nullable String volumeId, @Nullable String instanceId, @Nullable String device) {
	}

}
