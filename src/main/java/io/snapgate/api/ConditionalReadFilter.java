package io.snapgate.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Conditional reads: an {@code ETag} on each answer of a read, and {@code 304 Not
 * Modified} without a body when {@code If-None-Match} names the answer the caller has, so
 * that a tool polling a snapshot, a page, a restore or a policy downloads it only when it
 * changed. Such answers may be kept by the caller alone and must be revalidated
 * ({@code private, no-cache}) rather than never kept ({@code no-store}), which would
 * leave nothing to compare.
 */
final class ConditionalReadFilter extends ShallowEtagHeaderFilter {

	static final String CACHE_CONTROL = "private, no-cache";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
		}
		super.doFilterInternal(request, response, chain);
	}

}
