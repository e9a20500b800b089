package io.snapgate.provider.baidu;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.snapgate.provider.UpstreamJson;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Signs each request as it leaves, after every other filter has settled its URI (the
 * sandbox rewrite among them), so that the signed {@code host} is the one the connector
 * sends. The signed headers are named in the {@code Authorization} header, so that
 * headers others add (tracing) do not matter. A {@code RequestExpired} answer is tried
 * once more with a fresh timestamp, as Baidu's SDKs do.
 */
final class BceSigningFilter implements ExchangeFilterFunction {

	static final String DATE_HEADER = "x-bce-date";

	private final BceV1Signer signer;

	BceSigningFilter(BceV1Signer signer) {
		this.signer = signer;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return Mono.defer(() -> next.exchange(sign(request)))
			.flatMap((response) -> retryIfExpired(request, response, next));
	}

	private Mono<ClientResponse> retryIfExpired(ClientRequest request, ClientResponse response, ExchangeFunction next) {
		if (!response.statusCode().is4xxClientError()) {
			return Mono.just(response);
		}
		return response.bodyToMono(String.class).defaultIfEmpty("").flatMap((body) -> {
			if (isExpired(body)) {
				return Mono.defer(() -> next.exchange(sign(request)));
			}
			// a copy, since the body of the original can be read only once
			return Mono.just(ClientResponse.create(response.statusCode())
				.headers((headers) -> headers.addAll(response.headers().asHttpHeaders()))
				.body(body)
				.build());
		});
	}

	private static boolean isExpired(String body) {
		return UpstreamJson.read(body.getBytes(StandardCharsets.UTF_8), BaiduErrorJson.class)
			.map((error) -> BaiduErrors.REQUEST_EXPIRED.equals(error.code()))
			.orElse(false);
	}

	ClientRequest sign(ClientRequest request) {
		Instant now = this.signer.now();
		String date = BceV1Signer.timestamp(now);
		URI url = request.url();
		Map<String, String> signed = new LinkedHashMap<>();
		signed.put("host", host(url));
		signed.put(DATE_HEADER, date);
		HttpHeaders headers = request.headers();
		if (headers.getContentLength() > 0) {
			signed.put("content-length", Long.toString(headers.getContentLength()));
			String contentType = headers.getFirst(HttpHeaders.CONTENT_TYPE);
			if (contentType != null) {
				signed.put("content-type", contentType);
			}
		}
		headers.forEach((name, values) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			if (lower.startsWith("x-bce-") && !lower.equals(DATE_HEADER) && !values.isEmpty()) {
				signed.put(lower, values.getFirst());
			}
		});
		BceRequest bce = BceRequest.of(request.method().name(), url.getRawPath(), url.getRawQuery(), signed,
				List.copyOf(signed.keySet()));
		String authorization = this.signer.authorization(bce, now);
		return ClientRequest.from(request).headers((outgoing) -> {
			outgoing.set(DATE_HEADER, date);
			outgoing.set(HttpHeaders.AUTHORIZATION, authorization);
		}).build();
	}

	/**
	 * The {@code Host} header sent for this URI: the port only when it is not the
	 * default.
	 */
	static String host(URI url) {
		String host = url.getHost();
		int port = url.getPort();
		boolean https = "https".equalsIgnoreCase(url.getScheme());
		if (port == -1 || (https && port == 443) || (!https && port == 80)) {
			return host;
		}
		return host + ":" + port;
	}

}
