package io.snapgate.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's front matter and its two ways to authenticate, which Swagger UI
 * offers under "Authorize". The operations come from the controllers' annotations, the
 * schemas from the records, declared as they are written by
 * {@link RecordComponentSchemas}, and the problems every operation can answer from
 * {@link SharedProblemResponses}, the conditional reads' {@code 304} from
 * {@link ConditionalReadResponses}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String API_KEY = "apiKey";

	static final String BEARER = "bearer";

	@Bean
	RecordComponentSchemas recordComponentSchemas() {
		return new RecordComponentSchemas();
	}

	@Bean
	SharedProblemResponses sharedProblemResponses() {
		return new SharedProblemResponses();
	}

	@Bean
	ConditionalReadResponses conditionalReadResponses() {
		return new ConditionalReadResponses();
	}

	@Bean
	OpenAPI snapGateOpenApi(ApiSettings settings) {
		String description = """
				One provider-neutral API for snapshots and restores on VergeOS (whole-system cloud snapshots; \
				VMs and tenants restored as new copies) and Baidu Cloud BCC (per-disk snapshots; disks rolled \
				back in place), and for the protection policies each one's own scheduler runs. Snapshot and \
				policy ids are `<provider>:<nativeId>`. Errors are RFC 9457 problem details with a stable \
				`code`. Authenticate with an API key (`X-API-Key`) or a JWT bearer token; scopes: \
				`snapshots:read`, `snapshots:write`, `restores:write`, `policies:read`, `policies:write`.""";
		if (settings.openAccess()) {
			description = "**SANDBOX: this instance runs without authentication against in-memory emulators; "
					+ "nothing here is real.**\n\n" + description;
		}
		return new OpenAPI()
			.info(new Info().title("SnapGate API")
				.version("v1")
				.description(description)
				.license(new License().name("Proprietary")))
			.components(new Components()
				.addSecuritySchemes(API_KEY,
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.HEADER)
							.name("X-API-Key")
							.description("An API key issued to a tool"))
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("JWT")
							.description("A JWT from the configured issuer, with the needed scopes")))
			.addSecurityItem(new SecurityRequirement().addList(API_KEY))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

}
