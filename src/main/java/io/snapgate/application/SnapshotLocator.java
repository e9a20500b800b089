package io.snapgate.application;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.FieldError;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.domain.SnapshotRef;

/**
 * Finds the provider behind a snapshot id and checks that the native part is one that
 * provider could have issued, before the id goes anywhere near an upstream.
 */
public class SnapshotLocator {

	private final ProviderRegistry registry;

	public SnapshotLocator(ProviderRegistry registry) {
		this.registry = registry;
	}

	public SnapshotProvider locate(SnapshotRef ref) {
		SnapshotProvider provider = this.registry.find(ref.provider())
			.orElseThrow(() -> new NotFoundException(ErrorCode.SNAPSHOT_NOT_FOUND,
					"No snapshot " + ref + ": no provider '" + ref.provider() + "' is configured"));
		if (!provider.isValidNativeId(ref.nativeId())) {
			throw new InvalidRequestException(ErrorCode.INVALID_SNAPSHOT_ID,
					"'" + ref.provider() + "' issues no snapshot ids of that form",
					FieldError.of("id", "not a snapshot id of provider " + ref.provider()));
		}
		return provider;
	}

}
