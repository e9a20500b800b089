package io.snapgate.shipping;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP exchange that an example of the documentation made with the sandbox, as the
 * gateway received and answered it.
 *
 * @param page the page of the example, such as {@code docs/api.md}
 * @param line the line of the comment above the request, or of its block's fence
 * @param method the request's method
 * @param path the request's path, without the query
 * @param query the request's query as sent, empty for none
 * @param requestContentType the request's {@code Content-Type}, if any
 * @param requestBody the request's body as far as the gateway read it, empty for none
 * @param status the answer's status
 * @param contentType the answer's {@code Content-Type}, if any
 * @param body the answer's body, empty for none
 */
public record DocExchange(String page, int line, String method, String path, String query,
		@Nullable String requestContentType, String requestBody, int status, @Nullable String contentType,
		String body) {

	private static final Pattern API = Pattern.compile("/(snapshots|restores|policies|providers)(/|$)");

	/**
	 * Whether this request went to one of the sandbox's emulators rather than to the API.
	 */
	public boolean toAnEmulator() {
		return this.path.startsWith("/sandbox/");
	}

	/**
	 * Whether this request went to the API the OpenAPI document describes, rather than to
	 * an emulator, a probe, the actuator or the document itself.
	 */
	public boolean toTheApi() {
		return API.matcher(this.path).lookingAt();
	}

	@Override
	public String toString() {
		return this.method + " " + this.path + (this.query.isEmpty() ? "" : "?" + this.query) + " -> " + this.status
				+ " (" + this.page + ":" + this.line + ")";
	}

}
