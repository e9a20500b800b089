package io.snapgate.provider.vergeos;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PUT cloud_snapshots/<key>}: only what changes is sent.
 * {@code expires} is absolute epoch seconds with {@code expires_type} {@code date}, or
 * {@code 0} with {@code never}; the name is not writable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VergeosCloudSnapshotChange(@Nullable String description, @Nullable Long expires,
		@JsonProperty("expires_type") @Nullable String expiresType) {

	static VergeosCloudSnapshotChange describe(@Nullable String description) {
		return new VergeosCloudSnapshotChange(description, null, null);
	}

	VergeosCloudSnapshotChange expiring(long expires) {
		return new VergeosCloudSnapshotChange(this.description, expires,
				(expires == 0) ? VergeosNewCloudSnapshot.EXPIRES_NEVER : VergeosNewCloudSnapshot.EXPIRES_DATE);
	}

	boolean isEmpty() {
		return this.description == null && this.expires == null;
	}

}
