package io.snapgate.testing;

import java.util.List;

import io.snapgate.testing.OpenApiContract.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What {@link OpenApiContract} finds wrong in an answer, on a small document of its own.
 */
class OpenApiContractTests {

	private static final String DOCUMENT = """
			{
			  "openapi": "3.1.0",
			  "info": {"title": "t", "version": "1"},
			  "paths": {
			    "/things/{id}": {
			      "get": {"responses": {
			        "200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
			        "4XX": {"$ref": "#/components/responses/Problem"}
			      }},
			      "delete": {"responses": {"204": {"description": "Gone"}}}
			    },
			    "/things/{id}/parts": {
			      "get": {"responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "array", "maxItems": 2}}}}}}
			    }
			  },
			  "components": {
			    "schemas": {
			      "Thing": {"type": "object", "required": ["id", "keep"], "properties": {
			        "id": {"type": "string", "maxLength": 5},
			        "made": {"type": ["string", "null"], "format": "date-time"},
			        "keep": {"oneOf": [
			          {"type": "object", "required": ["for"], "properties": {"for": {"type": "string"}, "min": {"type": ["integer", "null"]}}},
			          {"type": "object", "required": ["forever"], "properties": {"forever": {"type": "boolean"}}}
			        ]}
			      }},
			      "Problem": {"type": "object", "required": ["code"], "properties": {"code": {"type": "string"}}}
			    },
			    "responses": {
			      "Problem": {"description": "A problem", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
			    }
			  }
			}""";

	private final OpenApiContract contract = OpenApiContract.load(DOCUMENT);

	@Test
	void anAnswerAsDeclaredHasNoViolation() {
		assertThat(violations("GET", "/things/t1", 200, "application/json;charset=UTF-8",
				"{\"id\":\"t1\",\"made\":null,\"keep\":{\"for\":\"P7D\",\"min\":null}}"))
			.isEmpty();
		assertThat(violations("GET", "/things/t1?x=1", 200, "application/json",
				"{\"id\":\"t1\",\"keep\":{\"forever\":true}}"))
			.isEmpty();
		assertThat(violations("GET", "/things/t1/parts", 200, "application/json", "[1, 2]")).isEmpty();
		assertThat(violations("DELETE", "/things/t1", 204, null, "")).isEmpty();
		assertThat(violations("GET", "/things/t1", 404, "application/problem+json", "{\"code\":\"NOT_FOUND\"}"))
			.isEmpty();
	}

	@Test
	void aBodyThatBreaksItsSchemaIsAViolation() {
		assertThat(violations("GET", "/things/t1", 200, "application/json",
				"{\"id\":\"too-long\",\"made\":\"yesterday\",\"keep\":{\"for\":\"P7D\",\"forever\":true}}"))
			.anySatisfy((violation) -> assertThat(violation).startsWith("GET /things/t1 -> 200: ").contains("/id"))
			.anySatisfy((violation) -> assertThat(violation).contains("/made"))
			.anySatisfy((violation) -> assertThat(violation).contains("/keep"));
		assertThat(violations("GET", "/things/t1/parts", 200, "application/json", "[1, 2, 3]")).hasSize(1);
	}

	@Test
	void aMemberTheSchemaDoesNotDeclareIsAViolation() {
		assertThat(violations("GET", "/things/t1", 200, "application/json",
				"{\"id\":\"t1\",\"keep\":{\"forever\":true},\"colour\":\"red\"}"))
			.singleElement()
			.asString()
			.contains("colour");
	}

	@Test
	void anUndeclaredStatusPathOrMediaTypeIsAViolation() {
		assertThat(violations("GET", "/things/t1", 500, "application/problem+json", "{\"code\":\"INTERNAL_ERROR\"}"))
			.singleElement()
			.asString()
			.contains("500 is not declared for GET /things/{id}");
		assertThat(violations("PUT", "/things/t1", 200, "application/json", "{}")).singleElement()
			.asString()
			.contains("no operation PUT /things/t1");
		assertThat(violations("GET", "/things/t1", 200, "text/html", "<html/>")).singleElement()
			.asString()
			.contains("answers text/html");
		assertThat(violations("DELETE", "/things/t1", 204, "application/json", "{}")).singleElement()
			.asString()
			.contains("a body where the document declares none");
		assertThat(violations("GET", "/things/t1", 200, null, "")).singleElement().asString().contains("no body");
	}

	@Test
	void onlyAnOpenApi31DocumentIsTaken() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OpenApiContract.load("{\"openapi\": \"3.0.1\", \"paths\": {}}"));
	}

	private List<String> violations(String method, String path, int status, String contentType, String body) {
		return this.contract.violations(new Exchange(method, path, status, contentType, body));
	}

}
