package io.snapgate.domain;

/**
 * The public id of a snapshot: {@code <provider>:<nativeId>}. Parsing checks only the
 * shape; whether the native part is one the provider could have issued is the provider's
 * to say.
 */
public record SnapshotRef(ProviderId provider, String nativeId) {

	public static final int MAX_NATIVE_ID_LENGTH = 128;

	public SnapshotRef {
		if (nativeId.isEmpty() || nativeId.length() > MAX_NATIVE_ID_LENGTH) {
			throw new IllegalArgumentException("A native id has 1 to " + MAX_NATIVE_ID_LENGTH + " characters");
		}
	}

	/**
	 * Parses {@code <provider>:<nativeId>}.
	 * @throws InvalidRequestException with code {@link ErrorCode#INVALID_SNAPSHOT_ID}
	 * when it is not of that shape
	 */
	public static SnapshotRef parse(String id) {
		int colon = id.indexOf(':');
		if (colon <= 0 || colon == id.length() - 1) {
			throw invalid();
		}
		String provider = id.substring(0, colon);
		String nativeId = id.substring(colon + 1);
		if (!ProviderId.isValid(provider) || nativeId.length() > MAX_NATIVE_ID_LENGTH) {
			throw invalid();
		}
		return new SnapshotRef(new ProviderId(provider), nativeId);
	}

	private static InvalidRequestException invalid() {
		return new InvalidRequestException(ErrorCode.INVALID_SNAPSHOT_ID,
				"A snapshot id has the form <provider>:<nativeId>", FieldError.of("id", "not a snapshot id"));
	}

	@Override
	public String toString() {
		return this.provider.value() + ":" + this.nativeId;
	}

}
