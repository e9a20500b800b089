package io.snapgate.api;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.snapgate.application.CreatedSnapshot;
import io.snapgate.application.ListPosition;
import io.snapgate.application.ListRequest;
import io.snapgate.application.NewSnapshot;
import io.snapgate.application.PolicyLocator;
import io.snapgate.application.PolicyRef;
import io.snapgate.application.ProviderScope;
import io.snapgate.application.SnapshotListing;
import io.snapgate.application.SnapshotService;
import io.snapgate.application.SnapshotView;
import io.snapgate.domain.DeleteOutcome;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.Scope;
import io.snapgate.domain.SnapshotChanges;
import io.snapgate.domain.SnapshotQuery;
import io.snapgate.domain.SnapshotRef;
import io.snapgate.domain.SnapshotStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /snapshots}: list, read, create, change and delete snapshots on any provider.
 */
@RestController
@RequestMapping(path = "/snapshots", produces = "application/json")
@Tag(name = "Snapshots", description = "Snapshots on every configured provider")
@ProblemResponses
class SnapshotController {

	private static final String MERGE_PATCH = "application/merge-patch+json";

	private final SnapshotService snapshots;

	private final PolicyLocator policies;

	private final PageTokenCodec pageTokens;

	private final Duration defaultWait;

	SnapshotController(SnapshotService snapshots, PolicyLocator policies, PageTokenCodec pageTokens,
			ApiSettings settings) {
		this.snapshots = snapshots;
		this.policies = policies;
		this.pageTokens = pageTokens;
		this.defaultWait = settings.defaultWait();
	}

	@GetMapping
	@Operation(summary = "List snapshots across providers, newest first",
			description = "Providers are asked in parallel. A provider that fails is reported in providerErrors "
					+ "and partial is true; only when every selected provider fails is the answer an error.")
	@ApiResponse(responseCode = "200", description = "OK")
	SnapshotPageResource list(
			@Parameter(description = "Only these providers (repeatable)") @RequestParam(name = "provider",
					required = false) @Nullable List<@Pattern(regexp = Patterns.PROVIDER_ID) String> providers,
			@Parameter(description = "Only these statuses (repeatable)") @RequestParam(name = "status",
					required = false) @Nullable List<SnapshotStatus> statuses,
			@RequestParam(required = false) @Nullable Scope scope,
			@Parameter(schema = @Schema(maxLength = Patterns.UPSTREAM_ID_MAX_LENGTH)) @RequestParam(
					required = false) @Nullable @Pattern(regexp = Patterns.UPSTREAM_ID) String volumeId,
			@Parameter(description = "Only snapshots of this machine (its id, as source.machine shows it)",
					schema = @Schema(maxLength = Patterns.UPSTREAM_ID_MAX_LENGTH)) @RequestParam(
							required = false) @Nullable @Pattern(regexp = Patterns.UPSTREAM_ID) String machine,
			@Parameter(description = "Exact name") @RequestParam(required = false) @Nullable @Size(max = 128) @Pattern(
					regexp = Patterns.PRINTABLE) String name,
			@RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant createdAfter,
			@RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant createdBefore,
			@RequestParam(defaultValue = "false") boolean includeExpired,
			// no example: Swagger UI would fill it in, and a tried-out listing would ask
			// for that policy
			@Parameter(description = "Only snapshots this policy made, where the upstream records it, "
					+ "such as vergeos-prod:3") @RequestParam(
							required = false) @Nullable @Size(max = 200) String policy,
			@Parameter(description = "members: load each system snapshot's VMs and tenants") @RequestParam(
					required = false) @Nullable @Pattern(regexp = "members") String include,
			@RequestParam(defaultValue = "50") @Min(1) @Max(Patterns.MAX_PAGE_SIZE) int pageSize,
			@RequestParam(required = false) @Nullable @Size(max = PageTokenCodec.MAX_TOKEN_LENGTH) String pageToken) {
		Set<ProviderId> named = new TreeSet<>();
		if (providers != null) {
			providers.forEach((id) -> named.add(new ProviderId(id)));
		}
		PolicyRef madeBy = (policy != null) ? policyOf(policy, named) : null;
		Set<ProviderId> selected = (madeBy != null) ? Set.of(madeBy.provider()) : named;
		SnapshotQuery query = new SnapshotQuery((statuses != null) ? new LinkedHashSet<>(statuses) : Set.of(), scope,
				volumeId, name, createdAfter, createdBefore, includeExpired,
				(madeBy != null) ? madeBy.nativeId() : null, machine);
		String fingerprint = IdempotencyKey
			.sha256Hex(String.join("\n", selected.toString(), new TreeSet<>(query.statuses()).toString(),
					String.valueOf(scope), String.valueOf(volumeId), String.valueOf(name), String.valueOf(createdAfter),
					String.valueOf(createdBefore), String.valueOf(includeExpired), String.valueOf(madeBy))
					+ ((machine != null) ? "\nmachine " + machine : ""))
			.substring(0, 16);
		ListPosition position = null;
		if (pageToken != null) {
			Set<ProviderId> expected = this.snapshots.selectedProviders(selected);
			position = this.pageTokens.decode(pageToken, fingerprint, expected);
		}
		SnapshotListing listing = this.snapshots
			.list(new ListRequest(selected, query, position, pageSize, "members".equals(include)));
		String next = (listing.next() != null) ? this.pageTokens.encode(listing.next(), fingerprint) : null;
		return new SnapshotPageResource(listing.items().stream().map(SnapshotResource::of).toList(), next,
				listing.isPartial(),
				listing.failures().stream().map(SnapshotPageResource.ProviderErrorResource::of).toList());
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read one snapshot with its members")
	@ApiResponse(responseCode = "200", description = "OK")
	SnapshotResource get(@Parameter(example = "vergeos-prod:12",
			schema = @Schema(maxLength = Patterns.SNAPSHOT_ID_MAX_LENGTH)) @PathVariable String id) {
		return SnapshotResource.of(this.snapshots.get(SnapshotRef.parse(id)));
	}

	@GetMapping("/{id}/members")
	@Operation(summary = "The VMs and tenants captured in a system snapshot")
	@ApiResponse(responseCode = "200", description = "OK")
	List<SnapshotResource.MemberResource> members(@Parameter(example = "vergeos-prod:12",
			schema = @Schema(maxLength = Patterns.SNAPSHOT_ID_MAX_LENGTH)) @PathVariable String id) {
		SnapshotRef ref = SnapshotRef.parse(id);
		return this.snapshots.members(ref).stream().map((m) -> SnapshotResource.MemberResource.of(ref, m)).toList();
	}

	@PostMapping(consumes = "application/json")
	@Operation(summary = "Take a snapshot",
			description = "Answers 202 with the snapshot as it is being made, or 201 when ?wait=true and it "
					+ "settled in time. The same Idempotency-Key with the same body never makes a second snapshot.")
	@ApiResponse(responseCode = "201", description = "Created and settled while waiting",
			content = @Content(schema = @Schema(implementation = SnapshotResource.class)))
	@ApiResponse(responseCode = "202", description = "Accepted; follow Location",
			content = @Content(schema = @Schema(implementation = SnapshotResource.class)))
	@ApiResponse(responseCode = "200", description = "With ?dryRun=true: what the create would do; nothing is done",
			content = @Content(schema = @Schema(implementation = PreviewResource.class)))
	ResponseEntity<?> create(@Parameter(
			description = "Makes retries safe: the same key and body return the same snapshot",
			schema = @Schema(maxLength = Patterns.IDEMPOTENCY_KEY_MAX_LENGTH)) @RequestHeader(name = "Idempotency-Key",
					required = false) @Nullable @Pattern(regexp = Patterns.IDEMPOTENCY_KEY) String idempotencyKey,
			@Parameter(description = "Wait for the snapshot to become AVAILABLE or FAILED") @RequestParam(
					defaultValue = "false") boolean wait,
			@Parameter(description = "How long to wait (ISO-8601)", example = "PT60S") @RequestParam(
					required = false) @Nullable @Pattern(regexp = Patterns.ISO_DURATION) String timeout,
			@Parameter(description = "Check everything and tell what would be done, without doing it") @RequestParam(
					defaultValue = "false") boolean dryRun,
			@Valid @RequestBody CreateSnapshotRequest body) {
		Duration retention = IsoDurations.positive("retention", body.retention());
		Duration waitFor = wait
				? this.snapshots.boundedWait(IsoDurations.positive("timeout", timeout), this.defaultWait) : null;
		// @Valid has refused a body without them
		String provider = Objects.requireNonNull(body.provider(), "provider");
		String name = Objects.requireNonNull(body.name(), "name");
		NewSnapshot request = new NewSnapshot(new ProviderId(provider), name, body.description(), body.volumeId(),
				retention, body.neverExpire(), body.immutable(), body.privateSnapshot(), idempotencyKey, body.machine(),
				body.quiesce());
		if (dryRun) {
			return ResponseEntity.ok(PreviewResource.of("CREATE_SNAPSHOT", this.snapshots.previewCreate(request)));
		}
		CreatedSnapshot created = this.snapshots.create(request, waitFor);
		SnapshotResource resource = SnapshotResource.of(new SnapshotView(created.snapshot(), null));
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/snapshots/{id}")
			.buildAndExpand(resource.id())
			.toUri();
		HttpStatus status = (wait && created.settled()) ? HttpStatus.CREATED : HttpStatus.ACCEPTED;
		return ResponseEntity.status(status).location(location).body(resource);
	}

	@PatchMapping(path = "/{id}", consumes = { MERGE_PATCH, "application/json" })
	@Operation(summary = "Change a snapshot's name, description or retention",
			description = "A JSON merge patch: each field given is changed, each left out stays. What the provider "
					+ "cannot change is a 400 UNSUPPORTED_FIELD naming the field, before anything is sent; /providers "
					+ "lists what each provider can change. Answers the snapshot as the provider shows it afterwards, "
					+ "whose expiresAt is the provider's own reckoning. If-Match is refused: SnapGate's ETags hash a "
					+ "read's answer and are no version the provider keeps.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = {
					@Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = SnapshotPatchRequest.class)),
					@Content(mediaType = "application/json",
							schema = @Schema(implementation = SnapshotPatchRequest.class)) })
	@ApiResponse(responseCode = "200",
			description = "Changed: the snapshot as read back; with ?dryRun=true, what the change would do "
					+ "(nothing is done)",
			content = @Content(schema = @Schema(oneOf = { SnapshotResource.class, PreviewResource.class })))
	ResponseEntity<?> update(
			@Parameter(example = "vergeos-prod:12",
					schema = @Schema(maxLength = Patterns.SNAPSHOT_ID_MAX_LENGTH)) @PathVariable String id,
			@Parameter(description = "Check everything and tell what would be done, without doing it") @RequestParam(
					defaultValue = "false") boolean dryRun,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) @Nullable String ifMatch,
			@RequestBody JsonNode patch) {
		if (ifMatch != null) {
			throw InvalidRequestException.unsupported(HttpHeaders.IF_MATCH,
					"conditional changes are not supported: SnapGate's ETags hash the answer of a read and are no "
							+ "version the provider keeps; leave the header out");
		}
		SnapshotRef ref = SnapshotRef.parse(id);
		SnapshotChanges changes = SnapshotPatches.changes(patch);
		if (dryRun) {
			return ResponseEntity.ok(PreviewResource.of("UPDATE_SNAPSHOT", this.snapshots.previewUpdate(ref, changes)));
		}
		return ResponseEntity.ok(SnapshotResource.of(this.snapshots.update(ref, changes)));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a snapshot",
			description = "204 when gone, 202 when the upstream deletes asynchronously. A snapshot that is already gone is 404 SNAPSHOT_NOT_FOUND.")
	@ApiResponse(responseCode = "204", description = "Deleted", content = @Content)
	@ApiResponse(responseCode = "202", description = "The upstream is deleting it", content = @Content)
	@ApiResponse(responseCode = "200", description = "With ?dryRun=true: what the delete would do; nothing is done",
			content = @Content(schema = @Schema(implementation = PreviewResource.class)))
	ResponseEntity<?> delete(
			@Parameter(example = "vergeos-prod:12",
					schema = @Schema(maxLength = Patterns.SNAPSHOT_ID_MAX_LENGTH)) @PathVariable String id,
			@Parameter(description = "Check everything and tell what would be done, without doing it") @RequestParam(
					defaultValue = "false") boolean dryRun) {
		if (dryRun) {
			return ResponseEntity
				.ok(PreviewResource.of("DELETE_SNAPSHOT", this.snapshots.previewDelete(SnapshotRef.parse(id))));
		}
		DeleteOutcome outcome = this.snapshots.delete(SnapshotRef.parse(id));
		return (outcome == DeleteOutcome.ACCEPTED) ? ResponseEntity.accepted().build()
				: ResponseEntity.noContent().build();
	}

	/**
	 * The policy a listing is limited to, checked by its provider before its id goes into
	 * any upstream filter.
	 */
	private PolicyRef policyOf(String policy, Set<ProviderId> providers) {
		PolicyRef ref = PolicyRef.parse(policy, "policy");
		this.policies.locate(ref, "policy", ProviderScope.SNAPSHOTS_READ);
		if (!providers.isEmpty() && !providers.contains(ref.provider())) {
			throw InvalidRequestException.field("policy",
					"belongs to provider " + ref.provider() + ", which the provider filter leaves out");
		}
		return ref;
	}

}
