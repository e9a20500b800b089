package io.snapgate.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jspecify.annotations.Nullable;

/**
 * Calls a running gateway's public API over HTTP, as a tool would.
 */
public final class GatewayHttp {

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	public GatewayHttp(int port) {
		this.port = port;
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send("GET", path, null, null);
	}

	public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
		return send("DELETE", path, null, null);
	}

	/**
	 * @param body a JSON body, or {@code null} for none
	 * @param idempotencyKey sent as {@code Idempotency-Key} when not {@code null}
	 */
	public HttpResponse<String> send(String method, String path, @Nullable String body, @Nullable String idempotencyKey)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
