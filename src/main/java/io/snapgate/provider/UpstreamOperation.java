package io.snapgate.provider;

import java.util.Locale;

/**
 * The calls of the port, as decorators and metrics name them.
 */
public enum UpstreamOperation {

	LIST, GET, MEMBERS, CREATE, DELETE, RESTORE, RESTORE_STATUS, HEALTH;

	/** The value of the {@code operation} metric tag. */
	public String tagValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
