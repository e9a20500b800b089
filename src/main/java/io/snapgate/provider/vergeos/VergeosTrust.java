package io.snapgate.provider.vergeos;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

import org.jspecify.annotations.Nullable;

/**
 * Which server certificates a VergeOS provider trusts: the JDK's trust store, plus the
 * certificates of a PEM bundle (VergeOS often runs with a self-signed certificate), or,
 * when verification is switched off, anything.
 */
final class VergeosTrust {

	private VergeosTrust() {
	}

	/**
	 * @param property the name of the {@code ca-bundle} property, for error messages
	 * @throws IllegalStateException when the bundle cannot be read or holds no
	 * certificate
	 */
	static SSLContext sslContext(boolean verifyTls, @Nullable Path caBundle, String property) {
		try {
			if (!verifyTls) {
				return context(new TrustManager[] { new TrustingEverything() });
			}
			if (caBundle == null) {
				return SSLContext.getDefault();
			}
			KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
			store.load(null, null);
			X509Certificate[] jdkAnchors = jdkTrustManager().getAcceptedIssuers();
			for (int i = 0; i < jdkAnchors.length; i++) {
				store.setCertificateEntry("jdk-" + i, jdkAnchors[i]);
			}
			Collection<? extends Certificate> bundle = readBundle(caBundle, property);
			int i = 0;
			for (Certificate certificate : bundle) {
				store.setCertificateEntry("bundle-" + i++, certificate);
			}
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(store);
			return context(factory.getTrustManagers());
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException(property + ": cannot set up TLS trust: " + ex.getMessage(), ex);
		}
	}

	private static Collection<? extends Certificate> readBundle(Path caBundle, String property)
			throws IOException, GeneralSecurityException {
		try (InputStream in = Files.newInputStream(caBundle)) {
			Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
				.generateCertificates(in);
			if (certificates.isEmpty()) {
				throw new IllegalStateException(property + ": " + caBundle + " holds no PEM certificate");
			}
			return certificates;
		}
	}

	private static X509TrustManager jdkTrustManager() throws GeneralSecurityException {
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init((KeyStore) null);
		for (TrustManager manager : factory.getTrustManagers()) {
			if (manager instanceof X509TrustManager x509) {
				return x509;
			}
		}
		throw new NoSuchAlgorithmException("The JDK offers no X.509 trust manager");
	}

	private static SSLContext context(TrustManager[] managers) throws GeneralSecurityException {
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, managers, null);
		return context;
	}

	/**
	 * Accepts every certificate. Being an extended trust manager, it also stands in for
	 * the host name check, which it skips: that is what {@code verify-tls: false} asks
	 * for.
	 */
	private static final class TrustingEverything extends X509ExtendedTrustManager {

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return new X509Certificate[0];
		}

	}

}
