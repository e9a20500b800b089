package io.snapgate.sandbox;

import java.net.URI;
import java.util.Objects;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The emulators are served by the gateway's own server, whose port may only be known once
 * it has started. Sandbox providers are configured against the placeholder host
 * {@value #HOST}; this filter points such requests at the running server just before they
 * leave, so that signatures computed after it see the real host.
 */
public final class SandboxHost {

	/** The host name sandbox providers are configured with. */
	public static final String HOST = "sandbox.snapgate.invalid";

	private SandboxHost() {
	}

	/** The base URL of an emulator served under {@code path} by this gateway. */
	public static String baseUrl(String path) {
		return "http://" + HOST + path;
	}

	static ExchangeFilterFunction rewriteFilter(WebServerApplicationContext context) {
		return (request, next) -> {
			if (!HOST.equals(request.url().getHost())) {
				return next.exchange(request);
			}
			URI target = UriComponentsBuilder.fromUri(request.url())
				.host("127.0.0.1")
				.port(Objects.requireNonNull(context.getWebServer(), "the server has started").getPort())
				.build(true)
				.toUri();
			return next.exchange(ClientRequest.from(request).url(target).build());
		};
	}

}
