package io.snapgate.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.snapgate.api.Problems;
import io.snapgate.domain.ErrorCode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers the requests that Spring Security's firewall refuses (path traversal, encoded
 * separators, control characters) with a 400 problem detail.
 */
final class ProblemRequestRejectedHandler implements RequestRejectedHandler {

	private final JsonMapper json;

	ProblemRequestRejectedHandler(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException requestRejectedException) throws IOException {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream()
			.write(this.json.writeValueAsBytes(Problems.of(HttpStatus.BAD_REQUEST, ErrorCode.MALFORMED_REQUEST,
					"The request URL is not acceptable (encoded separators, path traversal or control characters)")));
	}

}
