package io.snapgate.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import io.snapgate.api.Problems;
import io.snapgate.domain.ErrorCode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * 401 and 403 as problem details, saying what to send without saying why a credential
 * failed beyond what helps an honest caller.
 */
final class ProblemSecurityHandlers {

	private static final String FORBIDDEN_DETAIL = "The caller lacks the scope this operation needs: snapshots:read "
			+ "to read, snapshots:write to create or delete snapshots, restores:write to restore, policies:read and "
			+ "policies:write to read and change policies, actuator:read for actuator endpoints";

	private final JsonMapper json;

	ProblemSecurityHandlers(JsonMapper json) {
		this.json = json;
	}

	AuthenticationEntryPoint entryPoint() {
		return (request, response, exception) -> {
			response.setHeader("WWW-Authenticate",
					"Bearer, ApiKey header=\"" + ApiKeyAuthenticationFilter.HEADER + "\"");
			write(response, HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHENTICATED, detail(exception));
		};
	}

	/**
	 * A token that cannot be checked because the issuer's keys are out of reach is
	 * SnapGate's problem, not the caller's: 503, not 401 and not a bare 500.
	 */
	AuthenticationFailureHandler bearerFailureHandler() {
		AuthenticationEntryPoint entryPoint = entryPoint();
		return (request, response, exception) -> {
			if (exception instanceof AuthenticationServiceException) {
				response.setHeader("Retry-After", "5");
				write(response, HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.AUTHENTICATION_UNAVAILABLE,
						"The token could not be checked: the issuer's keys are out of reach; try again shortly");
				return;
			}
			entryPoint.commence(request, response, exception);
		};
	}

	AccessDeniedHandler accessDeniedHandler() {
		return (request, response, _) -> write(response, HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, FORBIDDEN_DETAIL);
	}

	private static String detail(AuthenticationException exception) {
		return switch (exception) {
			case InvalidGrantsClaimException e -> "The bearer token's " + e.claim()
					+ " claim is not a list of scope@provider entries, such as snapshots:read@baidu-*";
			case InvalidBearerTokenException e -> "The bearer token is invalid, expired, or not meant for SnapGate";
			case MultipleApiKeysException e ->
				"Send one API key, in X-API-Key or as Authorization: ApiKey, not several";
			case BadCredentialsException e -> "The API key is unknown or revoked";
			default -> "Authenticate with a bearer token (Authorization: Bearer ...) or an API key (X-API-Key)";
		};
	}

	private void write(HttpServletResponse response, HttpStatus status, ErrorCode code, String detail)
			throws IOException {
		ProblemDetail problem = Problems.of(status, code, detail);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(this.json.writeValueAsBytes(problem));
	}

}
