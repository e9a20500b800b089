package io.snapgate.provider;

import java.util.Locale;

/**
 * The calls of the port, as decorators and metrics name them.
 */
public enum UpstreamOperation {

	LIST, GET, MEMBERS, CREATE, UPDATE, DELETE, PREVIEW, RESTORE, RESTORE_STATUS, HEALTH, POLICY_LIST, POLICY_GET,
	POLICY_CREATE, POLICY_REPLACE, POLICY_DELETE, POLICY_ATTACH, POLICY_DETACH, COPY, COPY_STATUS, COPY_LIST;

	/** The value of the {@code operation} metric tag. */
	public String tagValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
