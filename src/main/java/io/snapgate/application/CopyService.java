package io.snapgate.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.snapgate.domain.Copy;
import io.snapgate.domain.CopyCommand;
import io.snapgate.domain.CopyHandle;
import io.snapgate.domain.CopyProvider;
import io.snapgate.domain.CopyTarget;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.FieldError;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Preview;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.domain.SnapshotRef;

/**
 * The copy use cases: send a snapshot to another configured provider, tell how a copy
 * goes, and list a snapshot's copies. The backends move the data and keep the record; the
 * gateway keeps nothing.
 */
public class CopyService {

	private final ProviderAccess access;

	private final SnapshotLocator locator;

	private final AuditLog audit;

	private final CopyArrival arrival;

	private final CopyRecorder recorder;

	public CopyService(ProviderAccess access, SnapshotLocator locator, AuditLog audit, CopyRecorder recorder) {
		this.access = access;
		this.locator = locator;
		this.audit = audit;
		this.arrival = new CopyArrival(access);
		this.recorder = recorder;
	}

	/**
	 * Starts a copy: its checks pass and the backend took it. The caller needs
	 * {@code snapshots:write} on both providers.
	 */
	public CopyView start(NewCopy request) {
		SnapshotProvider source = this.locator.locate(request.snapshot(), ProviderScope.SNAPSHOTS_WRITE);
		CopyProvider copies = copiesOf(source, request.target());
		CopyCommand command = command(request);
		Copy copy = this.audit.record("copy", source.id().value(), request.snapshot() + " to " + request.target(),
				() -> copies.copy(command));
		CopyView view = this.arrival.check(source.id(), copy);
		this.recorder.started(view);
		return view;
	}

	/**
	 * What {@link #start} would do, from reads alone; it fails where {@code start} would,
	 * with the same problem.
	 */
	public PreviewResult preview(NewCopy request) {
		SnapshotProvider source = this.locator.locate(request.snapshot(), ProviderScope.SNAPSHOTS_WRITE);
		CopyProvider copies = copiesOf(source, request.target());
		List<Preview.Check> checks = new ArrayList<>();
		checks.add(new Preview.Check("PROVIDER_COPIES_THERE", Preview.Outcome.PASSED,
				"Provider " + source.id() + " copies to " + request.target()));
		return new PreviewResult(source.id(), copies.previewCopy(command(request)).afterChecks(checks));
	}

	/**
	 * How a copy goes, read from the provider its id names and checked against its
	 * target, on any replica.
	 */
	public CopyView status(ProviderId providerId, CopyHandle handle) {
		SnapshotProvider provider = this.access.find(providerId, ProviderScope.SNAPSHOTS_READ)
			.orElseThrow(() -> notFound("The copy's provider '" + providerId + "' is no longer configured"));
		CopyProvider copies = provider.copies()
			.orElseThrow(() -> notFound("Provider " + providerId + " no longer copies snapshots"));
		if (!copies.isValidCopyHandle(handle)) {
			throw new InvalidRequestException(ErrorCode.INVALID_COPY_ID, "Not a copy of provider " + providerId,
					FieldError.of("id", "not a copy id"));
		}
		return seen(provider.id(), copies.copyStatus(handle));
	}

	/**
	 * The copies of a snapshot its backend knows of, newest first; empty where the
	 * provider copies nowhere.
	 */
	public List<CopyView> copiesOf(SnapshotRef snapshot) {
		SnapshotProvider provider = this.locator.locate(snapshot, ProviderScope.SNAPSHOTS_READ);
		Optional<CopyProvider> copies = provider.copies();
		if (copies.isEmpty()) {
			if (provider.get(snapshot.nativeId()).isEmpty()) {
				throw new NotFoundException(ErrorCode.SNAPSHOT_NOT_FOUND, "No snapshot " + snapshot);
			}
			return List.of();
		}
		return copies.get().copiesOf(snapshot.nativeId()).stream().map((copy) -> seen(provider.id(), copy)).toList();
	}

	private CopyView seen(ProviderId provider, Copy copy) {
		CopyView view = this.arrival.check(provider, copy);
		this.recorder.seen(view);
		return view;
	}

	private CopyProvider copiesOf(SnapshotProvider source, ProviderId target) {
		List<CopyTarget> targets = source.copies().map(CopyProvider::targets).orElse(List.of());
		if (targets.stream().noneMatch((candidate) -> candidate.provider().equals(target))) {
			throw InvalidRequestException.unsupported("targetProvider",
					"provider " + source.id() + (targets.isEmpty() ? " copies to no provider"
							: " copies to " + targets.stream().map((t) -> t.provider().value()).toList()));
		}
		if (this.access.find(target, ProviderScope.SNAPSHOTS_WRITE).isEmpty()) {
			throw new InvalidRequestException(ErrorCode.UNKNOWN_PROVIDER, "No provider '" + target + "' is configured",
					FieldError.of("targetProvider", "no such provider"));
		}
		return source.copies().orElseThrow();
	}

	private static CopyCommand command(NewCopy request) {
		IdempotencyKey idempotency = (request.idempotencyKey() != null)
				? new IdempotencyKey(request.idempotencyKey(), IdempotencyKey.sha256Hex(request.canonicalForm()))
				: null;
		return new CopyCommand(request.snapshot().nativeId(), request.target(), request.retention(), idempotency);
	}

	private static NotFoundException notFound(String message) {
		return new NotFoundException(ErrorCode.COPY_NOT_FOUND, message);
	}

}
