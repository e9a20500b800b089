package io.snapgate.provider.baidu;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * An instance as BCC answers it ({@code GET /v2/instance/{id}}), with the fields SnapGate
 * needs. {@code volumes} is not always filled in.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record BaiduInstanceJson(@Nullable String id, @Nullable String name, @Nullable String status,
		@Nullable List<BaiduVolumeJson> volumes) {

	/** The id of the system disk, when the answer lists the instance's disks. */
	@Nullable String systemVolumeId() {
		if (this.volumes == null) {
			return null;
		}
		return this.volumes.stream()
			.filter(BaiduVolumeJson::systemVolume)
			.map(BaiduVolumeJson::id)
			.filter((id) -> id != null && !id.isBlank())
			.findFirst()
			.orElse(null);
	}

}
