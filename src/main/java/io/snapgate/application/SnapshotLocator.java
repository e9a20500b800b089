package io.snapgate.application;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.FieldError;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.domain.SnapshotRef;

/**
 * Finds the provider behind a snapshot id, as the caller may use it, and checks that the
 * native part is one that provider could have issued, before the id goes anywhere near an
 * upstream. A provider the caller does not see answers as if it were not configured.
 */
public class SnapshotLocator {

	private final ProviderAccess access;

	public SnapshotLocator(ProviderAccess access) {
		this.access = access;
	}

	/**
	 * @param scope what the caller is to do with the snapshot
	 * @throws NotFoundException with {@link ErrorCode#SNAPSHOT_NOT_FOUND} when its
	 * provider is not configured or the caller does not see it
	 * @throws io.snapgate.domain.ForbiddenException when the caller sees the provider but
	 * the scope does not reach it
	 */
	public SnapshotProvider locate(SnapshotRef ref, ProviderScope scope) {
		SnapshotProvider provider = this.access.find(ref.provider(), scope)
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
