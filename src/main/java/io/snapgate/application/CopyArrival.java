package io.snapgate.application;

import java.util.Optional;

import io.snapgate.domain.Copy;
import io.snapgate.domain.CopyStatus;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.domain.SnapshotStatus;

/**
 * Checks a copy against its target. The source side tells that a copy was sent; only the
 * target tells that it arrived: a copy is {@code SUCCEEDED} once the target provider
 * shows it {@code AVAILABLE}, and never on the source's word alone.
 */
class CopyArrival {

	private final ProviderAccess access;

	CopyArrival(ProviderAccess access) {
		this.access = access;
	}

	CopyView check(ProviderId provider, Copy copy) {
		if (copy.status() == CopyStatus.FAILED) {
			return CopyView.of(provider, copy, CopyStatus.FAILED, copy.failureReason());
		}
		String targetId = copy.targetNativeId();
		Optional<SnapshotProvider> target = this.access.find(copy.target(), ProviderScope.SNAPSHOTS_READ);
		if (targetId == null || target.isEmpty()) {
			// not told yet, or not the caller's to read: the source's word, short of
			// success
			CopyStatus status = (copy.status() == CopyStatus.SUCCEEDED) ? CopyStatus.RUNNING : copy.status();
			return CopyView.of(provider, copy, status, null);
		}
		Optional<Snapshot> arrived = read(target.get(), targetId);
		if (arrived.isEmpty()) {
			return (copy.status() == CopyStatus.SUCCEEDED)
					? CopyView.of(provider, copy, CopyStatus.FAILED,
							"The copy was sent, but " + copy.target() + " holds no snapshot " + targetId
									+ ": it was deleted there since, or never arrived")
					: CopyView.of(provider, copy, copy.status(), null);
		}
		SnapshotStatus status = arrived.get().status();
		return switch (status) {
			case AVAILABLE -> CopyView.of(provider, copy, CopyStatus.SUCCEEDED, null);
			case FAILED, UNAVAILABLE, DELETING ->
				CopyView.of(provider, copy, CopyStatus.FAILED, "The copy at " + copy.target() + " is " + status);
			case CREATING -> CopyView.of(provider, copy, CopyStatus.RUNNING, null);
		};
	}

	private static Optional<Snapshot> read(SnapshotProvider target, String nativeId) {
		if (!target.isValidNativeId(nativeId)) {
			return Optional.empty();
		}
		try {
			return target.get(nativeId);
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

}
