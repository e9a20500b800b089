package io.snapgate.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The journal of the sandbox's emulators as they are reached over HTTP, for tests that
 * run gateway replicas against them: every request with the status the emulator answered,
 * and requests that are to be lost on their way (answered 503 by nobody, the emulator
 * never seeing them), as a network fault would.
 */
@Configuration(proxyBeanMethods = false)
public class EmulatorJournal {

	private final List<Entry> entries = new CopyOnWriteArrayList<>();

	private final Queue<Loss> losses = new ConcurrentLinkedQueue<>();

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> emulatorJournalFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Recorder());
		registration.addUrlPatterns("/sandbox/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** Loses the next {@code times} requests of this method whose path matches. */
	public void lose(String method, String pathPattern, int times) {
		loseAfter(method, pathPattern, 0, times);
	}

	/** Lets {@code skipped} such requests through, then loses the next {@code times}. */
	public void loseAfter(String method, String pathPattern, int skipped, int times) {
		this.losses
			.add(new Loss(method, Pattern.compile(pathPattern), new AtomicInteger(skipped), new AtomicInteger(times)));
	}

	/**
	 * The requests of this method whose path matches, answered with one of these
	 * statuses.
	 */
	public List<Entry> answered(String method, String pathPattern, Integer... statuses) {
		Pattern path = Pattern.compile(pathPattern);
		return this.entries.stream()
			.filter((entry) -> entry.method().equals(method) && path.matcher(entry.path()).matches()
					&& List.of(statuses).contains(entry.status()))
			.toList();
	}

	/** Every request of this method whose path matches, lost or answered. */
	public List<Entry> sent(String method, String pathPattern) {
		Pattern path = Pattern.compile(pathPattern);
		return this.entries.stream()
			.filter((entry) -> entry.method().equals(method) && path.matcher(entry.path()).matches())
			.toList();
	}

	public void clear() {
		this.entries.clear();
		this.losses.clear();
	}

	/**
	 * @param path the request's path
	 * @param status what the emulator answered; 0 for a request lost on its way
	 * @param body the emulator's answer
	 */
	public record Entry(String method, String path, int status, String body) {
	}

	private record Loss(String method, Pattern path, AtomicInteger skipped, AtomicInteger left) {

		synchronized boolean takes(HttpServletRequest request) {
			if (!this.method.equals(request.getMethod()) || !this.path.matcher(request.getRequestURI()).matches()) {
				return false;
			}
			if (this.skipped.getAndDecrement() > 0) {
				return false;
			}
			return this.left.getAndDecrement() > 0;
		}

	}

	private final class Recorder extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (EmulatorJournal.this.losses.stream().anyMatch((loss) -> loss.takes(request))) {
				EmulatorJournal.this.entries.add(new Entry(request.getMethod(), request.getRequestURI(), 0, ""));
				response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
				return;
			}
			ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
			try {
				chain.doFilter(request, wrapped);
			}
			finally {
				EmulatorJournal.this.entries.add(new Entry(request.getMethod(), request.getRequestURI(),
						wrapped.getStatus(), new String(wrapped.getContentAsByteArray(), StandardCharsets.UTF_8)));
				wrapped.copyBodyToResponse();
			}
		}

	}

}
