package io.snapgate.security;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.util.StringUtils;

/**
 * The converter Spring Boot makes from
 * {@code spring.security.oauth2.resourceserver.jwt.authority-prefix} and its siblings,
 * made from the settings at start: Boot decides whether to make its own by conditions
 * that Spring AOT evaluates once, when the jar is built. Used only when there is no
 * {@link JwtAuthenticationConverter} bean, Boot's or another.
 */
final class JwtConverters {

	private JwtConverters() {
	}

	static JwtAuthenticationConverter fromSettings(OAuth2ResourceServerProperties.Jwt settings) {
		if (!settings.getAuthoritiesClaimExpressions().isEmpty()) {
			throw new InvalidConfigurationPropertyValueException(
					"spring.security.oauth2.resourceserver.jwt.authorities-claim-expressions",
					settings.getAuthoritiesClaimExpressions(),
					"not read by an AOT-processed jar (started with -Dspring.aot.enabled=true); "
							+ "start it without that flag, or use authorities-claim-name");
		}
		JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
		String prefix = settings.getAuthorityPrefix();
		if (prefix != null) {
			authorities.setAuthorityPrefix(prefix);
		}
		String delimiter = settings.getAuthoritiesClaimDelimiter();
		if (delimiter != null) {
			authorities.setAuthoritiesClaimDelimiter(delimiter);
		}
		String claim = settings.getAuthoritiesClaimName();
		if (StringUtils.hasText(claim)) {
			authorities.setAuthoritiesClaimName(claim);
		}
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(authorities);
		String principal = settings.getPrincipalClaimName();
		if (principal != null) {
			converter.setPrincipalClaimName(principal);
		}
		return converter;
	}

}
