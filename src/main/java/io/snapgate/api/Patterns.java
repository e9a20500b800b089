package io.snapgate.api;

/**
 * The patterns that caller input must match before it is used.
 */
final class Patterns {

	static final String PROVIDER_ID = "[a-z0-9][a-z0-9-]{0,62}";

	static final String PRINTABLE = "[^\\p{Cntrl}]*";

	static final String PRINTABLE_MULTILINE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

	static final String UPSTREAM_ID = "[A-Za-z0-9_-]{1,64}";

	static final String MEMBER = "[^\\p{Cntrl}]{1,256}";

	static final String ISO_DURATION = "P(?!$)(\\d{1,5}D)?(T(?!$)(\\d{1,6}H)?(\\d{1,8}M)?(\\d{1,9}S)?)?";

	static final String IDEMPOTENCY_KEY = "[A-Za-z0-9._:-]{1,128}";

	private Patterns() {
	}

}
