package io.snapgate.api;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import io.snapgate.application.CopyService;
import io.snapgate.application.CopyView;
import io.snapgate.application.NewCopy;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.SnapshotRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Copies of snapshots to other configured providers: another region, another site.
 */
@RestController
@Tag(name = "Copies", description = "Copy a snapshot to another region or site, and follow the copy")
@ProblemResponses
class CopyController {

	private final CopyService copies;

	private final CopyIdCodec copyIds;

	CopyController(CopyService copies, CopyIdCodec copyIds) {
		this.copies = copies;
		this.copyIds = copyIds;
	}

	@PostMapping(path = "/snapshots/{id}/copies", consumes = "application/json", produces = "application/json")
	@Operation(summary = "Copy a snapshot to another provider",
			description = "The backend sends the snapshot to one of the provider's copyTargets (/providers). It "
					+ "answers once the backend took the copy; follow Location. Needs snapshots:write on both "
					+ "providers. The same Idempotency-Key with the same body returns the same copy and sends one; "
					+ "with another body it is 422 IDEMPOTENCY_KEY_REUSED.")
	@ApiResponse(responseCode = "202", description = "Started; follow Location",
			content = @Content(schema = @Schema(implementation = CopyResource.class)))
	@ApiResponse(responseCode = "200", description = "With ?dryRun=true: what the copy would do; nothing is done",
			content = @Content(schema = @Schema(implementation = PreviewResource.class)))
	ResponseEntity<?> start(
			@Parameter(schema = @Schema(maxLength = Patterns.SNAPSHOT_ID_MAX_LENGTH)) @PathVariable String id,
			@Parameter(description = "Makes retries safe: the same key and body return the same copy and send one",
					schema = @Schema(maxLength = Patterns.IDEMPOTENCY_KEY_MAX_LENGTH)) @RequestHeader(
							name = "Idempotency-Key", required = false) @Nullable @Pattern(
									regexp = Patterns.IDEMPOTENCY_KEY) String idempotencyKey,
			@Parameter(description = "Check everything and tell what would be done, without doing it") @RequestParam(
					defaultValue = "false") boolean dryRun,
			@Valid @RequestBody CopyRequest body) {
		NewCopy request = new NewCopy(SnapshotRef.parse(id),
				new ProviderId(Objects.requireNonNull(body.targetProvider(), "targetProvider")),
				IsoDurations.positive("retention", body.retention()), idempotencyKey);
		if (dryRun) {
			return ResponseEntity.ok(PreviewResource.of("COPY", this.copies.preview(request)));
		}
		CopyView copy = this.copies.start(request);
		String copyId = this.copyIds.encode(copy.provider(), copy.handle());
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/copies/{id}")
			.buildAndExpand(copyId)
			.toUri();
		return ResponseEntity.accepted().location(location).body(CopyResource.of(copyId, copy));
	}

	@GetMapping(path = "/snapshots/{id}/copies", produces = "application/json")
	@Operation(summary = "The copies of a snapshot",
			description = "The copies its backend keeps a record of, newest first, each checked against its target")
	@ApiResponse(responseCode = "200", description = "OK")
	CopyListResource list(
			@Parameter(schema = @Schema(maxLength = Patterns.SNAPSHOT_ID_MAX_LENGTH)) @PathVariable String id) {
		List<CopyResource> items = this.copies.copiesOf(SnapshotRef.parse(id))
			.stream()
			.map((copy) -> CopyResource.of(this.copyIds.encode(copy.provider(), copy.handle()), copy))
			.toList();
		return new CopyListResource(items);
	}

	@GetMapping(path = "/copies/{id}", produces = "application/json")
	@Operation(summary = "How a copy goes",
			description = "Told from the upstreams alone, on any replica: the source's record, checked against the "
					+ "target. SUCCEEDED only once the target shows the copy AVAILABLE.")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "404", description = "COPY_NOT_FOUND: its record upstream is gone",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemSchema.class)))
	CopyResource status(@Parameter(schema = @Schema(maxLength = CopyIdCodec.MAX_ID_LENGTH)) @PathVariable String id) {
		CopyIdCodec.Decoded decoded = this.copyIds.decode(id);
		return CopyResource.of(id, this.copies.status(decoded.provider(), decoded.handle()));
	}

	/**
	 * The copies of a snapshot.
	 */
	@Schema(name = "CopyList")
	record CopyListResource(List<CopyResource> items) {
	}

}
