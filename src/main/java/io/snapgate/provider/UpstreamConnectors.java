package io.snapgate.provider;

import java.time.Duration;

import javax.net.ssl.SSLContext;

import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

/**
 * The HTTP connection every adapter talks to its upstream through: Reactor Netty with a
 * pool of its own per provider, so that one slow upstream cannot hold the connections
 * another needs.
 */
public final class UpstreamConnectors {

	/**
	 * More than any bulkhead lets through at once, so that the bulkhead, which answers
	 * with a clear error, is the limit rather than a wait for a free connection.
	 */
	static final int MAX_CONNECTIONS = 512;

	/**
	 * Shorter than the idle timeouts of common servers and load balancers (60 s and
	 * more), so that a connection is not reused just as the other side closes it.
	 */
	static final Duration MAX_IDLE = Duration.ofSeconds(30);

	private UpstreamConnectors() {
	}

	/**
	 * @param name names the connection pool in logs
	 * @param connectTimeout how long to wait for a connection
	 * @param readTimeout how long to wait for the answer once the request is sent
	 * @param tls the trust to use for {@code https://}; {@code null} for Netty's defaults
	 */
	public static ClientHttpConnector create(String name, Duration connectTimeout, Duration readTimeout,
			@Nullable SSLContext tls) {
		ConnectionProvider pool = ConnectionProvider.builder(name)
			.maxConnections(MAX_CONNECTIONS)
			.pendingAcquireTimeout(connectTimeout)
			.maxIdleTime(MAX_IDLE)
			.evictInBackground(MAX_IDLE)
			.build();
		HttpClient http = HttpClient.create(pool)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(connectTimeout.toMillis()))
			.responseTimeout(readTimeout)
			.followRedirect(false);
		if (tls != null) {
			JdkSslContext context = new JdkSslContext(tls, true, null, IdentityCipherSuiteFilter.INSTANCE, null,
					ClientAuth.NONE, null, false);
			http = http.secure((spec) -> spec.sslContext(context));
		}
		return new ReactorClientHttpConnector(http);
	}

}
