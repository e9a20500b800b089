package io.snapgate.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Adds to every operation the problems it can answer whatever it does: an upstream that
 * throttles, fails, is out of reach or too slow, SnapGate failing, an {@code Accept} it
 * cannot serve, and, where a body is sent, one too large or of another media type. Each
 * is declared once under {@code components.responses} and referenced; an operation that
 * documents the status itself keeps its own.
 */
class SharedProblemResponses implements OpenApiCustomizer {

	static final String RETRY_AFTER = "Retry-After";

	private static final List<Shared> EVERY_OPERATION = List.of(
			new Shared("406", "NotAcceptable", "NOT_ACCEPTABLE: the Accept header allows no JSON", false),
			new Shared("429", "UpstreamThrottled",
					"UPSTREAM_THROTTLED: the provider throttled SnapGate; UPSTREAM_BUDGET_EXHAUSTED: SnapGate's budget "
							+ "of calls to the provider is spent and nothing was sent. Try again after Retry-After",
					true),
			new Shared("500", "InternalError", "INTERNAL_ERROR: SnapGate failed unexpectedly; the error is logged",
					false),
			new Shared("502", "UpstreamFailed",
					"UPSTREAM_ERROR: the provider failed; UPSTREAM_AUTH_FAILED: it refused SnapGate's credentials; "
							+ "ALL_PROVIDERS_FAILED: no provider asked could answer",
					false),
			new Shared("503", "UpstreamUnavailable",
					"UPSTREAM_UNAVAILABLE: the provider is out of reach or its circuit breaker is open; PROVIDER_BUSY: "
							+ "too many calls to it are under way; AUTHENTICATION_UNAVAILABLE: a token could not be "
							+ "checked. Try again after Retry-After",
					true),
			new Shared("504", "UpstreamTimeout", "UPSTREAM_TIMEOUT: the provider did not answer in time", false));

	private static final List<Shared> WITH_A_BODY = List.of(
			new Shared("413", "ContentTooLarge", "PAYLOAD_TOO_LARGE: the body is over the size limit", false),
			new Shared("415", "UnsupportedMediaType",
					"UNSUPPORTED_MEDIA_TYPE: the body is not of a media type the operation reads", false));

	@Override
	public void customise(OpenAPI openApi) {
		Components components = openApi.getComponents();
		components.addHeaders(RETRY_AFTER, new Header().description("Whole seconds to wait before trying again")
			.schema(new JsonSchema().types(Set.of("integer")).minimum(BigDecimal.ONE)));
		for (Shared shared : EVERY_OPERATION) {
			components.addResponses(shared.name(), shared.response());
		}
		for (Shared shared : WITH_A_BODY) {
			components.addResponses(shared.name(), shared.response());
		}
		if (openApi.getPaths() == null) {
			return;
		}
		for (PathItem path : openApi.getPaths().values()) {
			for (Operation operation : path.readOperations()) {
				add(operation, EVERY_OPERATION);
				if (operation.getRequestBody() != null) {
					add(operation, WITH_A_BODY);
				}
				operation.setResponses(inStatusOrder(operation.getResponses()));
			}
		}
	}

	private static void add(Operation operation, List<Shared> shared) {
		for (Shared answer : shared) {
			operation.getResponses()
				.putIfAbsent(answer.status(), new ApiResponse().$ref("#/components/responses/" + answer.name()));
		}
	}

	private static ApiResponses inStatusOrder(ApiResponses responses) {
		ApiResponses sorted = new ApiResponses();
		new TreeMap<>(responses).forEach(sorted::addApiResponse);
		if (responses.getExtensions() != null) {
			sorted.setExtensions(responses.getExtensions());
		}
		return sorted;
	}

	/**
	 * One shared problem answer.
	 *
	 * @param status the HTTP status
	 * @param name its name under {@code components.responses}
	 * @param description what it means, by {@code code}
	 * @param retryAfter whether it carries {@code Retry-After}
	 */
	private record Shared(String status, String name, String description, boolean retryAfter) {

		ApiResponse response() {
			ApiResponse response = new ApiResponse().description(this.description)
				.content(new Content().addMediaType("application/problem+json",
						new MediaType().schema(new JsonSchema().$ref("#/components/schemas/Problem"))));
			if (this.retryAfter) {
				response.headers(Map.of(RETRY_AFTER, new Header().$ref("#/components/headers/" + RETRY_AFTER)));
			}
			return response;
		}

	}

}
