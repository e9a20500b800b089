package io.snapgate.api;

import io.snapgate.application.PolicyRef;
import io.snapgate.domain.SnapshotRef;

/**
 * The patterns that caller input must match before it is used, and the lengths the API
 * holds to. The patterns are anchored and written in what Java and ECMA-262 read alike,
 * since the OpenAPI document hands them to clients as JSON Schema, whose patterns are
 * neither anchored nor Java's.
 */
final class Patterns {

	static final String PROVIDER_ID = "^[a-z0-9][a-z0-9-]{0,62}$";

	static final int PROVIDER_ID_MAX_LENGTH = 63;

	/** {@code <provider>:<nativeId>}. */
	static final int SNAPSHOT_ID_MAX_LENGTH = PROVIDER_ID_MAX_LENGTH + 1 + SnapshotRef.MAX_NATIVE_ID_LENGTH;

	/** {@code <provider>:<nativeId>}. */
	static final int POLICY_ID_MAX_LENGTH = PROVIDER_ID_MAX_LENGTH + 1 + PolicyRef.MAX_NATIVE_ID_LENGTH;

	static final String PRINTABLE = "^[^\\x00-\\x1F\\x7F]*$";

	static final String PRINTABLE_MULTILINE = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*$";

	static final String UPSTREAM_ID = "^[A-Za-z0-9_-]{1,64}$";

	static final int UPSTREAM_ID_MAX_LENGTH = 64;

	static final String MEMBER = "^[^\\x00-\\x1F\\x7F]{1,256}$";

	static final int MEMBER_MAX_LENGTH = 256;

	static final String ISO_DURATION = "^P(?!$)(\\d{1,5}D)?(T(?!$)(\\d{1,6}H)?(\\d{1,8}M)?(\\d{1,9}S)?)?$";

	static final String IDEMPOTENCY_KEY = "^[A-Za-z0-9._:-]{1,128}$";

	static final int IDEMPOTENCY_KEY_MAX_LENGTH = 128;

	/** The most items one page of a listing holds. */
	static final int MAX_PAGE_SIZE = 500;

	private Patterns() {
	}

}
