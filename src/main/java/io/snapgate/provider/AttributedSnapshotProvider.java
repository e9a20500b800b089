package io.snapgate.provider;

import java.util.function.Supplier;

import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.SnapshotProvider;

/**
 * Names the provider on every error that comes out of it, so that callers always learn which
 * upstream was involved, whatever the adapter remembered to say.
 */
public final class AttributedSnapshotProvider extends DecoratingSnapshotProvider {

	public AttributedSnapshotProvider(SnapshotProvider delegate) {
		super(delegate);
	}

	@Override
	protected <T> T call(UpstreamOperation operation, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (SnapGateException ex) {
			throw ex.from(id());
		}
	}

}
