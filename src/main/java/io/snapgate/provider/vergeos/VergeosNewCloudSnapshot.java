package io.snapgate.provider.vergeos;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST cloud_snapshots} (the plain POST that live systems honour):
 * {@code expires} is absolute epoch seconds with {@code expires_type} {@code date}, or
 * {@code 0} with {@code never}. A {@code retention} field would be ignored here without
 * error, so none is sent. {@code private} and {@code immutable} are always sent, since
 * the server's defaults for them are not known.
 */
record VergeosNewCloudSnapshot(String name, String description, @JsonProperty("min_snapshots") int minSnapshots,
		long expires, @JsonProperty("expires_type") String expiresType, boolean immutable,
		@JsonProperty("private") boolean privateSnapshot) {

	static final String EXPIRES_DATE = "date";

	static final String EXPIRES_NEVER = "never";

}
