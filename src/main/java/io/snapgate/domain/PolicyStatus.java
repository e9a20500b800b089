package io.snapgate.domain;

/**
 * Whether a policy's schedule is running upstream.
 */
public enum PolicyStatus {

	ACTIVE, PAUSED, UNKNOWN

}
