package io.snapgate.domain;

/**
 * The attributes of a snapshot that can be changed once it is taken, each named as the
 * API names it.
 */
public enum SnapshotField {

	NAME("name"), DESCRIPTION("description"), RETENTION("retention"),
	/** Keeping it until it is deleted, instead of until a date. */
	NEVER_EXPIRE("neverExpire");

	private final String field;

	SnapshotField(String field) {
		this.field = field;
	}

	/** The request field that changes it, for refusals that name it. */
	public String field() {
		return this.field;
	}

}
