package io.snapgate.guard;

import java.util.List;

import io.snapgate.domain.Copy;
import io.snapgate.domain.CopyCommand;
import io.snapgate.domain.CopyHandle;
import io.snapgate.domain.CopyProvider;
import io.snapgate.domain.CopyTarget;
import io.snapgate.domain.Preview;
import io.snapgate.domain.ProviderId;
import io.snapgate.provider.UpstreamOperation;

/**
 * A provider's copies behind the same guards as its snapshots. Starting a copy is retried
 * only where it provably never reached the upstream, as a restore is: sent twice, it
 * could travel twice.
 */
final class ResilientCopyProvider implements CopyProvider {

	private final CopyProvider delegate;

	private final GuardEngine engine;

	ResilientCopyProvider(CopyProvider delegate, GuardEngine engine) {
		this.delegate = delegate;
		this.engine = engine;
	}

	@Override
	public ProviderId id() {
		return this.delegate.id();
	}

	@Override
	public List<CopyTarget> targets() {
		return this.delegate.targets();
	}

	@Override
	public boolean isValidCopyHandle(CopyHandle handle) {
		return this.delegate.isValidCopyHandle(handle);
	}

	@Override
	public Copy copy(CopyCommand command) {
		return this.engine.write(UpstreamOperation.COPY, () -> this.delegate.copy(command));
	}

	@Override
	public Preview previewCopy(CopyCommand command) {
		return this.engine.call(UpstreamOperation.PREVIEW, () -> this.delegate.previewCopy(command));
	}

	@Override
	public Copy copyStatus(CopyHandle handle) {
		return this.engine.read(UpstreamOperation.COPY_STATUS, handle.value(), Answer.COPY,
				() -> this.delegate.copyStatus(handle));
	}

	@Override
	public List<Copy> copiesOf(String snapshotNativeId) {
		return this.engine.read(UpstreamOperation.COPY_LIST, snapshotNativeId, Answer.COPIES,
				() -> this.delegate.copiesOf(snapshotNativeId));
	}

}
