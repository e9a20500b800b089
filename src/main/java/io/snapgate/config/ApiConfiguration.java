package io.snapgate.config;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import io.snapgate.api.ApiSettings;
import io.snapgate.api.PageTokenCodec;
import io.snapgate.api.CopyIdCodec;
import io.snapgate.api.RestoreIdCodec;
import io.snapgate.api.TokenSigner;
import io.snapgate.security.SecuritySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the HTTP edge's token codecs and settings.
 */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(ApiConfiguration.class);

	@Bean
	TokenSigner tokenSigner(SnapGateProperties properties) {
		String configured = properties.tokens().signingKey();
		if (configured != null && !configured.isBlank()) {
			byte[] key = configured.getBytes(StandardCharsets.UTF_8);
			if (key.length < 32) {
				throw new InvalidConfigurationException("snapgate.tokens.signing-key",
						"must be at least 32 characters of random text");
			}
			return new TokenSigner(key);
		}
		logger.warn("snapgate.tokens.signing-key is not set: page tokens and restore ids are signed with a random "
				+ "key that only this instance knows and that is lost at restart. Set the same key on every replica.");
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return new TokenSigner(key);
	}

	@Bean
	PageTokenCodec pageTokenCodec(TokenSigner signer) {
		return new PageTokenCodec(signer);
	}

	@Bean
	RestoreIdCodec restoreIdCodec(TokenSigner signer) {
		return new RestoreIdCodec(signer);
	}

	@Bean
	CopyIdCodec copyIdCodec(TokenSigner signer) {
		return new CopyIdCodec(signer);
	}

	@Bean
	ApiSettings apiSettings(SnapGateProperties properties, SecuritySettings security) {
		return new ApiSettings(properties.waiting().defaultTimeout(), properties.api().maxRequestSize().toBytes(),
				security.open());
	}

}
