package io.snapgate.observability;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Counts every request sent to an upstream as {@value #NAME}, by host, method, URI
 * template and status: what an upstream's request quota is spent on. A counter, not an
 * observation: the attempt that sends the request is timed once already.
 */
public final class UpstreamExchangeCounter implements ExchangeFilterFunction {

	public static final String NAME = "snapgate.upstream.exchanges";

	private static final String URI_TEMPLATE = WebClient.class.getName() + ".uriTemplate";

	private static final Pattern SCHEME_AND_HOST = Pattern.compile("^[a-z]+://[^/]*");

	private final MeterRegistry meters;

	private final Map<Key, Counter> counters = new ConcurrentHashMap<>();

	public UpstreamExchangeCounter(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return next.exchange(request)
			.doOnNext((response) -> count(request, Integer.toString(response.statusCode().value())))
			.doOnError((failure) -> count(request, "IO_ERROR"));
	}

	private void count(ClientRequest request, String status) {
		URI url = request.url();
		Object template = request.attribute(URI_TEMPLATE).orElse(null);
		Key key = new Key((url.getHost() != null) ? url.getHost() : "none", request.method().name(),
				(template instanceof String text) ? text : "none", status);
		this.counters.computeIfAbsent(key, this::register).increment();
	}

	private Counter register(Key key) {
		return Counter.builder(NAME)
			.description("Requests sent to upstreams")
			.tag("client.name", key.host())
			.tag("method", key.method())
			.tag("uri", pathOf(key.template()))
			.tag("status", key.status())
			.register(this.meters);
	}

	/** The path of the URI template, so that neither ids nor hosts become tags. */
	private static String pathOf(String template) {
		String path = SCHEME_AND_HOST.matcher(template).replaceFirst("");
		int query = path.indexOf('?');
		return (query >= 0) ? path.substring(0, query) : path;
	}

	private record Key(String host, String method, String template, String status) {
	}

}
