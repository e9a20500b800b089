package io.snapgate.provider.vergeos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.ProviderHealth;
import io.snapgate.domain.UpstreamUnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.snapgate.provider.vergeos.VergeosFixtures.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * VergeOS behind a self-signed certificate, made here with the JDK's {@code keytool}:
 * trusted through {@code ca-bundle}, refused without it, and accepted with verification
 * off.
 */
class VergeosTlsTests {

	private static final String STORE_PASSWORD = "changeit";

	@TempDir
	static Path dir;

	private static Path caBundle;

	private static WireMockServer vergeos;

	@BeforeAll
	static void startWithASelfSignedCertificate() throws Exception {
		Path keystore = dir.resolve("vergeos.p12");
		caBundle = dir.resolve("vergeos-ca.pem");
		keytool("-genkeypair", "-alias", "vergeos", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname",
				"CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", keystore.toString(),
				"-storetype", "PKCS12", "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
		keytool("-exportcert", "-rfc", "-alias", "vergeos", "-keystore", keystore.toString(), "-storetype", "PKCS12",
				"-storepass", STORE_PASSWORD, "-file", caBundle.toString());
		vergeos = new WireMockServer(wireMockConfig().httpDisabled(true)
			.dynamicHttpsPort()
			.keystorePath(keystore.toString())
			.keystoreType("PKCS12")
			.keystorePassword(STORE_PASSWORD)
			.keyManagerPassword(STORE_PASSWORD));
		vergeos.start();
		vergeos.stubFor(
				get(urlPathEqualTo("/api/v4/system")).willReturn(okJson("{\"$key\":1,\"yb_version\":\"4.12.6\"}")));
	}

	@AfterAll
	static void stop() {
		vergeos.stop();
	}

	@Test
	void aSelfSignedCertificateIsTrustedThroughTheCaBundle() {
		VergeosSnapshotProvider trusting = provider(true, caBundle);

		assertThat(trusting.health()).isEqualTo(ProviderHealth.UP);
	}

	@Test
	void withoutTheBundleTheCertificateIsRefused() {
		VergeosClient client = VergeosClient.create(
				org.springframework.web.reactive.function.client.WebClient.builder(), settings(true, null),
				VergeosFixtures.CLOCK, "snapgate.providers.test");

		assertThat(provider(true, null).health()).isEqualTo(ProviderHealth.DOWN);
		assertThatExceptionOfType(UpstreamUnavailableException.class).isThrownBy(client::system).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
			assertThat(ex.getMessage()).contains("TLS").contains("ca-bundle");
			assertThat(ex.requestSent()).isFalse();
		});
	}

	@Test
	void withVerificationOffAnyCertificateIsAccepted() {
		assertThat(provider(false, null).health()).isEqualTo(ProviderHealth.UP);
	}

	@Test
	void aBundleWithoutCertificatesStopsStartUpNamingTheProperty() throws IOException {
		Path empty = Files.writeString(dir.resolve("empty.pem"), "no certificate here\n");

		assertThatIllegalStateException().isThrownBy(() -> provider(true, empty))
			.withMessageContaining("snapgate.providers.test.ca-bundle");
	}

	private static VergeosSnapshotProvider provider(boolean verifyTls, Path bundle) {
		return VergeosFixtures.provider(settings(verifyTls, bundle));
	}

	private static VergeosSettings settings(boolean verifyTls, Path bundle) {
		return VergeosFixtures.settings("https://localhost:" + vergeos.httpsPort(), null, null, API_KEY, verifyTls,
				bundle, Duration.ofSeconds(5));
	}

	private static void keytool(String... arguments) throws IOException, InterruptedException {
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
	}

}
