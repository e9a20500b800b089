package io.snapgate.api;

import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;

/**
 * Declares on each read that {@link ConditionalReads} answers conditionally its
 * {@code If-None-Match} parameter, the {@code ETag} of its answer, and the
 * {@code 304 Not Modified} without a body that a generated client must expect.
 * <p>
 * Runs before {@link SharedProblemResponses}, which puts each operation's answers in
 * order.
 */
class ConditionalReadResponses implements OpenApiCustomizer, Ordered {

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().forEach((path, item) -> {
			if (item.getGet() != null && ConditionalReads.covers(path)) {
				declare(item.getGet());
			}
		});
	}

	private static void declare(Operation read) {
		read.addParametersItem(new HeaderParameter().name(HttpHeaders.IF_NONE_MATCH)
			.description("The ETag of the answer the caller has; 304 without a body while it is still the answer")
			.schema(text()));
		ApiResponse ok = read.getResponses().get("200");
		if (ok != null) {
			ok.addHeaderObject(HttpHeaders.ETAG, new Header().description("The answer's entity tag").schema(text()));
		}
		read.getResponses()
			.addApiResponse("304", new ApiResponse().description("Not Modified: If-None-Match names this answer")
				.headers(Map.of(HttpHeaders.ETAG, new Header().description("The answer's entity tag").schema(text()))));
	}

	private static Schema<?> text() {
		return new JsonSchema().types(Set.of("string"));
	}

}
