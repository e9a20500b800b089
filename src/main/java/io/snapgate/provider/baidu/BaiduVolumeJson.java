package io.snapgate.provider.baidu;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A disk as BCC answers it ({@code GET /v2/volume/{id}}), with the fields SnapGate needs.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record BaiduVolumeJson(@Nullable String id, @Nullable String name, @Nullable String status,
		@JsonProperty("isSystemVolume") boolean systemVolume, @Nullable List<Attachment> attachments) {

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

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Attachment(@Nullable String volumeId, @Nullable String instanceId, @Nullable String device) {
	}

}
