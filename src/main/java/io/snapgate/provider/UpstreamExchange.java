package io.snapgate.provider;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.UpstreamErrorException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One request to an upstream, answered as status, headers and bytes. Every adapter sends
 * through one: transport failures become domain errors here, by one policy, and what the
 * status means is left to the adapter. URI templates keep metric tags low-cardinality.
 * Within a guarded attempt ({@link UpstreamAttempt}) it spends from the attempt's budget
 * and waits on the caller's thread no longer than the attempt has left.
 */
public final class UpstreamExchange {

	private static final byte[] EMPTY = new byte[0];

	private final WebClient webClient;

	private final Upstream upstream;

	private final Duration overallTimeout;

	/**
	 * @param overallTimeout the most one exchange may take, body included
	 */
	public UpstreamExchange(WebClient webClient, Upstream upstream, Duration overallTimeout) {
		this.webClient = webClient;
		this.upstream = upstream;
		this.overallTimeout = overallTimeout;
	}

	/**
	 * @param template the path and query as a URI template
	 * @param variables the template's variables, encoded as URI components
	 * @param body the serialised body, or {@code null} for none
	 * @param action what is asked, for messages, such as {@code read snapshot}
	 */
	public UpstreamReply exchange(HttpMethod method, String template, Map<String, ?> variables, byte @Nullable [] body,
			String action) {
		UpstreamAttempt attempt = UpstreamAttempt.currentOrNull();
		Duration timeout = this.overallTimeout;
		if (attempt != null) {
			attempt.allowance().spendOne();
			Duration left = attempt.remaining();
			if (!left.isPositive()) {
				throw attempt.overrun(this.upstream.name(), null);
			}
			if (left.compareTo(timeout) < 0) {
				timeout = left;
			}
		}
		WebClient.RequestBodySpec request = this.webClient.method(method).uri(template, variables);
		if (body != null) {
			// raw bytes in a fresh buffer per attempt, with the length known: an encoder
			// could rewrite the
			// content type after a signature covered it
			request.header(HttpHeaders.CONTENT_TYPE, this.upstream.bodyType())
				.contentLength(body.length)
				.body(BodyInserters
					.fromDataBuffers(Mono.fromSupplier(() -> DefaultDataBufferFactory.sharedInstance.wrap(body))));
		}
		String requestIdHeader = this.upstream.requestIdHeader();
		UpstreamReply reply;
		try {
			reply = request
				.exchangeToMono((response) -> response.bodyToMono(byte[].class).defaultIfEmpty(EMPTY).map((bytes) -> {
					HttpHeaders headers = response.headers().asHttpHeaders();
					return new UpstreamReply(response.statusCode().value(),
							(requestIdHeader != null) ? headers.getFirst(requestIdHeader) : null,
							headers.getFirst(HttpHeaders.RETRY_AFTER), bytes);
				}))
				.timeout(timeout)
				.block();
		}
		catch (RuntimeException ex) {
			if (attempt != null && !attempt.remaining().isPositive() && isTimeout(ex)) {
				throw attempt.overrun(this.upstream.name(), ex);
			}
			throw UpstreamTransportErrors.map(this.upstream, action, ex);
		}
		if (reply == null) {
			throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
					this.upstream.name() + " gave no answer to " + action);
		}
		return reply;
	}

	private static boolean isTimeout(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TimeoutException) {
				return true;
			}
		}
		return false;
	}

}
