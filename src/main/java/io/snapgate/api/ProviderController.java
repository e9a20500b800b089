package io.snapgate.api;

import java.util.List;

import io.snapgate.application.ProviderCatalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /providers}: what is configured, what each can do, and how each is doing.
 */
@RestController
@RequestMapping(path = "/providers", produces = "application/json")
@Tag(name = "Providers", description = "The configured upstreams")
@ProblemResponses
class ProviderController {

	private final ProviderCatalog catalog;

	ProviderController(ProviderCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	@Operation(summary = "The configured providers with their capabilities and health")
	@ApiResponse(responseCode = "200", description = "OK")
	List<ProviderResource> providers() {
		return this.catalog.providers().stream().map(ProviderResource::of).toList();
	}

}
