package io.snapgate.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Has the container decode the request's parameters before anything acts on the request,
 * and refuses the request when they cannot be decoded: a malformed percent-escape, bytes
 * that are not UTF-8 once decoded, more parameters than the connector takes. Since
 * Servlet 6.1 the container throws for these from whichever {@code getParameter} call
 * comes first; decoding them here makes every endpoint refuse such a request alike, those
 * that read no parameter included, and leaves no handler or filter to meet the exception
 * as an unexpected error.
 */
final class ParameterDecodingFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(ParameterDecodingFilter.class);

	private final JsonMapper json;

	ParameterDecodingFilter(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParameterMap();
		}
		catch (InvalidParameterException ex) {
			// the caller's mistake, and a scanner's favourite: a line for whoever debugs
			// a client, no more
			log.debug("Refused {} {}: its parameters cannot be decoded ({})", request.getMethod(),
					request.getRequestURI(), reason(ex));
			refuse(response, HttpStatusCode.valueOf(ex.getErrorCode()));
			return;
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletResponse response, HttpStatusCode given) throws IOException {
		HttpStatusCode status = given.is4xxClientError() ? given : HttpStatus.BAD_REQUEST;
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream()
			.write(this.json.writeValueAsBytes(Problems.of(status, Problems.fallbackCode(status),
					"The query string or form parameters cannot be decoded: each name and value must be "
							+ "percent-encoded UTF-8, and there may be at most as many as the server takes")));
	}

	/**
	 * What failed. A decoding failure's own message quotes the value half decoded, line
	 * breaks and all, so its cause says it instead; the other messages quote at most the
	 * query as sent.
	 */
	private static String reason(InvalidParameterException ex) {
		return (ex.getCause() != null) ? ex.getCause().toString() : String.valueOf(ex.getMessage());
	}

}
