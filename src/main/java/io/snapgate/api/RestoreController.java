package io.snapgate.api;

import java.net.URI;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import io.snapgate.application.NewRestore;
import io.snapgate.application.RestoreService;
import io.snapgate.application.StartedRestore;
import io.snapgate.domain.Restore;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /restores}: start a restore from a snapshot and follow its progress.
 */
@RestController
@RequestMapping(path = "/restores", produces = "application/json")
@Tag(name = "Restores", description = "Restore a VM or tenant as a new copy, or roll a disk back in place")
@ProblemResponses
class RestoreController {

	private final RestoreService restores;

	private final RestoreIdCodec restoreIds;

	RestoreController(RestoreService restores, RestoreIdCodec restoreIds) {
		this.restores = restores;
		this.restoreIds = restoreIds;
	}

	@PostMapping(consumes = "application/json")
	@Operation(summary = "Start a restore",
			description = "A VM or tenant is restored as a new copy. A volume is rolled back in place, which "
					+ "destroys its current data: that needs \"confirmInPlace\": true, and it takes a safety snapshot "
					+ "of the disk first (safetySnapshotId), which undoes it. It answers once its checks pass and its "
					+ "first write is sent, without waiting for the upstream; reading the restore (on any replica) "
					+ "takes its next due step. The same Idempotency-Key with the same body returns the same restore "
					+ "and starts one; with another body it is 422 IDEMPOTENCY_KEY_REUSED.")
	@ApiResponse(responseCode = "202", description = "Started (PENDING or RUNNING); follow Location",
			content = @Content(schema = @Schema(implementation = RestoreResource.class)))
	@ApiResponse(responseCode = "200", description = "With ?dryRun=true: what the restore would do; nothing is done",
			content = @Content(schema = @Schema(implementation = PreviewResource.class)))
	ResponseEntity<?> start(@Parameter(
			description = "Makes retries safe: the same key and body return the same restore and start one",
			schema = @Schema(maxLength = Patterns.IDEMPOTENCY_KEY_MAX_LENGTH)) @RequestHeader(name = "Idempotency-Key",
					required = false) @Nullable @Pattern(regexp = Patterns.IDEMPOTENCY_KEY) String idempotencyKey,
			@Parameter(description = "Check everything and tell what would be done, without doing it") @RequestParam(
					defaultValue = "false") boolean dryRun,
			@Valid @RequestBody RestoreRequest body) {
		// @Valid has checked these
		RestoreRequest.Target target = Objects.requireNonNull(body.target(), "target");
		SnapshotRef snapshot = SnapshotRef.parse(Objects.requireNonNull(body.snapshotId(), "snapshotId"));
		NewRestore request = new NewRestore(snapshot, Objects.requireNonNull(target.type(), "target.type"),
				target.member(), body.newName(), Boolean.TRUE.equals(body.confirmInPlace()), body.safetySnapshot(),
				idempotencyKey);
		if (dryRun) {
			return ResponseEntity.ok(PreviewResource.of("RESTORE", this.restores.preview(request)));
		}
		StartedRestore started = this.restores.start(request);
		String id = this.restoreIds.encode(started.provider(), started.restore().handle());
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/restores/{id}")
			.buildAndExpand(id)
			.toUri();
		return ResponseEntity.accepted()
			.location(location)
			.body(RestoreResource.of(id, started.provider(), started.restore()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "The progress of a restore",
			description = "Told from the upstream alone, on any replica. A restore whose next step is due (a rollback "
					+ "whose safety snapshot became usable, a recovery a stopped replica left unsent) has it taken by "
					+ "this read, once however many replicas read it at the same time.")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "404",
			description = "RESTORE_NOT_FOUND: its record upstream is gone (a Baidu "
					+ "rollback's safety snapshot deleted, a VergeOS member no longer in its snapshot)",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemSchema.class)))
	RestoreResource status(
			@Parameter(schema = @Schema(maxLength = RestoreIdCodec.MAX_ID_LENGTH)) @PathVariable String id) {
		RestoreIdCodec.Decoded decoded = this.restoreIds.decode(id);
		Restore restore = this.restores.status(decoded.provider(), decoded.handle());
		return RestoreResource.of(id, decoded.provider(), restore);
	}

}
