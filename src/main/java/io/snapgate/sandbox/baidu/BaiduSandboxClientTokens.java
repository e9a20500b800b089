package io.snapgate.sandbox.baidu;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * BCC's idempotency: a {@code clientToken} seen before with the same request gives what
 * the first request made (a snapshot, a policy); with another request it is a 409
 * {@code IdempotentParameterMismatch}.
 */
final class BaiduSandboxClientTokens {

	private final Map<String, TokenUse> uses = new ConcurrentHashMap<>();

	/**
	 * Refuses a token BCC would not take: printable ASCII, shorter than 64 characters.
	 */
	static void requireValid(@Nullable String clientToken) {
		if (clientToken != null && (clientToken.isEmpty() || clientToken.length() >= 64
				|| !clientToken.chars().allMatch((c) -> c > 32 && c < 127))) {
			throw BaiduSandboxException.invalid("clientToken must be printable ASCII, shorter than 64 characters");
		}
	}

	/**
	 * @param fingerprint what the request asked for, to tell a retry from another request
	 * @return the id a retry of an earlier request gets, or {@code null} for a token not
	 * seen before
	 */
	@Nullable String earlier(String clientToken, String fingerprint) {
		TokenUse earlier = this.uses.get(clientToken);
		if (earlier == null) {
			return null;
		}
		if (!earlier.fingerprint().equals(fingerprint)) {
			throw new BaiduSandboxException(409, "IdempotentParameterMismatch",
					"The clientToken was used before with other parameters");
		}
		return earlier.id();
	}

	void remember(String clientToken, String fingerprint, String id) {
		this.uses.put(clientToken, new TokenUse(fingerprint, id));
	}

	private record TokenUse(String fingerprint, String id) {
	}

}
