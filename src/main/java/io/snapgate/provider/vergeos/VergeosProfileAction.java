package io.snapgate.provider.vergeos;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST snapshot_profile_actions}:
 * {@code {"snapshot_profile":7,"action":"delete"}}, the way VergeOS's own clients delete
 * a profile (one of them sends {@code DELETE snapshot_profiles/<key>} instead).
 */
record VergeosProfileAction(@JsonProperty("snapshot_profile") long snapshotProfile, String action) {

	static VergeosProfileAction delete(String profileKey) {
		return new VergeosProfileAction(Long.parseLong(profileKey), "delete");
	}

}
