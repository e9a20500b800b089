package io.snapgate.security;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs JWTs the way an identity provider would, with a key it serves as a JWK set.
 */
final class TestTokens {

	static final String ISSUER = "https://issuer.test";

	static final String AUDIENCE = "snapgate";

	private TestTokens() {
	}

	static RSAKey generateKey(String keyId) {
		try {
			return new RSAKeyGenerator(2048).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The JWK set that serves the public half of the key. */
	static String keySet(RSAKey key) {
		return new JWKSet(key.toPublicJWK()).toString();
	}

	/**
	 * @param claims more claims, such as grants
	 */
	static String token(RSAKey key, String issuer, String audience, String subject, String scope, long expiresInSeconds,
			Map<String, Object> claims) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer)
			.audience(audience)
			.subject(subject)
			.claim("scope", scope)
			.issueTime(Date.from(now.minusSeconds(600)))
			.expirationTime(Date.from(now.plusSeconds(expiresInSeconds)));
		claims.forEach(builder::claim);
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				builder.build());
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

}
