package io.snapgate.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.jwt.BadJwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ResourceServerJwtDecoderTests {

	@Test
	void withoutAnIssuerAJwkSetOrAKeyItIsNotConfiguredAndRefusesEveryToken() {
		ResourceServerJwtDecoder decoder = new ResourceServerJwtDecoder(new OAuth2ResourceServerProperties.Jwt(),
				List.of(), List.of());

		assertThat(decoder.configured()).isFalse();
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode("a.b.c"));
	}

	@Test
	void anIssuerIsReadAtStartButAskedOnlyAtTheFirstToken() {
		OAuth2ResourceServerProperties.Jwt settings = new OAuth2ResourceServerProperties.Jwt();
		// nothing answers there: making the decoder must not ask it
		settings.setIssuerUri("http://127.0.0.1:9/realms/ops");

		assertThat(new ResourceServerJwtDecoder(settings, List.of(), List.of()).configured()).isTrue();
	}

	@Test
	void aJwkSetIsConfiguration() {
		OAuth2ResourceServerProperties.Jwt settings = new OAuth2ResourceServerProperties.Jwt();
		settings.setJwkSetUri("http://127.0.0.1:9/jwks.json");

		assertThat(new ResourceServerJwtDecoder(settings, List.of(), List.of()).configured()).isTrue();
	}

}
