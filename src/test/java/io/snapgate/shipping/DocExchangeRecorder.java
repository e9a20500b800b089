package io.snapgate.shipping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Records, in the sandbox that a page's examples run against, every request labelled with
 * {@link DocScript#LABEL} and the gateway's answer, before anything else of the gateway
 * sees it. Requests the gateway's own adapters send to the emulators carry no label and
 * are left out.
 */
@Configuration(proxyBeanMethods = false)
public class DocExchangeRecorder {

	private static final int BODY_LIMIT = 1024 * 1024;

	private final List<DocExchange> exchanges = new CopyOnWriteArrayList<>();

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> docExchangeRecorderFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Recorder());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** What was recorded so far, in the order the answers were sent. */
	List<DocExchange> exchanges() {
		return List.copyOf(this.exchanges);
	}

	private final class Recorder extends OncePerRequestFilter {

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return request.getHeader(DocScript.LABEL) == null;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			ContentCachingRequestWrapper sent = new ContentCachingRequestWrapper(request, BODY_LIMIT);
			ContentCachingResponseWrapper answered = new ContentCachingResponseWrapper(response);
			try {
				chain.doFilter(sent, answered);
			}
			finally {
				String label = String.valueOf(request.getHeader(DocScript.LABEL));
				int colon = label.lastIndexOf(':');
				DocExchangeRecorder.this.exchanges.add(new DocExchange(label.substring(0, Math.max(colon, 0)),
						(colon < 0) ? 0 : Integer.parseInt(label.substring(colon + 1)), request.getMethod(),
						request.getRequestURI(), (request.getQueryString() != null) ? request.getQueryString() : "",
						request.getContentType(), new String(sent.getContentAsByteArray(), StandardCharsets.UTF_8),
						answered.getStatus(), answered.getContentType(),
						new String(answered.getContentAsByteArray(), StandardCharsets.UTF_8)));
				answered.copyBodyToResponse();
			}
		}

	}

}
