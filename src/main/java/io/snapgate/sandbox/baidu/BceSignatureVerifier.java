package io.snapgate.sandbox.baidu;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.snapgate.provider.baidu.BceRequest;
import io.snapgate.provider.baidu.BceV1Signer;
import io.snapgate.sandbox.SandboxSecrets;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Checks a request's BCE v1 signature as BCC does: recomputed from the request as
 * received (its full path, {@code /sandbox/baidu} prefix included, since that is the path
 * the adapter sent and signed), with the secret of the access key it names, within the
 * allowed clock skew.
 */
final class BceSignatureVerifier {

	private final Map<String, String> secrets;

	private final Duration allowedSkew;

	private final Clock clock;

	BceSignatureVerifier(Map<String, String> secretsByAccessKeyId, Duration allowedSkew, Clock clock) {
		this.secrets = Map.copyOf(secretsByAccessKeyId);
		this.allowedSkew = allowedSkew;
		this.clock = clock;
	}

	void verify(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		String[] parts = (authorization != null) ? authorization.split("/", -1) : new String[0];
		Instant signedAt = (parts.length == 6) ? BceV1Signer.parseTimestamp(parts[2]) : null;
		if (parts.length != 6 || !parts[0].equals(BceV1Signer.AUTH_VERSION) || signedAt == null
				|| !parts[3].matches("[0-9]{1,6}")) {
			throw new BaiduSandboxException(400, "InvalidHTTPAuthHeader",
					"The Authorization header is not bce-auth-v1");
		}
		String secret = this.secrets.get(parts[1]);
		if (secret == null) {
			throw new BaiduSandboxException(403, "InvalidAccessKeyId", "The access key id does not exist");
		}
		Instant now = this.clock.instant();
		int expiration = Integer.parseInt(parts[3]);
		String dateHeader = request.getHeader("x-bce-date");
		Instant date = (dateHeader != null) ? BceV1Signer.parseTimestamp(dateHeader) : signedAt;
		if (isStale(signedAt, now) || date == null || isStale(date, now)
				|| now.isAfter(signedAt.plusSeconds(expiration))) {
			throw new BaiduSandboxException(400, "RequestExpired", "The request's time is too far from the server's");
		}
		List<String> signedHeaders = parts[4].isEmpty() ? List.of() : Arrays.asList(parts[4].split(";"));
		BceRequest received = BceRequest.of(request.getMethod(), request.getRequestURI(), request.getQueryString(),
				headers(request, signedHeaders), signedHeaders);
		String expected = new BceV1Signer(parts[1], secret, expiration, this.clock).authorization(received, signedAt);
		if (!SandboxSecrets.same(authorization, expected)) {
			throw new BaiduSandboxException(403, "SignatureDoesNotMatch",
					"The request signature does not match the one computed by the server");
		}
	}

	private boolean isStale(Instant time, Instant now) {
		return Duration.between(time, now).abs().compareTo(this.allowedSkew) > 0;
	}

	/**
	 * The headers the signature names, or every header when it names none (BCE's default
	 * set).
	 */
	private static Map<String, String> headers(HttpServletRequest request, List<String> signed) {
		Map<String, String> headers = new LinkedHashMap<>();
		List<String> names = signed.isEmpty() ? Collections.list(request.getHeaderNames()) : signed;
		for (String name : names) {
			String value = request.getHeader(name);
			if (value != null) {
				headers.put(name, value);
			}
		}
		return headers;
	}

}
