package io.snapgate.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's front matter. The operations come from the controllers' annotations.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI snapGateOpenApi() {
		return new OpenAPI().info(new Info().title("SnapGate API")
			.version("v1")
			.description("""
					One provider-neutral API for snapshots and restores on VergeOS (whole-system cloud snapshots; \
					VMs and tenants restored as new copies) and Baidu Cloud BCC (per-disk snapshots; disks rolled \
					back in place). Snapshot ids are `<provider>:<nativeId>`. Errors are RFC 9457 problem details \
					with a stable `code`.""")
			.license(new License().name("Proprietary")));
	}

}
