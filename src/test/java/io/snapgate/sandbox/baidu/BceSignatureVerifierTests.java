package io.snapgate.sandbox.baidu;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.snapgate.provider.baidu.BceRequest;
import io.snapgate.provider.baidu.BceV1Signer;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The emulator recomputes each signature from the request it received, as BCC does.
 */
class BceSignatureVerifierTests {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	private static final String AK = "sandbox-ak";

	private static final String SK = "sandbox-sk";

	private final BceSignatureVerifier verifier = new BceSignatureVerifier(Map.of(AK, SK), Duration.ofMinutes(15),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void aRequestSignedWithTheRightSecretPasses() {
		assertThatCode(() -> this.verifier.verify(signed(AK, SK, NOW, List.of("host", "x-bce-date"))))
			.doesNotThrowAnyException();
	}

	@Test
	void theDefaultHeaderSetIsVerifiedToo() {
		assertThatCode(() -> this.verifier.verify(signed(AK, SK, NOW, List.of()))).doesNotThrowAnyException();
	}

	@Test
	void aWrongSecretIsRefused() {
		refused(signed(AK, "not-the-secret", NOW, List.of("host", "x-bce-date")), 403, "SignatureDoesNotMatch");
	}

	@Test
	void anAlteredRequestIsRefused() {
		MockHttpServletRequest request = signed(AK, SK, NOW, List.of("host", "x-bce-date"));
		request.setQueryString("clientToken=other");
		refused(request, 403, "SignatureDoesNotMatch");

		MockHttpServletRequest otherHost = signed(AK, SK, NOW, List.of("host", "x-bce-date"));
		otherHost.removeHeader("Host");
		otherHost.addHeader("Host", "evil.example:8080");
		refused(otherHost, 403, "SignatureDoesNotMatch");
	}

	@Test
	void anUnknownAccessKeyIsRefused() {
		refused(signed("someone-else", SK, NOW, List.of("host", "x-bce-date")), 403, "InvalidAccessKeyId");
	}

	@Test
	void aStaleOrFutureDateIsRefusedAsExpired() {
		refused(signed(AK, SK, NOW.minus(Duration.ofMinutes(20)), List.of("host", "x-bce-date")), 400,
				"RequestExpired");
		refused(signed(AK, SK, NOW.plus(Duration.ofMinutes(20)), List.of("host", "x-bce-date")), 400, "RequestExpired");
		assertThatCode(() -> this.verifier
			.verify(signed(AK, SK, NOW.minus(Duration.ofMinutes(10)), List.of("host", "x-bce-date"))))
			.doesNotThrowAnyException();
	}

	@Test
	void aMissingOrForeignAuthorizationIsRefused() {
		MockHttpServletRequest request = signed(AK, SK, NOW, List.of("host", "x-bce-date"));
		request.removeHeader("Authorization");
		refused(request, 400, "InvalidHTTPAuthHeader");
		request.addHeader("Authorization", "Bearer abc");
		refused(request, 400, "InvalidHTTPAuthHeader");
	}

	private void refused(MockHttpServletRequest request, int status, String code) {
		assertThatExceptionOfType(BaiduSandboxException.class).isThrownBy(() -> this.verifier.verify(request))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(status);
				assertThat(ex.code()).isEqualTo(code);
			});
	}

	/**
	 * A POST as the adapter sends it, through the emulator's prefix, signed at
	 * {@code at}.
	 */
	private static MockHttpServletRequest signed(String accessKeyId, String secret, Instant at,
			List<String> signedHeaders) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/sandbox/baidu/v2/snapshot");
		request.setQueryString("clientToken=tok-1");
		request.addHeader("Host", "127.0.0.1:8080");
		request.addHeader("x-bce-date", BceV1Signer.timestamp(at));
		request.addHeader("Content-Type", "application/json; charset=utf-8");
		request.addHeader("Content-Length", "51");
		BceRequest bce = BceRequest.of("POST", "/sandbox/baidu/v2/snapshot", "clientToken=tok-1",
				Map.of("host", "127.0.0.1:8080", "x-bce-date", BceV1Signer.timestamp(at), "content-type",
						"application/json; charset=utf-8", "content-length", "51"),
				signedHeaders);
		request.addHeader("Authorization",
				new BceV1Signer(accessKeyId, secret, 1800, Clock.fixed(at, ZoneOffset.UTC)).authorization(bce, at));
		return request;
	}

}
