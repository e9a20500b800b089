package io.snapgate.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.snapgate.domain.Copy;
import io.snapgate.domain.CopyCommand;
import io.snapgate.domain.CopyHandle;
import io.snapgate.domain.CopyProvider;
import io.snapgate.domain.CopyStatus;
import io.snapgate.domain.CopyTarget;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Preview;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.SnapshotStatus;

/**
 * An in-memory {@link CopyProvider} that copies a {@link FakeSnapshotProvider}'s
 * snapshots into another: the copy appears at the target as {@code CREATING}, and the
 * source's record says what the test tells it to.
 */
public final class FakeCopyProvider implements CopyProvider {

	private final FakeSnapshotProvider source;

	private final Supplier<FakeSnapshotProvider> target;

	private final Map<String, Copy> copies = new ConcurrentHashMap<>();

	private final Map<String, String> keys = new ConcurrentHashMap<>();

	private final List<CopyCommand> sent = new CopyOnWriteArrayList<>();

	private final AtomicInteger sequence = new AtomicInteger(1);

	public FakeCopyProvider(FakeSnapshotProvider source, FakeSnapshotProvider target) {
		this(source, () -> target);
	}

	/** Copies to a target found when a copy is made, for targets built later. */
	public FakeCopyProvider(FakeSnapshotProvider source, Supplier<FakeSnapshotProvider> target) {
		this.source = source;
		this.target = target;
	}

	public void reset() {
		this.copies.clear();
		this.keys.clear();
		this.sent.clear();
	}

	/** Every copy sent to the backend. */
	public List<CopyCommand> sent() {
		return List.copyOf(this.sent);
	}

	/** What the source's record of a copy says from now on. */
	public void report(CopyHandle handle, CopyStatus status, String failureReason) {
		this.copies.computeIfPresent(handle.value(),
				(key, copy) -> new Copy(copy.handle(), copy.snapshotNativeId(), copy.target(), copy.targetNativeId(),
						status, null, copy.startedAt(), null, (status == CopyStatus.FAILED) ? failureReason : null));
	}

	@Override
	public ProviderId id() {
		return this.source.id();
	}

	@Override
	public List<CopyTarget> targets() {
		return List.of(new CopyTarget(this.target.get().id(), "test"));
	}

	@Override
	public boolean isValidCopyHandle(CopyHandle handle) {
		return handle.value().startsWith("copy-");
	}

	@Override
	public Copy copy(CopyCommand command) {
		if (command.idempotency() != null) {
			String previous = this.keys.putIfAbsent(command.idempotency().key(), command.idempotency().fingerprint());
			if (previous != null && !previous.equals(command.idempotency().fingerprint())) {
				throw new IdempotencyKeyReusedException();
			}
			if (previous != null) {
				return this.copies.values()
					.stream()
					.filter((copy) -> copy.handle().value().endsWith(":" + command.idempotency().key()))
					.findFirst()
					.orElseThrow();
			}
		}
		if (this.source.get(command.snapshotNativeId()).isEmpty()) {
			throw new NotFoundException(ErrorCode.SNAPSHOT_NOT_FOUND, "No such snapshot");
		}
		this.sent.add(command);
		String copyId = "c" + this.sequence.getAndIncrement();
		FakeSnapshotProvider at = this.target.get();
		at.withSnapshot(at.snapshot(copyId, "copy", null, Instant.EPOCH, SnapshotStatus.CREATING));
		String handle = "copy-" + copyId + ((command.idempotency() != null) ? ":" + command.idempotency().key() : "");
		Copy copy = new Copy(new CopyHandle(handle), command.snapshotNativeId(), command.target(), copyId,
				CopyStatus.RUNNING, null, Instant.EPOCH, null, null);
		this.copies.put(handle, copy);
		return copy;
	}

	@Override
	public Preview previewCopy(CopyCommand command) {
		return new Preview(List.of(), List.of(), List.of());
	}

	@Override
	public Copy copyStatus(CopyHandle handle) {
		Copy copy = this.copies.get(handle.value());
		if (copy == null) {
			throw new NotFoundException(ErrorCode.COPY_NOT_FOUND, "No such copy");
		}
		return copy;
	}

	@Override
	public List<Copy> copiesOf(String snapshotNativeId) {
		List<Copy> of = new ArrayList<>();
		this.copies.values()
			.stream()
			.filter((copy) -> copy.snapshotNativeId().equals(snapshotNativeId))
			.forEach(of::add);
		return of;
	}

}
