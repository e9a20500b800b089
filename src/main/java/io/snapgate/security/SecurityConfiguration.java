package io.snapgate.security;

import java.util.List;

import io.snapgate.application.CallerIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Every endpoint but the probes, the OpenAPI document and Swagger UI needs a caller with
 * the right scope: {@code snapshots:read} to read, {@code snapshots:write} to create,
 * change or delete snapshots, {@code restores:write} to restore, {@code policies:read}
 * and {@code policies:write} to read and change policies, {@code actuator:read} for
 * actuator endpoints other than health and info. Each scope may be granted on some
 * providers only (API keys' {@code providers} and {@code grants}, a JWT's grants claim);
 * the application enforces that, through the {@link CallerIdentity} given here. Outside
 * the sandbox, start-up fails when no way to authenticate is configured.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SecurityConfiguration.class);

	private static final String[] PUBLIC = { "/livez", "/readyz", "/actuator/health", "/actuator/health/**",
			"/actuator/info", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error" };

	/**
	 * Always made, so that whether JWT callers are accepted is decided at start, from the
	 * settings then, rather than when an AOT-processed jar is built.
	 */
	@Bean
	ResourceServerJwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties,
			ObjectProvider<OAuth2TokenValidator<Jwt>> validators,
			ObjectProvider<JwkSetUriJwtDecoderBuilderCustomizer> customizers) {
		return new ResourceServerJwtDecoder(properties.getJwt(), validators.orderedStream().toList(),
				customizers.orderedStream().toList());
	}

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, SecuritySettings settings, Environment environment,
			ResourceServerJwtDecoder jwtDecoder, ObjectProvider<JwtAuthenticationConverter> jwtConverter,
			OAuth2ResourceServerProperties resourceServer, JsonMapper json) {
		boolean sandbox = environment.acceptsProfiles(Profiles.of("sandbox"));
		ApiKeyVerifier apiKeys = new ApiKeyVerifier(settings.apiKeys());
		boolean jwt = jwtDecoder.configured();
		checkPosture(settings, sandbox, apiKeys, jwt);
		ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problems.entryPoint())
				.accessDeniedHandler(problems.accessDeniedHandler()));
		if (settings.cors().allowedOrigins().isEmpty()) {
			http.cors((cors) -> cors.disable());
		}
		else {
			http.cors((cors) -> cors.configurationSource(corsSource(settings.cors().allowedOrigins())));
		}
		if (settings.open()) {
			logger.warn("*** snapgate.security.open is set: every request is let through without authentication. "
					+ "Sandbox only. ***");
			http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
			return http.build();
		}
		if (!apiKeys.isEmpty()) {
			http.addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, problems.entryPoint()),
					AnonymousAuthenticationFilter.class);
		}
		if (jwt) {
			JwtCallerConverter callers = new JwtCallerConverter(
					jwtConverter.getIfAvailable(() -> JwtConverters.fromSettings(resourceServer.getJwt())),
					new JwtGrants(settings.jwt()));
			http.oauth2ResourceServer(
					(resource) -> resource.jwt((token) -> token.decoder(jwtDecoder).jwtAuthenticationConverter(callers))
						.authenticationEntryPoint(problems.entryPoint())
						.accessDeniedHandler(problems.accessDeniedHandler())
						.withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
							@Override
							public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
								filter.setAuthenticationFailureHandler(problems.bearerFailureHandler());
								return filter;
							}
						}));
		}
		http.authorizeHttpRequests((requests) -> {
			requests.requestMatchers(PUBLIC).permitAll();
			if (sandbox) {
				// the emulators check their own upstream-style credentials
				requests.requestMatchers("/sandbox/**").permitAll();
			}
			requests
				.requestMatchers(HttpMethod.GET, "/snapshots", "/snapshots/**", "/providers", "/restores/**",
						"/copies/**")
				.hasAuthority(Scopes.authority(Scopes.SNAPSHOTS_READ))
				.requestMatchers(HttpMethod.POST, "/snapshots", "/snapshots/*/copies")
				.hasAuthority(Scopes.authority(Scopes.SNAPSHOTS_WRITE))
				.requestMatchers(HttpMethod.PATCH, "/snapshots/**")
				.hasAuthority(Scopes.authority(Scopes.SNAPSHOTS_WRITE))
				.requestMatchers(HttpMethod.DELETE, "/snapshots/**")
				.hasAuthority(Scopes.authority(Scopes.SNAPSHOTS_WRITE))
				.requestMatchers(HttpMethod.POST, "/restores")
				.hasAuthority(Scopes.authority(Scopes.RESTORES_WRITE))
				.requestMatchers(HttpMethod.GET, "/policies", "/policies/**")
				.hasAuthority(Scopes.authority(Scopes.POLICIES_READ))
				.requestMatchers(HttpMethod.POST, "/policies", "/policies/**")
				.hasAuthority(Scopes.authority(Scopes.POLICIES_WRITE))
				.requestMatchers(HttpMethod.PUT, "/policies/**")
				.hasAuthority(Scopes.authority(Scopes.POLICIES_WRITE))
				.requestMatchers(HttpMethod.DELETE, "/policies/**")
				.hasAuthority(Scopes.authority(Scopes.POLICIES_WRITE))
				.requestMatchers("/actuator/**")
				.hasAuthority(Scopes.authority(Scopes.ACTUATOR_READ))
				.anyRequest()
				.authenticated();
		});
		return http.build();
	}

	@Bean
	RequestRejectedHandler requestRejectedHandler(JsonMapper json) {
		return new ProblemRequestRejectedHandler(json);
	}

	/**
	 * No observation per security filter, authentication and authorization: each request
	 * would carry a dozen of them, a large share of its CPU, and
	 * {@code http.server.requests} already times it whole.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	CallerIdentity callerIdentity(SecuritySettings settings) {
		return new SecurityCallerIdentity(settings.open());
	}

	private static void checkPosture(SecuritySettings settings, boolean sandbox, ApiKeyVerifier apiKeys, boolean jwt) {
		if (settings.open() && !sandbox) {
			throw new InsecureConfigurationException(
					"snapgate.security.open is set outside the 'sandbox' profile; remove it");
		}
		if (!settings.open() && apiKeys.isEmpty() && !jwt) {
			throw new InsecureConfigurationException("neither API keys nor a JWT issuer or JWK set is configured");
		}
	}

	private static UrlBasedCorsConfigurationSource corsSource(List<String> origins) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(origins);
		cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
		cors.setAllowedHeaders(
				List.of("Authorization", "Content-Type", "Idempotency-Key", ApiKeyAuthenticationFilter.HEADER));
		cors.setExposedHeaders(List.of("Location", "Retry-After"));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		return source;
	}

}
