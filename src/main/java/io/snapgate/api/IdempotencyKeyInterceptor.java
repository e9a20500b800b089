package io.snapgate.api;

import java.util.Collections;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.snapgate.domain.InvalidRequestException;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a request whose {@code Idempotency-Key} header is empty, blank or sent more
 * than once, on every endpoint and before its handler runs. A key that is there but says
 * nothing is a caller's mistake, never the same as no key; of two keys, which one counts
 * would depend on who reads the headers, a proxy in front or the gateway. The endpoints
 * that take a key check its form besides.
 */
final class IdempotencyKeyInterceptor implements HandlerInterceptor {

	private static final String HEADER = "Idempotency-Key";

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getDispatcherType() != DispatcherType.REQUEST || !(handler instanceof HandlerMethod)) {
			return true;
		}
		List<String> keys = Collections.list(request.getHeaders(HEADER));
		if (keys.size() > 1) {
			throw InvalidRequestException.field(HEADER, "must be sent once");
		}
		if (keys.size() == 1 && keys.getFirst().isBlank()) {
			throw InvalidRequestException.field(HEADER, "must not be blank; leave the header out to send no key");
		}
		return true;
	}

}
