package io.snapgate.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Sends the trace context of the upstream attempt under way (W3C {@code traceparent})
 * with each request to an upstream. The attempt's own observation is the span, so the
 * HTTP client needs no observation of its own: one observation per attempt. The filter
 * runs where the exchange is subscribed, on the caller's thread, inside the attempt's
 * scope.
 */
public final class UpstreamTracePropagation implements ExchangeFilterFunction {

	private final Tracer tracer;

	private final Propagator propagator;

	public UpstreamTracePropagation(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		Span span = this.tracer.currentSpan();
		if (span == null) {
			return next.exchange(request);
		}
		ClientRequest.Builder traced = ClientRequest.from(request);
		this.propagator.inject(span.context(), traced, (builder, name, value) -> {
			if (builder != null) {
				builder.headers((headers) -> headers.set(name, value));
			}
		});
		return next.exchange(traced.build());
	}

}
