package io.snapgate.api;

import java.io.IOException;
import java.util.List;

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

	/** The reads that answer conditionally, as servlet URL patterns. */
	static final List<String> URL_PATTERNS = List.of("/snapshots", "/snapshots/*", "/restores/*", "/copies/*",
			"/policies", "/policies/*");

	/** Whether a read of this path (a template will do) answers conditionally. */
	static boolean covers(String path) {
		return URL_PATTERNS.stream()
			.anyMatch((pattern) -> pattern.endsWith("/*") ? path.startsWith(pattern.substring(0, pattern.length() - 1))
					: path.equals(pattern));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
		}
		super.doFilterInternal(request, response, chain);
	}

}
