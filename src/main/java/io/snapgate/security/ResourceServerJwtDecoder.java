package io.snapgate.security;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * The JWT decoder Spring Boot would make from
 * {@code spring.security.oauth2.resourceserver.jwt.*}, made whatever the settings: Boot
 * decides whether to make one by conditions that Spring AOT evaluates once, when the jar
 * is built, while this one reads the settings when the gateway starts. As Boot's, it
 * prefers {@code jwk-set-uri}, then {@code public-key-location}, then {@code issuer-uri},
 * whose metadata it fetches at the first token rather than at start. With none of them it
 * is not {@linkplain #configured() configured}: bearer tokens are then refused.
 */
final class ResourceServerJwtDecoder implements JwtDecoder {

	private final @Nullable JwtDecoder delegate;

	ResourceServerJwtDecoder(OAuth2ResourceServerProperties.Jwt settings, List<OAuth2TokenValidator<Jwt>> validators,
			List<JwkSetUriJwtDecoderBuilderCustomizer> customizers) {
		this.delegate = decoder(settings, validators, customizers);
	}

	/** Whether an issuer, a JWK set or a public key is configured. */
	boolean configured() {
		return this.delegate != null;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		if (this.delegate == null) {
			throw new BadJwtException("No JWT issuer, JWK set or public key is configured");
		}
		return this.delegate.decode(token);
	}

	private static @Nullable JwtDecoder decoder(OAuth2ResourceServerProperties.Jwt settings,
			List<OAuth2TokenValidator<Jwt>> validators, List<JwkSetUriJwtDecoderBuilderCustomizer> customizers) {
		OAuth2TokenValidator<Jwt> validator = validator(settings, validators);
		String jwkSetUri = settings.getJwkSetUri();
		if (StringUtils.hasText(jwkSetUri)) {
			NimbusJwtDecoder.JwkSetUriJwtDecoderBuilder builder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
				.jwsAlgorithms((algorithms) -> algorithms.addAll(algorithms(settings)));
			customizers.forEach((customizer) -> customizer.customize(builder));
			return validated(builder.build(), validator);
		}
		if (settings.getPublicKeyLocation() != null) {
			return validated(NimbusJwtDecoder.withPublicKey(publicKey(settings))
				.signatureAlgorithm(exactlyOneAlgorithm(settings))
				.build(), validator);
		}
		String issuerUri = settings.getIssuerUri();
		if (StringUtils.hasText(issuerUri)) {
			Supplier<JwtDecoder> byIssuer = () -> {
				NimbusJwtDecoder.JwkSetUriJwtDecoderBuilder builder = NimbusJwtDecoder.withIssuerLocation(issuerUri)
					.jwsAlgorithms((algorithms) -> algorithms.addAll(algorithms(settings)));
				customizers.forEach((customizer) -> customizer.customize(builder));
				return validated(builder.build(), validator);
			};
			return new SupplierJwtDecoder(byIssuer);
		}
		return null;
	}

	private static NimbusJwtDecoder validated(NimbusJwtDecoder decoder, OAuth2TokenValidator<Jwt> validator) {
		decoder.setJwtValidator(validator);
		return decoder;
	}

	private static OAuth2TokenValidator<Jwt> validator(OAuth2ResourceServerProperties.Jwt settings,
			List<OAuth2TokenValidator<Jwt>> additional) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		String issuerUri = settings.getIssuerUri();
		if (StringUtils.hasText(issuerUri)) {
			validators.add(new JwtIssuerValidator(issuerUri));
		}
		List<String> audiences = settings.getAudiences();
		if (!audiences.isEmpty()) {
			validators.add(new JwtClaimValidator<@Nullable List<String>>(JwtClaimNames.AUD,
					(aud) -> aud != null && !Collections.disjoint(aud, audiences)));
		}
		validators.addAll(additional);
		return validators.isEmpty() ? JwtValidators.createDefault()
				: JwtValidators.createDefaultWithValidators(validators);
	}

	private static List<SignatureAlgorithm> algorithms(OAuth2ResourceServerProperties.Jwt settings) {
		return settings.getJwsAlgorithms().stream().map(ResourceServerJwtDecoder::algorithm).toList();
	}

	private static SignatureAlgorithm algorithm(String name) {
		SignatureAlgorithm algorithm = SignatureAlgorithm.from(name);
		if (algorithm == null) {
			throw new InvalidConfigurationPropertyValueException(
					"spring.security.oauth2.resourceserver.jwt.jws-algorithms", name, "an unknown signature algorithm");
		}
		return algorithm;
	}

	private static SignatureAlgorithm exactlyOneAlgorithm(OAuth2ResourceServerProperties.Jwt settings) {
		List<String> names = settings.getJwsAlgorithms();
		if (names.size() != 1) {
			throw new InvalidConfigurationPropertyValueException(
					"spring.security.oauth2.resourceserver.jwt.jws-algorithms", names,
					"a public key takes exactly one algorithm");
		}
		return algorithm(names.get(0));
	}

	private static RSAPublicKey publicKey(OAuth2ResourceServerProperties.Jwt settings) {
		try {
			String pem = settings.readPublicKey()
				.replace("-----BEGIN PUBLIC KEY-----", "")
				.replace("-----END PUBLIC KEY-----", "")
				.replaceAll("\\s+", "");
			return (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
		}
		catch (Exception ex) {
			throw new InvalidConfigurationPropertyValueException(
					"spring.security.oauth2.resourceserver.jwt.public-key-location", settings.getPublicKeyLocation(),
					"not an RSA public key in PEM: " + ex.getMessage());
		}
	}

}
