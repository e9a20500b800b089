package io.snapgate.domain;

/**
 * Whether a policy runs, as its provider tells it: never assumed.
 */
public enum PolicyStatus {

	/** Assigned to something that runs it: its schedule takes snapshots. */
	ACTIVE,

	/** It exists, and nothing is assigned to it: it takes no snapshot. */
	NOT_ASSIGNED,

	/** The provider does not say whether it runs. */
	UNKNOWN

}
