package bench.fairpeer;

import java.util.HexFormat;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Spring Cloud Gateway with its one route in application.yaml, behind an API key checked the way
 * SnapGate checks one: a filter in a stateless {@link SecurityFilterChain} hashes the
 * {@code X-API-Key} header and compares it with the configured SHA-256, and the route and the
 * actuator each need a scope the key grants.
 */
@SpringBootApplication
public class FairPeerApplication {

	@Bean
	SecurityFilterChain api(HttpSecurity http, @Value("${bench.api-key-sha256}") String sha256) {
		AuthenticationEntryPoint unauthorized = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
		ApiKeyFilter apiKeys = new ApiKeyFilter(HexFormat.of().parseHex(sha256), "bench",
				List.of(new SimpleGrantedAuthority("SCOPE_snapshots:read"),
						new SimpleGrantedAuthority("SCOPE_actuator:read")),
				unauthorized);
		http.csrf((csrf) -> csrf.disable())
			.cors((cors) -> cors.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(unauthorized))
			.addFilterBefore(apiKeys, AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/v2/snapshot/**")
				.hasAuthority("SCOPE_snapshots:read")
				.requestMatchers("/actuator/**")
				.hasAuthority("SCOPE_actuator:read")
				.anyRequest()
				.authenticated());
		return http.build();
	}

	/** As SnapGate: no observation per security filter; http.server.requests times the request whole. */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	public static void main(String[] args) {
		SpringApplication.run(FairPeerApplication.class, args);
	}

}
