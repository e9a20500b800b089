package io.snapgate.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Conditional reads: an {@code ETag} on each answer of a read, and {@code 304 Not
 * Modified} without a body when {@code If-None-Match} names the answer the caller has, so
 * that a tool polling a snapshot, a page, a restore or a policy downloads it only when it
 * changed. The tag is a digest of the answer object as it is written, taken before it is
 * written, so the response is never buffered; answers are the same on every replica, and
 * so are their tags. Such answers may be kept by the caller alone and must be revalidated
 * ({@code private, no-cache}) rather than never kept ({@code no-store}), which would
 * leave nothing to compare. Errors answer no tag: a caller without access gets its 401 or
 * 403, never a 304.
 */
@ControllerAdvice
final class ConditionalReads implements ResponseBodyAdvice<Object> {

	static final String CACHE_CONTROL = "private, no-cache";

	/** The reads that answer conditionally, as servlet URL patterns. */
	static final List<String> URL_PATTERNS = List.of("/snapshots", "/snapshots/*", "/restores/*", "/copies/*",
			"/policies", "/policies/*");

	private static final MessageDigest MD5 = newMd5();

	private final JsonMapper json;

	ConditionalReads(JsonMapper json) {
		this.json = json;
	}

	/** Whether a read of this path (a template will do) answers conditionally. */
	static boolean covers(String path) {
		for (String pattern : URL_PATTERNS) {
			if (pattern.endsWith("/*") ? path.startsWith(pattern.substring(0, pattern.length() - 1))
					: path.equals(pattern)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
			MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
			ServerHttpRequest request, ServerHttpResponse response) {
		if (body == null || !(request instanceof ServletServerHttpRequest servletRequest)
				|| !(response instanceof ServletServerHttpResponse servletResponse)) {
			return body;
		}
		HttpServletRequest read = servletRequest.getServletRequest();
		HttpServletResponse answer = servletResponse.getServletResponse();
		String method = read.getMethod();
		if (!("GET".equals(method) || "HEAD".equals(method))
				|| !covers(read.getRequestURI().substring(read.getContextPath().length()))) {
			return body;
		}
		response.getHeaders().set(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
		if (answer.getStatus() != HttpServletResponse.SC_OK) {
			return body;
		}
		// sets the ETag, and the 304 when the caller has this answer already
		return new ServletWebRequest(read, answer).checkNotModified(tagOf(body)) ? null : body;
	}

	private String tagOf(Object body) {
		MessageDigest md5 = md5();
		try (OutputStream digesting = new DigestOutputStream(OutputStream.nullOutputStream(), md5)) {
			this.json.writeValue(digesting, body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return "\"0" + HexFormat.of().formatHex(md5.digest()) + "\"";
	}

	/**
	 * A fresh digest, cloned from one made once: a provider lookup per read costs more.
	 */
	private static MessageDigest md5() {
		try {
			return (MessageDigest) MD5.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("The platform's MD5 cannot be cloned", ex);
		}
	}

	private static MessageDigest newMd5() {
		try {
			return MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has MD5", ex);
		}
	}

}
