package io.snapgate.api;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.snapgate.api.SnapshotPageResource.ProviderErrorResource;
import io.snapgate.application.ListPosition;
import io.snapgate.application.NewPolicy;
import io.snapgate.application.PolicyListRequest;
import io.snapgate.application.PolicyListing;
import io.snapgate.application.PolicyRef;
import io.snapgate.application.PolicyService;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.PolicySpec;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.ProviderId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /policies}: the protection policies each provider's own scheduler runs, behind
 * one model. The gateway stores none of them.
 */
@RestController
@RequestMapping(path = "/policies", produces = "application/json")
@Tag(name = "Policies", description = "Protection policies, run by each provider's own scheduler")
@ProblemResponses
class PolicyController {

	private static final String DRY_RUN = "Check everything and tell what would be done, without doing it";

	private final PolicyService policies;

	private final PageTokenCodec pageTokens;

	PolicyController(PolicyService policies, PageTokenCodec pageTokens) {
		this.policies = policies;
		this.pageTokens = pageTokens;
	}

	@GetMapping
	@Operation(summary = "List policies across providers, by provider",
			description = "Providers that run policies are asked in parallel. A provider that fails is reported in "
					+ "providerErrors and partial is true; only when every selected provider fails is the answer an "
					+ "error.")
	@ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
			schema = @Schema(implementation = PolicyPageResource.class),
			examples = {
					@ExampleObject(name = "Baidu", summary = PolicyExamples.BAIDU, value = PolicyExamples.BAIDU_PAGE),
					@ExampleObject(name = "VergeOS", summary = PolicyExamples.VERGEOS,
							value = PolicyExamples.VERGEOS_PAGE) }))
	PolicyPageResource list(
			@Parameter(description = "Only these providers (repeatable)") @RequestParam(name = "provider",
					required = false) @Nullable List<@Pattern(regexp = Patterns.PROVIDER_ID) String> providers,
			@RequestParam(defaultValue = "50") @Min(1) @Max(Patterns.MAX_PAGE_SIZE) int pageSize,
			@RequestParam(required = false) @Nullable @Size(max = PageTokenCodec.MAX_TOKEN_LENGTH) String pageToken) {
		Set<ProviderId> named = new TreeSet<>();
		if (providers != null) {
			providers.forEach((id) -> named.add(new ProviderId(id)));
		}
		Set<ProviderId> selected = this.policies.selectedProviders(named);
		String fingerprint = IdempotencyKey.sha256Hex("policies\n" + named).substring(0, 16);
		ListPosition position = (pageToken != null) ? this.pageTokens.decode(pageToken, fingerprint, selected) : null;
		PolicyListing listing = this.policies.list(new PolicyListRequest(named, position, pageSize));
		String next = (listing.next() != null) ? this.pageTokens.encode(listing.next(), fingerprint) : null;
		return new PolicyPageResource(listing.items().stream().map(PolicyResource::of).toList(), next,
				listing.isPartial(), listing.failures().stream().map(ProviderErrorResource::of).toList());
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read one policy with its targets and health")
	@ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
			schema = @Schema(implementation = PolicyResource.class),
			examples = {
					@ExampleObject(name = "Baidu", summary = PolicyExamples.BAIDU, value = PolicyExamples.BAIDU_POLICY),
					@ExampleObject(name = "VergeOS", summary = PolicyExamples.VERGEOS,
							value = PolicyExamples.VERGEOS_POLICY) }))
	PolicyResource get(@Parameter(example = "baidu-bj:asp-oG6prjrl",
			schema = @Schema(maxLength = Patterns.POLICY_ID_MAX_LENGTH)) @PathVariable String id) {
		return PolicyResource.of(this.policies.get(PolicyRef.parse(id, "id")));
	}

	@PostMapping(consumes = "application/json")
	@Operation(summary = "Make a policy on a provider",
			description = "A rule, retention, flag or target the provider's scheduler cannot express is a 400 "
					+ "UNSUPPORTED_FIELD naming it, checked before anything is sent. The same Idempotency-Key with the "
					+ "same body never makes a second policy. A policy made without targets is NOT_ASSIGNED: it "
					+ "takes no snapshot until something is assigned to it.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
			schema = @Schema(implementation = PolicyRequest.class),
			examples = {
					@ExampleObject(name = "Baidu", summary = PolicyExamples.BAIDU, value = PolicyExamples.BAIDU_CREATE),
					@ExampleObject(name = "VergeOS", summary = PolicyExamples.VERGEOS,
							value = PolicyExamples.VERGEOS_CREATE) }))
	@ApiResponse(responseCode = "201", description = "Made; Location points at it", content = @Content(
			mediaType = "application/json", schema = @Schema(implementation = PolicyResource.class),
			examples = {
					@ExampleObject(name = "Baidu", summary = PolicyExamples.BAIDU, value = PolicyExamples.BAIDU_POLICY),
					@ExampleObject(name = "VergeOS", summary = PolicyExamples.VERGEOS,
							value = PolicyExamples.VERGEOS_CREATED) }))
	@ApiResponse(responseCode = "200", description = "With ?dryRun=true: what the create would do; nothing is done",
			content = @Content(schema = @Schema(implementation = PreviewResource.class)))
	ResponseEntity<?> create(@Parameter(
			description = "Makes retries safe: the same key and body return the same policy",
			schema = @Schema(maxLength = Patterns.IDEMPOTENCY_KEY_MAX_LENGTH)) @RequestHeader(name = "Idempotency-Key",
					required = false) @Nullable @Pattern(regexp = Patterns.IDEMPOTENCY_KEY) String idempotencyKey,
			@Parameter(description = DRY_RUN) @RequestParam(defaultValue = "false") boolean dryRun,
			@Valid @RequestBody PolicyRequest body) {
		PolicySpec spec = PolicyRequests.spec(body, false);
		// the spec has refused a body without it
		ProviderId provider = new ProviderId(Objects.requireNonNull(body.provider(), "provider"));
		if (dryRun) {
			return ResponseEntity.ok(PreviewResource.of("CREATE_POLICY",
					this.policies.previewCreate(new NewPolicy(provider, spec, idempotencyKey))));
		}
		PolicyResource created = PolicyResource.of(this.policies.create(new NewPolicy(provider, spec, idempotencyKey)));
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/policies/{id}")
			.buildAndExpand(created.id())
			.toUri();
		return ResponseEntity.status(HttpStatus.CREATED).location(location).body(created);
	}

	@PutMapping(path = "/{id}", consumes = "application/json")
	@Operation(summary = "Replace a policy's name, schedule, retention and flags",
			description = "The targets stay as they are. What the provider's scheduler cannot express is a 400 "
					+ "UNSUPPORTED_FIELD naming it.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = PolicyRequest.class),
					examples = {
							@ExampleObject(name = "Baidu", summary = PolicyExamples.BAIDU,
									value = PolicyExamples.BAIDU_REPLACE),
							@ExampleObject(name = "VergeOS", summary = PolicyExamples.VERGEOS,
									value = PolicyExamples.VERGEOS_REPLACE) }))
	@ApiResponse(responseCode = "200", description = "Replaced; with ?dryRun=true, what the replace would do",
			content = @Content(mediaType = "application/json",
					schema = @Schema(oneOf = { PolicyResource.class, PreviewResource.class })))
	ResponseEntity<?> replace(
			@Parameter(example = "baidu-bj:asp-oG6prjrl",
					schema = @Schema(maxLength = Patterns.POLICY_ID_MAX_LENGTH)) @PathVariable String id,
			@Parameter(description = DRY_RUN) @RequestParam(defaultValue = "false") boolean dryRun,
			@Valid @RequestBody PolicyRequest body) {
		PolicyRef ref = PolicyRef.parse(id, "id");
		if (body.provider() != null && !body.provider().equals(ref.provider().value())) {
			throw InvalidRequestException.field("provider", "a policy stays on its provider, " + ref.provider());
		}
		PolicySpec spec = PolicyRequests.spec(body, true);
		if (dryRun) {
			return ResponseEntity.ok(PreviewResource.of("REPLACE_POLICY", this.policies.previewReplace(ref, spec)));
		}
		return ResponseEntity.ok(PolicyResource.of(this.policies.replace(ref, spec)));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a policy",
			description = "The snapshots it made stay. With ?dryRun=true, what would be detached and deleted first "
					+ "(a Baidu policy's disks, a VergeOS profile's periods).")
	@ApiResponse(responseCode = "204", description = "Deleted", content = @Content)
	@ApiResponse(responseCode = "200", description = "With ?dryRun=true: what the delete would do; nothing is done",
			content = @Content(schema = @Schema(implementation = PreviewResource.class)))
	ResponseEntity<?> delete(
			@Parameter(example = "baidu-bj:asp-oG6prjrl",
					schema = @Schema(maxLength = Patterns.POLICY_ID_MAX_LENGTH)) @PathVariable String id,
			@Parameter(description = DRY_RUN) @RequestParam(defaultValue = "false") boolean dryRun) {
		PolicyRef ref = PolicyRef.parse(id, "id");
		if (dryRun) {
			return ResponseEntity.ok(PreviewResource.of("DELETE_POLICY", this.policies.previewDelete(ref)));
		}
		this.policies.delete(ref);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(path = "/{id}/targets", consumes = "application/json")
	@Operation(summary = "Attach targets to a policy",
			description = "A target the provider cannot be given through its API is a 400 UNSUPPORTED_FIELD naming "
					+ "it (targets[0].type), with what to do instead: a VergeOS profile becomes the whole system's "
					+ "only when it is chosen in VergeOS.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = TargetsRequest.class),
					examples = { @ExampleObject(name = "Baidu", summary = PolicyExamples.BAIDU,
							value = PolicyExamples.BAIDU_TARGETS) }))
	@ApiResponse(responseCode = "200",
			description = "The policy with its targets; with ?dryRun=true, what the attach would do",
			content = @Content(mediaType = "application/json",
					schema = @Schema(oneOf = { PolicyResource.class, PreviewResource.class })))
	ResponseEntity<?> attach(
			@Parameter(example = "baidu-bj:asp-oG6prjrl",
					schema = @Schema(maxLength = Patterns.POLICY_ID_MAX_LENGTH)) @PathVariable String id,
			@Parameter(description = DRY_RUN) @RequestParam(defaultValue = "false") boolean dryRun,
			@Valid @RequestBody TargetsRequest body) {
		PolicyRef ref = PolicyRef.parse(id, "id");
		List<PolicyTarget> targets = PolicyRequests.targets(body.targets());
		if (dryRun) {
			return ResponseEntity.ok(PreviewResource.of("ATTACH_TARGETS", this.policies.previewAttach(ref, targets)));
		}
		return ResponseEntity.ok(PolicyResource.of(this.policies.attach(ref, targets)));
	}

	@DeleteMapping("/{id}/targets/{targetId}")
	@Operation(summary = "Detach one target from a policy")
	@ApiResponse(responseCode = "200",
			description = "The policy with its remaining targets; with ?dryRun=true, what the detach would do",
			content = @Content(mediaType = "application/json",
					schema = @Schema(oneOf = { PolicyResource.class, PreviewResource.class })))
	ResponseEntity<?> detach(
			@Parameter(example = "baidu-bj:asp-oG6prjrl",
					schema = @Schema(maxLength = Patterns.POLICY_ID_MAX_LENGTH)) @PathVariable String id,
			@Parameter(example = "v-Cds00001",
					schema = @Schema(maxLength = Patterns.UPSTREAM_ID_MAX_LENGTH)) @PathVariable @Pattern(
							regexp = Patterns.UPSTREAM_ID,
							message = "must be 1-64 letters, digits, '-' or '_'") String targetId,
			@Parameter(description = DRY_RUN) @RequestParam(defaultValue = "false") boolean dryRun) {
		PolicyRef ref = PolicyRef.parse(id, "id");
		if (dryRun) {
			return ResponseEntity.ok(PreviewResource.of("DETACH_TARGET", this.policies.previewDetach(ref, targetId)));
		}
		return ResponseEntity.ok(PolicyResource.of(this.policies.detach(ref, targetId)));
	}

}
